using System.Text;
using System.Text.Encodings.Web;
using CoproCommissioning.Data.Identity;
using CoproCommissioning.Data.Outbox;
using CoproCommissioning.Web.Infrastructure.Hosting;
using CoproCommissioning.Web.Infrastructure.RateLimiting;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace CoproCommissioning.Web.Areas.Identity.Pages.Account;

[AllowAnonymous]
[EnableRateLimiting(RateLimitPolicies.ForgotPassword)]
public sealed class ForgotPasswordModel(
    UserManager<AppUser> users,
    CoproDbContext db,
    TimeProvider clock,
    PublicLinks links,
    IOptions<DataProtectionTokenProviderOptions> tokens,
    IValidator<ForgotPasswordModel.InputModel> validator,
    ILogger<ForgotPasswordModel> logger) : PageModel
{
    public const string ResetPurpose = "Password reset";

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
            // Queued, not sent: the outbox worker sends it, so this page never waits for a mail server and takes as long
            // whether or not there is an account (docs/decisions/0024-email-outbox.md).
            var hours = (int)Math.Round(tokens.Value.TokenLifespan.TotalHours);
            db.Enqueue(new OutgoingEmail(address, "Reset your password", ResetText(link, hours), ResetHtml(link, hours), ResetPurpose, CarriesOneTimeLink: true),
                clock.GetUtcNow());
            await db.SaveChangesAsync(ct);
            logger.LogInformation("Password reset email queued for user {UserId}", user.Id);
        }

        return RedirectToPage("./ForgotPasswordConfirmation");
    }

    private static string ResetHtml(string link, int hours) =>
        $"""
        <p>Someone asked to reset the password for your Co-produced commissioning account.</p>
        <p>If it was you, <a href="{HtmlEncoder.Default.Encode(link)}">reset your password</a>. The link works for {hours} hours and only once.</p>
        <p>If it was not you, you do not need to do anything: your password has not changed.</p>
        """;

    private static string ResetText(string link, int hours) =>
        $"""
        Someone asked to reset the password for your Co-produced commissioning account.

        If it was you, reset your password: {link}
        The link works for {hours} hours and only once.

        If it was not you, you do not need to do anything: your password has not changed.
        """;

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
