namespace CoproCommissioning.Web.Infrastructure.Accounts;

/// <summary>
/// Where signing in lands: the page the person was sent to sign in from, when it is one of ours, else "My cycles",
/// where what needs them is. Never the public home page, which has nothing for a signed-in person to do.
/// </summary>
public static class SignInLanding
{
    public const string MyCycles = "/cycles";

    public static string For(IUrlHelper url, string? returnUrl) =>
        url.IsLocalUrl(returnUrl) && returnUrl is not "/" and not "~/" ? returnUrl : MyCycles;
}
