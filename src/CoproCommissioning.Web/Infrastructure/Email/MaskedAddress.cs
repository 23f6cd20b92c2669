using System.Text.RegularExpressions;

namespace CoproCommissioning.Web.Infrastructure.Email;

/// <summary>
/// An email address shown to administrators only as much as they need to tell messages apart ("p•••@example.org"):
/// the outbox page and stored mail-server errors never show a whole address.
/// </summary>
public static partial class MaskedAddress
{
    public static string Of(string address)
    {
        ArgumentNullException.ThrowIfNull(address);
        var at = address.LastIndexOf('@');
        return at <= 0 ? "•••" : $"{address[0]}•••{address[at..]}";
    }

    /// <summary>Every address in a text (a mail server's refusal often quotes the recipient), masked.</summary>
    public static string InText(string text) => Address().Replace(text, match => Of(match.Value));

    [GeneratedRegex("""[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+""")]
    private static partial Regex Address();
}
