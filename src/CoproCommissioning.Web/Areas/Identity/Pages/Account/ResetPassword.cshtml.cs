using System.Text;
using CoproCommissioning.Data.Identity;
using CoproCommissioning.Web.Infrastructure.Accounts;
using CoproCommissioning.Web.Infrastructure.RateLimiting;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace CoproCommissioning.Web.Areas.Identity.Pages.Account;

[AllowAnonymous]
[EnableRateLimiting(RateLimitPolicies.ResetPassword)]
public sealed class ResetPasswordModel(
    UserManager<AppUser> users,
    IOptions<IdentityOptions> identity,
    IValidator<ResetPasswordModel.InputModel> validator,
    ILogger<ResetPasswordModel> logger) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public string PasswordHint { get; } = PasswordRules.Describe(identity.Value.Password);

    public bool HasCode => !string.IsNullOrWhiteSpace(Input.Code);

    public void OnGet(string? code) => Input = new InputModel { Code = code ?? "" };

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!HasCode)
        {
            return Page();
        }

        var check = await validator.ValidateAsync(Input, ct);
        if (!check.IsValid)
        {
            ModelState.AddErrors(check, nameof(Input));
            return Page();
        }

        var user = await users.FindByEmailAsync(Input.Email.Trim());
        var token = Decode(Input.Code);
        if (user is null || user.DeletedAt is not null || token is null)
        {
            // The same answer as a real account with a bad link, so this page cannot tell anyone who has an account.
            ModelState.AddModelError("", users.ErrorDescriber.InvalidToken().Description);
            return Page();
        }

        var result = await users.ResetPasswordAsync(user, token, Input.Password);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(error.Code == nameof(IdentityErrorDescriber.InvalidToken) ? "" : "Input.Password", error.Description);
            }

            return Page();
        }

        logger.LogInformation("User {UserId} reset their password", user.Id);
        return RedirectToPage("./ResetPasswordConfirmation");
    }

    private static string? Decode(string code)
    {
        try
        {
            return Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code));
        }
        catch (FormatException)
        {
            return null;
        }
    }

    public sealed class InputModel
    {
        public string Code { get; set; } = "";
        public string Email { get; set; } = "";
        public string Password { get; set; } = "";
        public string ConfirmPassword { get; set; } = "";
    }

    public sealed class InputValidator : AbstractValidator<InputModel>
    {
        public InputValidator()
        {
            RuleFor(x => x.Email).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage("Enter your email address")
                .EmailAddress().WithMessage("Enter an email address in the correct format, like name@example.com");
            RuleFor(x => x.Password).NotEmpty().WithMessage("Enter a new password");
            RuleFor(x => x.ConfirmPassword).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage("Enter your new password again")
                .Equal(x => x.Password).WithMessage("The passwords do not match: enter the same new password twice");
        }
    }
}
