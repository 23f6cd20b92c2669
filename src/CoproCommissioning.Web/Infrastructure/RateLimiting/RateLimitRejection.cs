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

    /// <summary>"1 minute", "15 minutes", "1 hour", "2 hours": rounded up, so trying then always works.</summary>
    public string WaitInWords
    {
        get
        {
            var minutes = Math.Max(1, (int)Math.Ceiling(Wait.TotalMinutes));
            if (minutes < 90)
            {
                return minutes == 1 ? "1 minute" : $"{minutes} minutes";
            }

            var hours = (int)Math.Ceiling(Wait.TotalHours);
            return $"{hours} hours";
        }
    }
}
