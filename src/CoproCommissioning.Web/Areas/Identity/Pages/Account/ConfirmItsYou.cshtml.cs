using CoproCommissioning.Data.Identity;
using CoproCommissioning.Web.Infrastructure.Accounts;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace CoproCommissioning.Web.Areas.Identity.Pages.Account;

/// <summary>
/// "Confirm it's you" before a change to how the person signs in (<see cref="RecentSignIn"/>): their password, or a
/// code from their authenticator app when they have one. Then back to the page they were going to.
/// </summary>
[Authorize]
public sealed class ConfirmItsYouModel(
    UserManager<AppUser> users,
    SignInManager<AppUser> signInManager,
    RecentSignIn recentSignIn,
    IValidator<ConfirmItsYouModel.InputModel> validator,
    ILogger<ConfirmItsYouModel> logger) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public string? ReturnUrl { get; private set; }

    /// <summary>People with an authenticator app confirm with a code from it; everyone else with their password.</summary>
    public bool AsksForCode { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? returnUrl)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        ReturnUrl = returnUrl;
        AsksForCode = await users.GetTwoFactorEnabledAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? returnUrl, CancellationToken ct)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        ReturnUrl = returnUrl;
        AsksForCode = await users.GetTwoFactorEnabledAsync(user);
        Input.ByCode = AsksForCode;
        var check = await validator.ValidateAsync(Input, ct);
        if (!check.IsValid)
        {
            ModelState.AddErrors(check, nameof(Input));
            return Page();
        }

        var proof = AsksForCode
            ? await recentSignIn.CheckAuthenticatorCodeAsync(user, Input.Code)
            : await recentSignIn.CheckPasswordAsync(user, Input.Password);
        switch (proof)
        {
            case RecentSignIn.Proof.LockedOut:
                logger.LogWarning("User {UserId} is locked out", user.Id);
                await signInManager.SignOutAsync();
                return RedirectToPage("./Lockout");
            case RecentSignIn.Proof.Wrong when AsksForCode:
                ModelState.AddModelError("Input.Code", AuthenticatorCode.WrongCode);
                return Page();
            case RecentSignIn.Proof.Wrong:
                ModelState.AddModelError("Input.Password", users.ErrorDescriber.PasswordMismatch().Description);
                return Page();
            default:
                await recentSignIn.RecordAsync(user);
                logger.LogInformation("User {UserId} confirmed who they are", user.Id);
                return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "~/Identity/Account/Manage");
        }
    }

    public sealed class InputModel
    {
        public string Password { get; set; } = "";
        public string Code { get; set; } = "";

        /// <summary>Set by the page, never by the form.</summary>
        [BindNever]
        public bool ByCode { get; set; }
    }

    public sealed class InputValidator : AbstractValidator<InputModel>
    {
        public InputValidator() =>
            When(x => x.ByCode, () => RuleFor(x => x.Code).MustBeAnAuthenticatorCode())
                .Otherwise(() => RuleFor(x => x.Password).NotEmpty().WithMessage("Enter your password"));
    }
}
