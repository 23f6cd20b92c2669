using System.Text;
using System.Text.Encodings.Web;
using CoproCommissioning.Data.Identity;
using CoproCommissioning.Web.Infrastructure.Hosting;
using CoproCommissioning.Web.Infrastructure.RateLimiting;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.UI.Services;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace CoproCommissioning.Web.Areas.Identity.Pages.Account;

[AllowAnonymous]
[EnableRateLimiting(RateLimitPolicies.ForgotPassword)]
public sealed class ForgotPasswordModel(
    UserManager<AppUser> users,
    IEmailSender email,
    PublicLinks links,
    IOptions<DataProtectionTokenProviderOptions> tokens,
    IValidator<ForgotPasswordModel.InputModel> validator,
    ILogger<ForgotPasswordModel> logger) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var check = await validator.ValidateAsync(Input, ct);
        if (!check.IsValid)
        {
            ModelState.AddErrors(check, nameof(Input));
            return Page();
        }

        // The next page says the same whether or not there is an account (no account enumeration).
        var user = await users.FindByEmailAsync(Input.Email.Trim());
        if (user is { DeletedAt: null, Email: { } address })
        {
            var code = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(await users.GeneratePasswordResetTokenAsync(user)));
            var link = links.ToPage("/Account/ResetPassword", new { area = "Identity", code });
            await email.SendEmailAsync(address, "Reset your password", ResetEmail(link, tokens.Value.TokenLifespan));
            logger.LogInformation("Password reset email sent to user {UserId}", user.Id);
        }

        return RedirectToPage("./ForgotPasswordConfirmation");
    }

    private static string ResetEmail(string link, TimeSpan lifespan)
    {
        var hours = (int)Math.Round(lifespan.TotalHours);
        return $"""
            <p>Someone asked to reset the password for your Co-produced commissioning account.</p>
            <p>If it was you, <a href="{HtmlEncoder.Default.Encode(link)}">reset your password</a>. The link works for {hours} hours and only once.</p>
            <p>If it was not you, you do not need to do anything: your password has not changed.</p>
            """;
    }

    public sealed class InputModel
    {
        public string Email { get; set; } = "";
    }

    public sealed class InputValidator : AbstractValidator<InputModel>
    {
        public InputValidator() =>
            RuleFor(x => x.Email).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage("Enter your email address")
                .EmailAddress().WithMessage("Enter an email address in the correct format, like name@example.com");
    }
}
