namespace CoproCommissioning.Web.Infrastructure.RateLimiting;

/// <summary>
/// The "RateLimits" settings section: how many times each form may be posted, per client and per email
/// address typed into it. Why these defaults: docs/decisions/0008-rate-limits.md.
/// </summary>
public sealed class RateLimitsOptions
{
    public const string Section = "RateLimits";

    public FormLimits SignIn { get; set; } = new()
    {
        PerClient = new Limit { Permits = 10, Window = TimeSpan.FromMinutes(5) },
        PerEmail = new Limit { Permits = 5, Window = TimeSpan.FromMinutes(15) },
    };

    /// <summary>The authenticator code and recovery code pages (the password was right; Identity's lockout counts wrong codes).</summary>
    public FormLimits TwoFactor { get; set; } = new()
    {
        PerClient = new Limit { Permits = 10, Window = TimeSpan.FromMinutes(5) },
    };

    public FormLimits ForgotPassword { get; set; } = new()
    {
        PerClient = new Limit { Permits = 10, Window = TimeSpan.FromHours(1) },
        PerEmail = new Limit { Permits = 3, Window = TimeSpan.FromHours(1) },
    };

    public FormLimits ResetPassword { get; set; } = new()
    {
        PerClient = new Limit { Permits = 10, Window = TimeSpan.FromMinutes(15) },
        PerEmail = new Limit { Permits = 5, Window = TimeSpan.FromMinutes(15) },
    };

    public FormLimits AcceptInvitation { get; set; } = new()
    {
        PerClient = new Limit { Permits = 10, Window = TimeSpan.FromMinutes(15) },
    };

    /// <summary>Per client is per person here: only signed-in commissioners can send invitations.</summary>
    public FormLimits SendInvitation { get; set; } = new()
    {
        PerClient = new Limit { Permits = 30, Window = TimeSpan.FromHours(1) },
        PerEmail = new Limit { Permits = 3, Window = TimeSpan.FromHours(1) },
    };

    /// <summary>The feedback form, open to anyone: per person when signed in, else per address.</summary>
    public FormLimits SendFeedback { get; set; } = new()
    {
        PerClient = new Limit { Permits = 10, Window = TimeSpan.FromHours(1) },
    };

    public IEnumerable<Limit> All() =>
        new[] { SignIn, TwoFactor, ForgotPassword, ResetPassword, AcceptInvitation, SendInvitation, SendFeedback }
            .SelectMany(form => form.PerEmail is null ? [form.PerClient] : new[] { form.PerClient, form.PerEmail });
}

public sealed class FormLimits
{
    /// <summary>Per signed-in person, or else per client IP address (an IPv6 client by its /64 network).</summary>
    public Limit PerClient { get; set; } = new();

    /// <summary>Per email address typed into the form, whoever types it; none for forms without one.</summary>
    public Limit? PerEmail { get; set; }
}

public sealed class Limit
{
    public int Permits { get; set; }

    public TimeSpan Window { get; set; }

    public bool IsValid => Permits > 0 && Window > TimeSpan.Zero;
}
