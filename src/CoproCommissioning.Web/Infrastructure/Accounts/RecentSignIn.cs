using CoproCommissioning.Data.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CoproCommissioning.Web.Infrastructure.Accounts;

/// <summary>
/// Changes that would let someone who found a signed-in browser take the account over ask the person to prove who
/// they are again, unless they did within <see cref="AccountOptions.RecentSignInWindow"/>: the pages in
/// <see cref="Pages"/> (through <see cref="RecentSignInFilter"/>) send them to "Confirm it's you" first.
/// Deleting the account asks for the password on its own page every time, checked here too.
/// </summary>
public sealed class RecentSignIn(
    SignInManager<AppUser> signInManager,
    UserManager<AppUser> users,
    TimeProvider clock,
    IOptionsMonitor<AccountOptions> options)
{
    public const string ConfirmPage = "/Account/ConfirmItsYou";
    public const string ConfirmPath = "/Identity" + ConfirmPage;

    /// <summary>Pages of the Identity area, whatever the handler. EnableAuthenticator shows an existing key.</summary>
    public static readonly IReadOnlyList<string> Pages =
    [
        "/Account/Manage/EnableAuthenticator",
        "/Account/Manage/ResetAuthenticator",
        "/Account/Manage/Disable2fa",
        "/Account/Manage/GenerateRecoveryCodes",
        "/Account/Manage/Email",
        // The download holds access needs and contributions: health information.
        "/Account/Manage/DownloadPersonalData",
        "/Account/Manage/YourData",
    ];

    public enum Proof
    {
        Accepted,
        Wrong,
        LockedOut,
    }

    public async Task<bool> IsRecentAsync(HttpContext http)
    {
        var signedIn = await http.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        var provedAt = SignInTimes.ProvedAt(signedIn.Properties);
        return signedIn.Succeeded && provedAt is not null && clock.GetUtcNow() - provedAt < options.CurrentValue.RecentSignInWindow;
    }

    /// <summary>Wrong passwords count towards lockout, as on the sign-in page.</summary>
    public async Task<Proof> CheckPasswordAsync(AppUser user, string password)
    {
        var result = await signInManager.CheckPasswordSignInAsync(user, password, lockoutOnFailure: true);
        return result.Succeeded ? Proof.Accepted : result.IsLockedOut ? Proof.LockedOut : Proof.Wrong;
    }

    /// <summary>
    /// For a page that asks for the current password in its own form (change password, delete account): null when it
    /// is right; else "wrong password" beside <paramref name="field"/> and the page again, or, once the account is
    /// locked, signed out and sent to the lockout page.
    /// </summary>
    public async Task<IActionResult?> RefuseWrongPasswordAsync(PageModel page, AppUser user, string password, string field)
    {
        switch (await CheckPasswordAsync(user, password))
        {
            case Proof.Accepted:
                return null;
            case Proof.LockedOut:
                await signInManager.SignOutAsync();
                return new RedirectToPageResult("/Account/Lockout", new { area = "Identity" });
            default:
                page.ModelState.AddModelError(field, users.ErrorDescriber.PasswordMismatch().Description);
                return page.Page();
        }
    }

    /// <summary>Wrong codes count towards lockout, as on the sign-in page.</summary>
    public async Task<Proof> CheckAuthenticatorCodeAsync(AppUser user, string code)
    {
        if (await users.IsLockedOutAsync(user))
        {
            return Proof.LockedOut;
        }

        if (await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, AuthenticatorCode.Normalise(code)))
        {
            await users.ResetAccessFailedCountAsync(user);
            return Proof.Accepted;
        }

        await users.AccessFailedAsync(user);
        return await users.IsLockedOutAsync(user) ? Proof.LockedOut : Proof.Wrong;
    }

    /// <summary>Rewrites the sign-in cookie with the time the person proved who they are; the session's start stays.</summary>
    public async Task RecordAsync(AppUser user)
    {
        SignInTimes.MarkProvedNow(signInManager.Context);
        await signInManager.RefreshSignInAsync(user);
    }
}
