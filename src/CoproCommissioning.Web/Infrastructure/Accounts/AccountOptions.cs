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

    /// <summary>
    /// The longest a sign-in lasts, counted from when the person signed in: then they sign in again, however busy
    /// the session has been (using the service keeps a session from lapsing, but never past this).
    /// </summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(12);

    /// <summary>
    /// How often a signed-in session checks the account in the database (its security stamp). A password change,
    /// a reset authenticator app or a deleted account ends the person's other sessions within this time.
    /// </summary>
    public TimeSpan SessionCheckInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How long after someone last proved who they are (their password, or a code from their authenticator app)
    /// they may change how they sign in without being asked again (see <see cref="RecentSignIn"/>).
    /// </summary>
    public TimeSpan RecentSignInWindow { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Defaults that depend on where the app runs; configuration, bound afterwards, overrides them.</summary>
    public void ApplyEnvironmentDefaults(IHostEnvironment environment) =>
        RequireTwoFactorForStaff = !(environment.IsDevelopment() || environment.IsEnvironment("Testing"));
}
