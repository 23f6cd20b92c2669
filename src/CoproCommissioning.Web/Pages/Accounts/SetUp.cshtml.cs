using CoproCommissioning.Data.Identity;
using CoproCommissioning.Web.Infrastructure.Accounts;
using CoproCommissioning.Web.Infrastructure.RateLimiting;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace CoproCommissioning.Web.Pages.Accounts;

/// <summary>
/// Where a set-up link lands (an administrator's invitation, or the <c>admin create</c> command): the person chooses a
/// password, is signed in, and goes on to set up an authenticator app. The link works once: choosing the password
/// changes the account's security stamp, which the link's token is bound to.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(RateLimitPolicies.AcceptInvitation)]
public sealed class SetUpModel(AccountSetUp setUp, UserManager<AppUser> users, SignInManager<AppUser> signIn,
    IValidator<SetUpModel.Input> validator, IOptions<IdentityOptions> identity, ILogger<SetUpModel> logger) : PageModel
{
    [BindProperty] public Input Form { get; set; } = new();

    public string PasswordHint { get; } = PasswordRules.Describe(identity.Value.Password);

    public string DisplayName { get; private set; } = "";
    public string Email { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string userId, string? code)
    {
        if (await setUp.FindAsync(userId, code) is not { } user)
        {
            return NotValid();
        }

        Describe(user);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string userId, string? code, CancellationToken ct)
    {
        if (await setUp.FindAsync(userId, code) is not { } user)
        {
            return NotValid();
        }

        Describe(user);
        ModelState.AddErrors(await validator.ValidateAsync(Form, ct), nameof(Form));
        if (!ModelState.IsValid)
        {
            return Page();
        }

        // Following the emailed (or handed-over) link shows they read this address's mail.
        user.EmailConfirmed = true;
        var result = await users.AddPasswordAsync(user, Form.Password);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError($"{nameof(Form)}.{nameof(Input.Password)}", error.Description);
            }

            return Page();
        }

        await signIn.SignInAsync(user, isPersistent: false);
        logger.LogInformation("User {UserId} set up their account", user.Id);
        return Redirect(TwoFactorEnforcementMiddleware.SetUpPath);
    }

    private void Describe(AppUser user)
    {
        DisplayName = user.DisplayName;
        Email = user.Email ?? "";
    }

    private PageResult NotValid()
    {
        Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }

    public sealed record Input
    {
        public string Password { get; init; } = "";
        public string ConfirmPassword { get; init; } = "";
    }

    public sealed class InputValidator : AbstractValidator<Input>
    {
        public InputValidator()
        {
            RuleFor(x => x.Password).NotEmpty().WithMessage("Enter a password");
            RuleFor(x => x.ConfirmPassword).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage("Enter your password again")
                .Equal(x => x.Password).WithMessage("The passwords do not match: enter the same password twice");
        }
    }
}
