using CoproCommissioning.Data.Identity;
using CoproCommissioning.Web.Infrastructure.Accounts;
using CoproCommissioning.Web.Infrastructure.RateLimiting;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;

namespace CoproCommissioning.Web.Areas.Identity.Pages.Account;

/// <summary>The second step of signing in for someone with an authenticator app: the 6-digit code it shows.</summary>
[AllowAnonymous]
[EnableRateLimiting(RateLimitPolicies.TwoFactor)]
public sealed class LoginWith2faModel(
    SignInManager<AppUser> signInManager,
    IValidator<LoginWith2faModel.InputModel> validator,
    ILogger<LoginWith2faModel> logger) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public string? ReturnUrl { get; private set; }

    /// <summary>No password step in progress (it timed out, or the page was opened directly): ask them to sign in again.</summary>
    public bool MustSignInAgain { get; private set; }

    public bool RememberMe { get; private set; }

    public async Task<IActionResult> OnGetAsync(bool rememberMe, string? returnUrl)
    {
        ReturnUrl = returnUrl;
        MustSignInAgain = await signInManager.GetTwoFactorAuthenticationUserAsync() is null;
        RememberMe = rememberMe;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(bool rememberMe, string? returnUrl, CancellationToken ct)
    {
        ReturnUrl = returnUrl;
        RememberMe = rememberMe;
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

        var result = await signInManager.TwoFactorAuthenticatorSignInAsync(
            AuthenticatorCode.Normalise(Input.TwoFactorCode), rememberMe, Input.RememberMachine);
        if (result.Succeeded)
        {
            logger.LogInformation("User {UserId} signed in with an authenticator code", user.Id);
            return LocalRedirect(SignInLanding.For(Url, returnUrl));
        }

        if (result.IsLockedOut)
        {
            logger.LogWarning("User {UserId} is locked out", user.Id);
            return RedirectToPage("./Lockout");
        }

        logger.LogWarning("User {UserId} entered a wrong authenticator code", user.Id);
        ModelState.AddModelError("Input.TwoFactorCode", AuthenticatorCode.WrongCode);
        return Page();
    }

    public sealed class InputModel
    {
        public string TwoFactorCode { get; set; } = "";
        public bool RememberMachine { get; set; }
    }

    public sealed class InputValidator : AbstractValidator<InputModel>
    {
        public InputValidator() => RuleFor(x => x.TwoFactorCode).MustBeAnAuthenticatorCode();
    }
}
