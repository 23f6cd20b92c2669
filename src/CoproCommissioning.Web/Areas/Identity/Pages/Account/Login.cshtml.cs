using CoproCommissioning.Data.Identity;
using CoproCommissioning.Web.Infrastructure.Accounts;
using CoproCommissioning.Web.Infrastructure.RateLimiting;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace CoproCommissioning.Web.Areas.Identity.Pages.Account;

[AllowAnonymous]
[EnableRateLimiting(RateLimitPolicies.SignIn)]
public sealed class LoginModel(
    SignInManager<AppUser> signInManager,
    UserManager<AppUser> users,
    IOptions<IdentityOptions> identity,
    IValidator<LoginModel.InputModel> validator,
    ILogger<LoginModel> logger) : PageModel
{
    /// <summary>
    /// The same words, page and status whether the email address is unknown, the password is wrong or the
    /// account is locked, so nobody can find out who has an account or whose account they locked.
    /// </summary>
    public const string NotRecognised =
        "Your email address or password is not right, or your account is locked for a while after too many wrong tries.";

    // A hash of a password nobody has, made by the app's own hasher, so checking against it takes as long as a real check.
    private static string? _nobodysPasswordHash;

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public string? ReturnUrl { get; private set; }

    /// <summary>The last try did not sign in (whatever the reason): the page explains the choices.</summary>
    public bool Refused { get; private set; }

    public int LockoutTries { get; } = identity.Value.Lockout.MaxFailedAccessAttempts;

    public int LockoutMinutes { get; } = (int)Math.Ceiling(identity.Value.Lockout.DefaultLockoutTimeSpan.TotalMinutes);

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
            SpendAPasswordCheck(null);
            return NotSignedIn();
        }

        if (await users.IsLockedOutAsync(user))
        {
            // Identity answers a locked account without checking the password, which is quick enough to notice.
            SpendAPasswordCheck(user);
            logger.LogWarning("User {UserId} tried to sign in while locked out", user.Id);
            return NotSignedIn();
        }

        var result = await signInManager.PasswordSignInAsync(user, Input.Password, Input.RememberMe, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            logger.LogInformation("User {UserId} signed in", user.Id);
            return LocalRedirect(SignInLanding.For(Url, returnUrl));
        }

        if (result.RequiresTwoFactor)
        {
            return RedirectToPage("./LoginWith2fa", new { returnUrl, rememberMe = Input.RememberMe });
        }

        if (result.IsLockedOut)
        {
            logger.LogWarning("User {UserId} is locked out", user.Id);
        }

        return NotSignedIn();
    }

    private PageResult NotSignedIn()
    {
        Refused = true;
        ModelState.AddModelError("", NotRecognised);
        return Page();
    }

    /// <summary>Spends as long as checking this account's password (or, with no account, a password) takes; the answer is ignored.</summary>
    private void SpendAPasswordCheck(AppUser? user)
    {
        var hasher = users.PasswordHasher;
        var hash = user?.PasswordHash ?? (_nobodysPasswordHash ??= hasher.HashPassword(new AppUser(), Guid.NewGuid().ToString()));
        _ = hasher.VerifyHashedPassword(user ?? new AppUser(), hash, Input.Password);
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
