using CoproCommissioning.Data.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;

namespace CoproCommissioning.Web.Areas.Identity.Pages.Account;

/// <summary>Signing out is a POST (the header's "Sign out" button), so a link elsewhere cannot sign anyone out.</summary>
[AllowAnonymous]
public sealed class LogoutModel(SignInManager<AppUser> signInManager, ILogger<LogoutModel> logger) : PageModel
{
    public bool IsSignedIn => User.Identity?.IsAuthenticated == true;

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(string? returnUrl)
    {
        if (signInManager.IsSignedIn(User))
        {
            logger.LogInformation("User {UserId} signed out", signInManager.UserManager.GetUserId(User));
        }

        await signInManager.SignOutAsync();
        return Url.IsLocalUrl(returnUrl) ? LocalRedirect(returnUrl) : RedirectToPage();
    }
}
