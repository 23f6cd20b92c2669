using CoproCommissioning.Data.Identity;
using CoproCommissioning.Web.Infrastructure.Accounts;
using CoproCommissioning.Web.Infrastructure.RateLimiting;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;

namespace CoproCommissioning.Web.Areas.Identity.Pages.Account;

/// <summary>The second step of signing in without the authenticator app: one of the person's single-use recovery codes.</summary>
[AllowAnonymous]
[EnableRateLimiting(RateLimitPolicies.TwoFactor)]
public sealed class LoginWithRecoveryCodeModel(
    SignInManager<AppUser> signInManager,
    UserManager<AppUser> users,
    IValidator<LoginWithRecoveryCodeModel.InputModel> validator,
    ILogger<LoginWithRecoveryCodeModel> logger) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public string? ReturnUrl { get; private set; }

    /// <summary>No password step in progress (it timed out, or the page was opened directly): ask them to sign in again.</summary>
    public bool MustSignInAgain { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? returnUrl)
    {
        ReturnUrl = returnUrl;
        MustSignInAgain = await signInManager.GetTwoFactorAuthenticationUserAsync() is null;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? returnUrl, CancellationToken ct)
    {
        ReturnUrl = returnUrl;
        var user = await signInManager.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            MustSignInAgain = true;
            return Page();
        }

        var check = await validator.ValidateAsync(Input, ct);
        if (!check.IsValid)
        {
            ModelState.AddErrors(check, nameof(Input));
            return Page();
        }

        var result = await signInManager.TwoFactorRecoveryCodeSignInAsync(Input.RecoveryCode.Replace(" ", "", StringComparison.Ordinal).Trim());
        if (result.Succeeded)
        {
            logger.LogInformation("User {UserId} signed in with a recovery code", user.Id);
            return LocalRedirect(SignInLanding.For(Url, returnUrl));
        }

        if (result.IsLockedOut)
        {
            logger.LogWarning("User {UserId} is locked out", user.Id);
            return RedirectToPage("./Lockout");
        }

        logger.LogWarning("User {UserId} entered a wrong recovery code", user.Id);
        ModelState.AddModelError("Input.RecoveryCode", users.ErrorDescriber.RecoveryCodeRedemptionFailed().Description);
        return Page();
    }

    public sealed class InputModel
    {
        public string RecoveryCode { get; set; } = "";
    }

    public sealed class InputValidator : AbstractValidator<InputModel>
    {
        public InputValidator() =>
            RuleFor(x => x.RecoveryCode).NotEmpty().WithMessage("Enter one of your recovery codes");
    }
}
