using Microsoft.AspNetCore.RateLimiting;

namespace CoproCommissioning.Web.Infrastructure.RateLimiting;

/// <summary>
/// A form guarded by a rate limit: which posts count (GETs never do), and the field holding the email
/// address the post is about, if there is one.
/// </summary>
internal sealed record LimitedForm(string Policy, Func<RateLimitsOptions, FormLimits> LimitsOf,
    string? EmailField = null, string? Handler = null)
{
    /// <summary>The limited form this request posts, found from its endpoint's <see cref="EnableRateLimitingAttribute"/>.</summary>
    public static LimitedForm? PostedBy(HttpContext context)
    {
        if (!HttpMethods.IsPost(context.Request.Method)
            || context.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName is not { } policy
            || !RateLimitPolicies.Forms.TryGetValue(policy, out var form))
        {
            return null;
        }

        return form.Handler is null || string.Equals(HandlerOf(context), form.Handler, StringComparison.OrdinalIgnoreCase)
            ? form
            : null;
    }

    /// <summary>Razor Pages take the handler from the route, else from the query string.</summary>
    private static string? HandlerOf(HttpContext context) =>
        context.GetRouteValue("handler") as string is { Length: > 0 } fromRoute ? fromRoute : context.Request.Query["handler"].FirstOrDefault();
}
