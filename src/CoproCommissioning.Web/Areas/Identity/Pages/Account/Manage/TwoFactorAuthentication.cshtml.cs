using CoproCommissioning.Data.Identity;
using CoproCommissioning.Web.Infrastructure.Accounts;
using Microsoft.AspNetCore.Identity;

namespace CoproCommissioning.Web.Areas.Identity.Pages.Account.Manage;

public sealed class TwoFactorAuthenticationModel(
    UserManager<AppUser> users,
    SignInManager<AppUser> signInManager,
    StaffTwoFactorPolicy policy,
    ILogger<TwoFactorAuthenticationModel> logger) : PageModel
{
    [TempData]
    public string? StatusMessage { get; set; }

    public bool IsEnabled { get; private set; }

    public int RecoveryCodesLeft { get; private set; }

    public bool IsDeviceRemembered { get; private set; }

    /// <summary>Someone who runs cycles, while the setting is on: they cannot turn it off.</summary>
    public bool IsRequired { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        IsEnabled = await users.GetTwoFactorEnabledAsync(user);
        RecoveryCodesLeft = IsEnabled ? await users.CountRecoveryCodesAsync(user) : 0;
        IsDeviceRemembered = await signInManager.IsTwoFactorClientRememberedAsync(user);
        IsRequired = await policy.IsRequiredForAsync(User, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostForgetDeviceAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        await signInManager.ForgetTwoFactorClientAsync();
        logger.LogInformation("User {UserId} asked to be asked for a code on this device again", user.Id);
        StatusMessage = "We will ask for a code from your authenticator app the next time you sign in on this device";
        return RedirectToPage();
    }
}
