using Serilog.Events;

namespace CoproCommissioning.Web.Infrastructure.Logging;

/// <summary>
/// The properties of Serilog's one-line request log. RequestPath is the matched route's template
/// ("/invitations/{token}"), never the path as typed and never the query string: paths and queries can carry
/// invitation tokens and reset codes (decision 0009).
/// </summary>
public static class RequestLogProperties
{
    public static IEnumerable<LogEventProperty> Of(HttpContext context, string path, double elapsedMs, int statusCode) =>
    [
        new("RequestMethod", new ScalarValue(context.Request.Method)),
        new("RequestPath", new ScalarValue(RouteOf(context) ?? path)),
        new("StatusCode", new ScalarValue(statusCode)),
        new("Elapsed", new ScalarValue(elapsedMs)),
    ];

    /// <summary>Null when no endpoint matched; the raw path then still passes <see cref="SecretRedactingEnricher"/>.</summary>
    private static string? RouteOf(HttpContext context) =>
        context.GetEndpoint() is RouteEndpoint { RoutePattern.RawText: { } template }
            ? "/" + template.TrimStart('/')
            : null;
}
