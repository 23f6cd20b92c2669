using System.Globalization;
using CoproCommissioning.Web.Infrastructure.RateLimiting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.Filters;

namespace CoproCommissioning.Web.Pages;

/// <summary>
/// Friendly page for error status codes (404, 403 and the rest), reached through
/// UseStatusCodePagesWithReExecute("/status/{0}"). It never shows exception details.
/// </summary>
/// <remarks>
/// There are no handler methods on purpose: the status code middleware re-runs the failed request
/// with its original method (GET, POST...), and a page with no matching handler is still rendered.
/// </remarks>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public class StatusCodeModel : PageModel
{
    public enum PageKind
    {
        NotFound,
        SignInNeeded,
        NoAccess,
        TooManyTries,
        ServiceProblem,
        Other,
    }

    /// <summary>The error status code; anything outside 400–599 is treated as "not found".</summary>
    public int Code
    {
        get
        {
            var value = Convert.ToString(RouteData.Values["code"], CultureInfo.InvariantCulture);
            return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var code) && code is >= 400 and <= 599
                ? code
                : StatusCodes.Status404NotFound;
        }
    }

    public PageKind Kind => Code switch
    {
        StatusCodes.Status404NotFound or StatusCodes.Status410Gone => PageKind.NotFound,
        StatusCodes.Status401Unauthorized => PageKind.SignInNeeded,
        StatusCodes.Status403Forbidden => PageKind.NoAccess,
        StatusCodes.Status429TooManyRequests => PageKind.TooManyTries,
        >= 500 => PageKind.ServiceProblem,
        _ => PageKind.Other,
    };

    public string Heading => Kind switch
    {
        PageKind.NotFound => "Page not found",
        PageKind.SignInNeeded => "You need to sign in to see this page",
        PageKind.NoAccess => "You do not have access to this page",
        PageKind.TooManyTries => "You have tried too many times",
        PageKind.ServiceProblem => "Sorry, there is a problem with the service",
        _ => "Sorry, there is a problem",
    };

    /// <summary>Set when a rate limit refused the request this page answers: says when to try again.</summary>
    public RateLimitRejection? Rejection => HttpContext.Features.Get<RateLimitRejection>();

    public override void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        // When re-executed, the middleware keeps the original status code. When someone opens
        // /status/404 directly, answer with that code too, so "Page not found" is never a 200.
        Response.StatusCode = Code;
        if (Rejection is { } rejection)
        {
            Response.Headers.RetryAfter = rejection.RetryAfterSeconds;
        }
    }
}
