using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace CoproCommissioning.Web.Infrastructure.RateLimiting;

/// <summary>
/// Limits on the forms that guess passwords or send email (docs/decisions/0008-rate-limits.md). Each page
/// names its policy with <c>[EnableRateLimiting]</c>; the policy counts posts per client, and the global
/// limiter counts the same posts per email address typed, whichever client sends them.
/// </summary>
public static class RateLimitingSetup
{
    public static IServiceCollection AddCoproRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RateLimitsOptions>()
            .Bind(configuration.GetSection(RateLimitsOptions.Section))
            .Validate(options => options.All().All(limit => limit.IsValid),
                $"Every {RateLimitsOptions.Section} limit needs Permits of 1 or more and a Window longer than zero.")
            .ValidateOnStart();
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>()
            .Configure<IOptions<RateLimitsOptions>>((options, limits) => Configure(options, limits.Value));
        return services;
    }

    /// <summary>Call after UseAuthentication (a signed-in person is counted as themselves, not by address).</summary>
    public static IApplicationBuilder UseCoproRateLimiting(this IApplicationBuilder app)
    {
        // The limiter decides synchronously and cannot read a request body, so the forms counted per email
        // are read (and kept: model binding and antiforgery use the same copy) before it runs.
        app.Use(async (context, next) =>
        {
            if (LimitedForm.PostedBy(context) is { EmailField: not null } && context.Request.HasFormContentType)
            {
                try
                {
                    await context.Request.ReadFormAsync(context.RequestAborted);
                }
                catch (InvalidDataException)
                {
                    // A malformed form: the per-client limit still counts it, and model binding will refuse it.
                }
            }

            await next(context);
        });
        return app.UseRateLimiter();
    }

    private static void Configure(RateLimiterOptions options, RateLimitsOptions limits)
    {
        options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        options.OnRejected = OnRejectedAsync;

        foreach (var form in RateLimitPolicies.Forms.Values)
        {
            var perClient = form.LimitsOf(limits).PerClient;
            options.AddPolicy(form.Policy, context => LimitedForm.PostedBy(context) is not null
                ? RateLimitPartition.GetFixedWindowLimiter(PartitionKeys.Client(context), _ => Window(perClient))
                : RateLimitPartition.GetNoLimiter(""));
        }

        options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            LimitedForm.PostedBy(context) is { EmailField: { } field } form
                && form.LimitsOf(limits).PerEmail is { } perEmail
                && PartitionKeys.Email(context, field) is { } email
                ? RateLimitPartition.GetFixedWindowLimiter($"{form.Policy}:{email}", _ => Window(perEmail))
                : RateLimitPartition.GetNoLimiter(""));
    }

    // A fixed window: its RetryAfter is known, so the page can say when to try again; the burst it allows at
    // a window's edge (twice the limit) is still far too few tries to guess a password.
    private static FixedWindowRateLimiterOptions Window(Limit limit) => new()
    {
        PermitLimit = limit.Permits,
        Window = limit.Window,
        QueueLimit = 0,
        AutoReplenishment = true,
    };

    private static ValueTask OnRejectedAsync(OnRejectedContext rejected, CancellationToken ct)
    {
        var context = rejected.HttpContext;
        var wait = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromMinutes(1);
        var now = context.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
        var policy = LimitedForm.PostedBy(context)?.Policy;
        var rejection = new RateLimitRejection(policy, wait, now + wait);
        context.Features.Set(rejection);
        context.Response.Headers.RetryAfter = rejection.RetryAfterSeconds;

        // Not the path: an invitation's path is its secret token.
        context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(RateLimitingSetup))
            .LogWarning("Rate limit {Policy} refused a post; retry after {RetryAfterSeconds} s",
                policy, rejection.RetryAfterSeconds);

        // No body: the status code pages show /status/429, which reads the rejection.
        return ValueTask.CompletedTask;
    }
}
