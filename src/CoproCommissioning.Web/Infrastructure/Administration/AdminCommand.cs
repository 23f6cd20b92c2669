using CoproCommissioning.Data.Identity;
using CoproCommissioning.Web.Pages.Admin.Accounts;

namespace CoproCommissioning.Web.Infrastructure.Administration;

/// <summary>
/// <c>dotnet CoproCommissioning.Web.dll admin create --email … --name …</c>: makes an administrator on an install that
/// has none (no demo data needed) and prints a one-time set-up link, with which the person chooses a password and sets
/// up an authenticator app. Runs instead of the web server, with the app's own services (docs/decisions/0016).
/// </summary>
public sealed class AdminCommand
{
    public const string Usage = """
        Usage: CoproCommissioning.Web admin create --email <address> --name "<full name>"

        Makes an administrator and prints a one-time link with which they choose a password and set up
        an authenticator app. The link works once, for 7 days.
        """;

    private AdminCommand(string? email, string? name, string? problem)
    {
        Email = email;
        Name = name;
        Problem = problem;
    }

    public string? Email { get; }
    public string? Name { get; }

    /// <summary>What is wrong with the command line, if anything: the command then prints it with the usage.</summary>
    public string? Problem { get; }

    /// <summary>The command these arguments ask for, or null when they don't start with "admin" (run the web app).</summary>
    public static AdminCommand? Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Count == 0 || args[0] != "admin")
        {
            return null;
        }

        if (args.Count < 2 || args[1] != "create")
        {
            return new AdminCommand(null, null, args.Count < 2 ? "Say what to do: admin create." : $"Unknown command: admin {args[1]}.");
        }

        Dictionary<string, string> options = new(StringComparer.Ordinal);
        for (var i = 2; i < args.Count; i++)
        {
            var (key, value) = args[i].Split('=', 2) is [var k, var v] ? (k, v) : (args[i], i + 1 < args.Count ? args[++i] : null);
            if (key is not ("--email" or "--name") || value is null)
            {
                return new AdminCommand(null, null, value is null ? $"{key} needs a value." : $"Unknown option: {key}.");
            }

            options[key] = value;
        }

        return options.TryGetValue("--email", out var email) && options.TryGetValue("--name", out var name)
            ? new AdminCommand(email, name, null)
            : new AdminCommand(null, null, "Give both --email and --name.");
    }

    /// <summary>Makes the administrator; 0 when made, 1 when refused (already there, or not a usable address), 2 for a bad command line.</summary>
    public async Task<int> RunAsync(IServiceProvider services, TextWriter output, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(output);
        if (Problem is not null)
        {
            await output.WriteLineAsync(Problem);
            await output.WriteLineAsync(Usage);
            return 2;
        }

        await using var scope = services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<StaffAccounts>();
        var created = await accounts.CreateAsync(Email, Name, organisation: null, organisationRequired: false, [SiteRoles.Administrator], ct);
        if (!created.Succeeded)
        {
            await output.WriteLineAsync($"No administrator was made for {Email}:");
            foreach (var refusal in created.Refusals)
            {
                await output.WriteLineAsync($"  {refusal.Rule.Message}");
            }

            return 1;
        }

        await output.WriteLineAsync($"Administrator {created.Value.User.DisplayName} <{created.Value.User.Email}> made.");
        await output.WriteLineAsync("Give them this link (it works once, for 7 days) to choose a password and set up an authenticator app:");
        await output.WriteLineAsync(created.Value.SetUpLink);
        return 0;
    }
}
