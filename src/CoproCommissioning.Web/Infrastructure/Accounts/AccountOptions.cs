namespace CoproCommissioning.Web.Infrastructure.Accounts;

/// <summary>The "Accounts" settings section.</summary>
public sealed class AccountOptions
{
    public const string Section = "Accounts";

    /// <summary>
    /// People who run cycles (administrators, commissioners, and each cycle's commissioners and co-production
    /// champions: see <see cref="StaffTwoFactorPolicy"/>) must set up an authenticator app before they can do anything else.
    /// On unless configuration says otherwise, except on a developer's machine and in the test host (see
    /// <see cref="ApplyEnvironmentDefaults"/>), where the demo accounts sign in with a password alone.
    /// </summary>
    public bool RequireTwoFactorForStaff { get; set; } = true;

    /// <summary>Defaults that depend on where the app runs; configuration, bound afterwards, overrides them.</summary>
    public void ApplyEnvironmentDefaults(IHostEnvironment environment) =>
        RequireTwoFactorForStaff = !(environment.IsDevelopment() || environment.IsEnvironment("Testing"));
}
