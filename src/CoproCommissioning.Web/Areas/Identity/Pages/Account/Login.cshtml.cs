using CoproCommissioning.Data.Identity;
using CoproCommissioning.Web.Infrastructure.Pages;
using CoproCommissioning.Web.Infrastructure.RateLimiting;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace CoproCommissioning.Web.Areas.Identity.Pages.Account;

[AllowAnonymous]
[EnableRateLimiting(RateLimitPolicies.SignIn)]
public sealed class LoginModel(
    SignInManager<AppUser> signInManager,
    UserManager<AppUser> users,
    IValidator<LoginModel.InputModel> validator,
    ILogger<LoginModel> logger) : PageModel
{
    /// <summary>The same words whether the email address is unknown or the password is wrong (no account enumeration).</summary>
    public const string NotRecognised = "Your email address or password is not right. Check them and try again.";

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public string? ReturnUrl { get; private set; }

    public void OnGet(string? returnUrl) => ReturnUrl = returnUrl;

    public async Task<IActionResult> OnPostAsync(string? returnUrl, CancellationToken ct)
    {
        ReturnUrl = returnUrl;
        var check = await validator.ValidateAsync(Input, ct);
        if (!check.IsValid)
        {
            ModelState.AddErrors(check, nameof(Input));
            return Page();
        }

        var user = await users.FindByEmailAsync(Input.Email.Trim());
        if (user is null || user.DeletedAt is not null)
        {
            // Spend as long as checking a real password takes, so timing does not tell who has an account.
            users.PasswordHasher.HashPassword(new AppUser(), Input.Password);
            ModelState.AddModelError("", NotRecognised);
            return Page();
        }

        var result = await signInManager.PasswordSignInAsync(user, Input.Password, Input.RememberMe, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            logger.LogInformation("User {UserId} signed in", user.Id);
            return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "~/");
        }

        if (result.RequiresTwoFactor)
        {
            return RedirectToPage("./LoginWith2fa", new { returnUrl, rememberMe = Input.RememberMe });
        }

        if (result.IsLockedOut)
        {
            logger.LogWarning("User {UserId} is locked out", user.Id);
            return RedirectToPage("./Lockout");
        }

        ModelState.AddModelError("", NotRecognised);
        return Page();
    }

    public sealed class InputModel
    {
        public string Email { get; set; } = "";
        public string Password { get; set; } = "";
        public bool RememberMe { get; set; }
    }

    public sealed class InputValidator : AbstractValidator<InputModel>
    {
        public InputValidator()
        {
            RuleFor(x => x.Email).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage("Enter your email address")
                .EmailAddress().WithMessage("Enter an email address in the correct format, like name@example.com");
            RuleFor(x => x.Password).NotEmpty().WithMessage("Enter your password");
        }
    }
}
