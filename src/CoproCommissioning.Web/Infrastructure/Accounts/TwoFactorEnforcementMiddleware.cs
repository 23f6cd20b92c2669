using CoproCommissioning.Data.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.StaticAssets;

namespace CoproCommissioning.Web.Infrastructure.Accounts;

/// <summary>
/// Takes someone who must use two-factor authentication (<see cref="StaffTwoFactorPolicy"/>) but has not set up an
/// authenticator app to do that first, when <see cref="AccountOptions.RequireTwoFactorForStaff"/> is on. Runs after
/// authorization, so it only ever sees signed-in people on pages they may open. It checks on every request, not at
/// sign-in, so someone made a cycle's commissioner or champion while signed in is stopped at their next click.
/// </summary>
public sealed class TwoFactorEnforcementMiddleware(RequestDelegate next, ILogger<TwoFactorEnforcementMiddleware> logger)
{
    public const string SetUpPath = "/Identity/Account/Manage/EnableAuthenticator";

    // What someone must still reach while they have no authenticator: setting one up (confirming it is them first
    // if they signed in a while ago), signing out, and the pages that explain an error.
    private static readonly PathString[] AllowedPaths =
    [
        "/Identity/Account/Manage/TwoFactorAuthentication",
        SetUpPath,
        "/Identity/Account/Manage/ShowRecoveryCodes",
        "/Identity/Account/Manage/ResetAuthenticator",
        "/Identity/Account/Manage/GenerateRecoveryCodes",
        RecentSignIn.ConfirmPath,
        "/Identity/Account/Logout",
        "/Identity/Account/Lockout",
        "/Identity/Account/AccessDenied",
        "/health",
        "/Error",
        "/status",
    ];

    public async Task InvokeAsync(HttpContext context, StaffTwoFactorPolicy policy, UserManager<AppUser> users)
    {
        // Cheapest checks first: the people who already use an authenticator app never reach the membership query.
        if (!policy.IsOn || context.User.Identity?.IsAuthenticated != true || IsAllowedWithoutTwoFactor(context))
        {
            await next(context);
            return;
        }

        var user = await users.GetUserAsync(context.User);
        if (user is null || await users.GetTwoFactorEnabledAsync(user)
            || !await policy.IsRequiredForAsync(context.User, context.RequestAborted))
        {
            await next(context);
            return;
        }

        // The route, not the path: some paths carry a secret (an invitation token).
        logger.LogInformation("User {UserId} must set up two-factor authentication before opening {Route}", user.Id,
            (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText);
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
