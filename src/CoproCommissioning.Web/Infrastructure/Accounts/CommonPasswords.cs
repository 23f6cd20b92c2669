namespace CoproCommissioning.Web.Infrastructure.Accounts;

/// <summary>
/// Passwords people use most often (decision 0009): the list in the npm package @zxcvbn-ts/language-common,
/// vendored into CommonPasswords/ by scripts/update-password-list.sh and embedded in this assembly.
/// Loaded once (a singleton); compared ignoring case, as the list is lower case.
/// </summary>
public sealed class CommonPasswords
{
    public const string ResourceName = "CoproCommissioning.Web.CommonPasswords.txt";

    private readonly HashSet<string> _passwords;

    private CommonPasswords(HashSet<string> passwords) => _passwords = passwords;

    public int Count => _passwords.Count;

    public bool Contains(string password) => _passwords.Contains(password);

    public static CommonPasswords Load()
    {
        using var stream = typeof(CommonPasswords).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The common password list ({ResourceName}) is not embedded in the app.");
        using var reader = new StreamReader(stream);
        var passwords = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0)
            {
                passwords.Add(line);
            }
        }

        return new CommonPasswords(passwords);
    }
}
