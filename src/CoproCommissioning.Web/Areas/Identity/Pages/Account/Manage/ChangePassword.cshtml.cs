using CoproCommissioning.Data.Identity;
using CoproCommissioning.Web.Infrastructure.Accounts;
using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CoproCommissioning.Web.Areas.Identity.Pages.Account.Manage;

public sealed class ChangePasswordModel(
    UserManager<AppUser> users,
    SignInManager<AppUser> signInManager,
    RecentSignIn recentSignIn,
    IOptions<IdentityOptions> identity,
    IValidator<ChangePasswordModel.InputModel> validator,
    ILogger<ChangePasswordModel> logger) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    [TempData]
    public string? StatusMessage { get; set; }

    public string PasswordHint { get; } = PasswordRules.Describe(identity.Value.Password);

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        var check = await validator.ValidateAsync(Input, ct);
        if (!check.IsValid)
        {
            ModelState.AddErrors(check, nameof(Input));
            return Page();
        }

        // ChangePasswordAsync alone counts no failures: a stolen session could guess the password for ever.
        if (await recentSignIn.RefuseWrongPasswordAsync(this, user, Input.OldPassword, "Input.OldPassword") is { } refused)
        {
            return refused;
        }

        var result = await users.ChangePasswordAsync(user, Input.OldPassword, Input.NewPassword);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                var field = error.Code == nameof(IdentityErrorDescriber.PasswordMismatch) ? "Input.OldPassword" : "Input.NewPassword";
                ModelState.AddModelError(field, error.Description);
            }

            return Page();
        }

        await signInManager.RefreshSignInAsync(user);
        logger.LogInformation("User {UserId} changed their password", user.Id);
        StatusMessage = "Your password has been changed";
        return RedirectToPage();
    }

    public sealed class InputModel
    {
        public string OldPassword { get; set; } = "";
        public string NewPassword { get; set; } = "";
        public string ConfirmPassword { get; set; } = "";
    }

    public sealed class InputValidator : AbstractValidator<InputModel>
    {
        public InputValidator()
        {
            RuleFor(x => x.OldPassword).NotEmpty().WithMessage("Enter your current password");
            RuleFor(x => x.NewPassword).NotEmpty().WithMessage("Enter a new password");
            RuleFor(x => x.ConfirmPassword).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage("Enter your new password again")
                .Equal(x => x.NewPassword).WithMessage("The passwords do not match: enter the same new password twice");
        }
    }
}
