using CoproCommissioning.Data.Identity;
using Microsoft.AspNetCore.Identity;

namespace CoproCommissioning.Web.Areas.Identity.Pages.Account.Manage;

public sealed class GenerateRecoveryCodesModel(UserManager<AppUser> users, ILogger<GenerateRecoveryCodesModel> logger) : PageModel
{
    private const int RecoveryCodeCount = 10;

    [TempData]
    public string[]? RecoveryCodes { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        return await users.GetTwoFactorEnabledAsync(user) ? Page() : RedirectToPage("./TwoFactorAuthentication");
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        // Recovery codes only make sense with an authenticator app: they stand in for its code.
        if (!await users.GetTwoFactorEnabledAsync(user))
        {
            return RedirectToPage("./TwoFactorAuthentication");
        }

        RecoveryCodes = [.. await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount) ?? []];
        logger.LogInformation("User {UserId} made new recovery codes", user.Id);
        return RedirectToPage("./ShowRecoveryCodes");
    }
}
