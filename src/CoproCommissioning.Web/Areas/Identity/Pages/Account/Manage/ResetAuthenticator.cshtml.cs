using CoproCommissioning.Data.Identity;
using Microsoft.AspNetCore.Identity;

namespace CoproCommissioning.Web.Areas.Identity.Pages.Account.Manage;

/// <summary>A new key for a lost or replaced phone: two-factor is off until the person sets up the app again.</summary>
public sealed class ResetAuthenticatorModel(
    UserManager<AppUser> users,
    SignInManager<AppUser> signInManager,
    ILogger<ResetAuthenticatorModel> logger) : PageModel
{
    [TempData]
    public string? StatusMessage { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await signInManager.RefreshSignInAsync(user);
        logger.LogInformation("User {UserId} reset their authenticator key", user.Id);
        StatusMessage = "Your authenticator app has been reset. Set it up again with the new QR code or key.";
        return RedirectToPage("./EnableAuthenticator");
    }
}
