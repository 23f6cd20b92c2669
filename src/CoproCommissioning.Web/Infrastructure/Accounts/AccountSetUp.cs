using System.Text;
using CoproCommissioning.Data.Identity;
using CoproCommissioning.Web.Infrastructure.Hosting;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace CoproCommissioning.Web.Infrastructure.Accounts;

/// <summary>
/// One-time links with which a staff member an administrator created (or the first administrator, made by the
/// <c>admin create</c> command) chooses a password and then sets up an authenticator app. The token is Identity's own
/// data-protected user token, as in a password reset link, bound to the account's security stamp: setting the
/// password changes the stamp, so the link works once. Nothing about it is stored (docs/decisions/0016).
/// </summary>
public sealed class AccountSetUp(UserManager<AppUser> users, PublicLinks links)
{
    public const string TokenProvider = "AccountSetUp";
    public const string Purpose = "SetUpAccount";
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(7);

    /// <summary>An account made for someone who has not yet chosen a password.</summary>
    public static bool IsWaitingForSetUp(AppUser user) => user.PasswordHash is null && user.DeletedAt is null;

    /// <summary>The absolute set-up link for this account, on the app's public address. Never log it.</summary>
    public async Task<string> LinkAsync(AppUser user)
    {
        var token = await users.GenerateUserTokenAsync(user, TokenProvider, Purpose);
        var code = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));
        // Pages/Accounts/SetUp.cshtml's route, spelled out: the admin command makes links with no web server running.
        return links.ToPath($"/account/set-up/{Uri.EscapeDataString(user.Id)}?code={code}");
    }

    /// <summary>The account this link sets up, if the link is still good for it.</summary>
    public async Task<AppUser?> FindAsync(string userId, string? code)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null || !IsWaitingForSetUp(user) || user.DeactivatedAt is not null || Decode(code) is not { } token)
        {
            return null;
        }

        return await users.VerifyUserTokenAsync(user, TokenProvider, Purpose, token) ? user : null;
    }

    private static string? Decode(string? code)
    {
        try
        {
            return string.IsNullOrWhiteSpace(code) ? null : Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code));
        }
        catch (FormatException)
        {
            return null;
        }
    }
}

/// <summary>Identity's data-protected tokens, with a lifetime of their own: a week to set up an account.</summary>
public sealed class AccountSetUpTokenProvider(
    IDataProtectionProvider protection, IOptions<AccountSetUpTokenProviderOptions> options, ILogger<DataProtectorTokenProvider<AppUser>> logger)
    : DataProtectorTokenProvider<AppUser>(protection, options, logger);

public sealed class AccountSetUpTokenProviderOptions : DataProtectionTokenProviderOptions
{
    public AccountSetUpTokenProviderOptions()
    {
        Name = AccountSetUp.TokenProvider;
        TokenLifespan = AccountSetUp.Lifetime;
    }
}
