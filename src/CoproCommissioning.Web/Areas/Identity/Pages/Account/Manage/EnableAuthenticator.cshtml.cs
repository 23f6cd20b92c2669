using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using CoproCommissioning.Data.Identity;
using CoproCommissioning.Web.Infrastructure.Accounts;
using FluentValidation;
using Microsoft.AspNetCore.Identity;

namespace CoproCommissioning.Web.Areas.Identity.Pages.Account.Manage;

/// <summary>Set up an authenticator app: scan the QR code (or type the key), then prove it works with a code.</summary>
public sealed class EnableAuthenticatorModel(
    UserManager<AppUser> users,
    SignInManager<AppUser> signInManager,
    StaffTwoFactorPolicy policy,
    UrlEncoder urlEncoder,
    IValidator<EnableAuthenticatorModel.InputModel> validator,
    ILogger<EnableAuthenticatorModel> logger) : PageModel
{
    public const string Issuer = "Co-produced commissioning";
    private const int RecoveryCodeCount = 10;

    [BindProperty]
    public InputModel Input { get; set; } = new();

    [TempData]
    public string? StatusMessage { get; set; }

    [TempData]
    public string[]? RecoveryCodes { get; set; }

    /// <summary>The key in groups of four, for people who type it into the app instead of scanning.</summary>
    public string SharedKey { get; private set; } = "";

    public string QrCodeDataUri { get; private set; } = "";

    /// <summary>Sent here by the two-factor requirement: someone who runs cycles, without an authenticator.</summary>
    public bool IsRequiredNow { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        await LoadKeyAsync(user, ct);
        return Page();
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
            await LoadKeyAsync(user, ct);
            return Page();
        }

        var valid = await users.VerifyTwoFactorTokenAsync(
            user, users.Options.Tokens.AuthenticatorTokenProvider, AuthenticatorCode.Normalise(Input.Code));
        if (!valid)
        {
            ModelState.AddModelError("Input.Code", AuthenticatorCode.WrongCode);
            await LoadKeyAsync(user, ct);
            return Page();
        }

        await users.SetTwoFactorEnabledAsync(user, true);
        // A new security stamp ends the account's other sessions at their next check; this one carries on.
        await signInManager.RefreshSignInAsync(user);
        logger.LogInformation("User {UserId} turned on two-factor authentication with an authenticator app", user.Id);
        StatusMessage = "Two-factor authentication is on. You will need a code from your authenticator app when you sign in.";

        if (await users.CountRecoveryCodesAsync(user) == 0)
        {
            RecoveryCodes = [.. await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount) ?? []];
            return RedirectToPage("./ShowRecoveryCodes");
        }

        return RedirectToPage("./TwoFactorAuthentication");
    }

    private async Task LoadKeyAsync(AppUser user, CancellationToken ct)
    {
        IsRequiredNow = !await users.GetTwoFactorEnabledAsync(user) && await policy.IsRequiredForAsync(User, ct);

        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            await signInManager.RefreshSignInAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user)
                ?? throw new InvalidOperationException("Identity did not create an authenticator key.");
        }

        SharedKey = InGroupsOfFour(key);
        var uri = string.Format(
            CultureInfo.InvariantCulture,
            "otpauth://totp/{0}:{1}?secret={2}&issuer={0}&digits=6",
            urlEncoder.Encode(Issuer),
            urlEncoder.Encode(user.Email ?? user.Id),
            key);
        QrCodeDataUri = AuthenticatorQrCode.ToSvgDataUri(uri);
    }

    private static string InGroupsOfFour(string key)
    {
        var text = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            if (i > 0)
            {
                text.Append(' ');
            }

            text.Append(key.AsSpan(i, Math.Min(4, key.Length - i)));
        }

        return text.ToString().ToLowerInvariant();
    }

    public sealed class InputModel
    {
        public string Code { get; set; } = "";
    }

    public sealed class InputValidator : AbstractValidator<InputModel>
    {
        public InputValidator() => RuleFor(x => x.Code).MustBeAnAuthenticatorCode();
    }
}
