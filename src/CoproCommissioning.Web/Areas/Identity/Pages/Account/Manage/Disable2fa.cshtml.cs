using CoproCommissioning.Data.Identity;
using CoproCommissioning.Web.Infrastructure.Accounts;
using Microsoft.AspNetCore.Identity;

namespace CoproCommissioning.Web.Areas.Identity.Pages.Account.Manage;

public sealed class Disable2faModel(
    UserManager<AppUser> users,
    SignInManager<AppUser> signInManager,
    StaffTwoFactorPolicy policy,
    ILogger<Disable2faModel> logger) : PageModel
{
    [TempData]
    public string? StatusMessage { get; set; }

    /// <summary>People who run cycles cannot turn it off while the setting requires it (checked on POST too).</summary>
    public bool IsRequired { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        if (!await users.GetTwoFactorEnabledAsync(user))
        {
            return RedirectToPage("./TwoFactorAuthentication");
        }

        IsRequired = await policy.IsRequiredForAsync(User, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        IsRequired = await policy.IsRequiredForAsync(User, ct);
        if (IsRequired)
        {
            return Page();
        }

        await users.SetTwoFactorEnabledAsync(user, false);
        // A new security stamp ends the account's other sessions at their next check; this one carries on.
        await signInManager.RefreshSignInAsync(user);
        logger.LogInformation("User {UserId} turned off two-factor authentication", user.Id);
        StatusMessage = "Two-factor authentication is off. You can turn it on again at any time.";
        return RedirectToPage("./TwoFactorAuthentication");
    }
}
