namespace CoproCommissioning.Web.Infrastructure.RateLimiting;

/// <summary>The named rate limits, for <c>[EnableRateLimiting]</c> on the pages whose forms they guard.</summary>
public static class RateLimitPolicies
{
    public const string SignIn = "sign-in";
    public const string TwoFactor = "two-factor";
    public const string ForgotPassword = "forgot-password";
    public const string ResetPassword = "reset-password";
    public const string AcceptInvitation = "accept-invitation";
    public const string SendInvitation = "send-invitation";
    public const string CreateCycle = "create-cycle";
    public const string InviteStaff = "invite-staff";
    public const string SendFeedback = "send-feedback";

    internal static IReadOnlyDictionary<string, LimitedForm> Forms { get; } = new LimitedForm[]
    {
        new(SignIn, o => o.SignIn, EmailField: "Input.Email"),
        new(TwoFactor, o => o.TwoFactor),
        new(ForgotPassword, o => o.ForgotPassword, EmailField: "Input.Email"),
        new(ResetPassword, o => o.ResetPassword, EmailField: "Input.Email"),
        new(AcceptInvitation, o => o.AcceptInvitation),
        // The members page also lists members and withdraws invitations; only sending one is limited.
        new(SendInvitation, o => o.SendInvitation, EmailField: "Form.Email", Handler: "Invite"),
        // Creating a cycle can invite its champion by email: the same limits as inviting from the members page.
        new(CreateCycle, o => o.SendInvitation, EmailField: "Form.ChampionEmail"),
        // An administrator inviting a staff member sends a set-up link by email: the same limits again.
        new(InviteStaff, o => o.SendInvitation, EmailField: "Form.Email"),
        // Anyone may send feedback without signing in: enough for a person with a lot to say, not for a flood.
        new(SendFeedback, o => o.SendFeedback),
    }.ToDictionary(form => form.Policy, StringComparer.Ordinal);
}
