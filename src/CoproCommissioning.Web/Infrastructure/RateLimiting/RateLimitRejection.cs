using System.Globalization;

namespace CoproCommissioning.Web.Infrastructure.RateLimiting;

/// <summary>
/// Left on the request by a rejected post, so the "too many tries" page can say when to try again.
/// <paramref name="Wait"/> is the limiter's RetryAfter: how long until its window opens again.
/// </summary>
public sealed record RateLimitRejection(string? Policy, TimeSpan Wait, DateTimeOffset TryAgainAt)
{
    public bool WasSigningIn => Policy == RateLimitPolicies.SignIn;

    /// <summary>Whole seconds, rounded up, as the Retry-After header wants them.</summary>
    public string RetryAfterSeconds => ((long)Math.Ceiling(Wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);

    /// <summary>"1 minute", "15 minutes", "1 hour", "1 hour 15 minutes": rounded up, so trying then always works.</summary>
    public string WaitInWords
    {
        get
        {
            var minutes = Math.Max(1, (int)Math.Ceiling(Wait.TotalMinutes));
            var (hours, rest) = Math.DivRem(minutes, 60);
            var inMinutes = rest == 1 ? "1 minute" : $"{rest} minutes";
            var inHours = hours == 1 ? "1 hour" : $"{hours} hours";
            return hours == 0 ? inMinutes : rest == 0 ? inHours : $"{inHours} {inMinutes}";
        }
    }
}
