using CoproCommissioning.Data.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.StaticAssets;

namespace CoproCommissioning.Web.Infrastructure.Accounts;

/// <summary>
/// Takes an administrator or commissioner who has not set up an authenticator app to do that first, when
/// <see cref="AccountOptions.RequireTwoFactorForStaff"/> is on. Runs after authorization, so it only ever sees
/// signed-in people on pages they may open.
/// </summary>
public sealed class TwoFactorEnforcementMiddleware(RequestDelegate next, StaffTwoFactorPolicy policy, ILogger<TwoFactorEnforcementMiddleware> logger)
{
    public const string SetUpPath = "/Identity/Account/Manage/EnableAuthenticator";

    // What someone must still reach while they have no authenticator: setting one up, signing out, and the
    // pages that explain an error.
    private static readonly PathString[] AllowedPaths =
    [
        "/Identity/Account/Manage/TwoFactorAuthentication",
        SetUpPath,
        "/Identity/Account/Manage/ShowRecoveryCodes",
        "/Identity/Account/Manage/ResetAuthenticator",
        "/Identity/Account/Manage/GenerateRecoveryCodes",
        "/Identity/Account/Logout",
        "/Identity/Account/Lockout",
        "/Identity/Account/AccessDenied",
        "/health",
        "/Error",
        "/status",
    ];

    public async Task InvokeAsync(HttpContext context, UserManager<AppUser> users)
    {
        if (!policy.IsRequiredFor(context.User) || IsAllowedWithoutTwoFactor(context))
        {
            await next(context);
            return;
        }

        var user = await users.GetUserAsync(context.User);
        if (user is null || await users.GetTwoFactorEnabledAsync(user))
        {
            await next(context);
            return;
        }

        logger.LogInformation("User {UserId} must set up two-factor authentication before opening {Path}", user.Id, context.Request.Path);
        context.Response.Redirect(SetUpPath);
    }

    private static bool IsAllowedWithoutTwoFactor(HttpContext context)
    {
        var endpoint = context.GetEndpoint();
        // No endpoint: the request ends in "page not found" anyway. Static assets: stylesheets, scripts, images.
        return endpoint is null
            || endpoint.Metadata.GetMetadata<StaticAssetDescriptor>() is not null
            || AllowedPaths.Any(path => context.Request.Path.StartsWithSegments(path, StringComparison.OrdinalIgnoreCase));
    }
}
