namespace CoproCommissioning.Web.Infrastructure.Email;

/// <summary>How the outbox worker sends what pages queued (docs/decisions/0024-email-outbox.md).</summary>
public sealed class OutboxOptions
{
    public const string Section = "Email:Outbox";

    /// <summary>Off only where something else sends (a test that runs passes itself); the app always runs it.</summary>
    public bool RunWorker { get; set; } = true;

    /// <summary>How often the worker looks for due messages when no page has just queued one (another instance may have).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The most messages one pass sends before it looks again (each in its own transaction).</summary>
    public int BatchSize { get; set; } = 20;

    /// <summary>
    /// The wait after each failed attempt, in order; after a failure with none left the message has failed for good
    /// and waits for an administrator's "send again".
    /// </summary>
    public List<TimeSpan> RetryDelays { get; set; } = [];

    public static IReadOnlyList<TimeSpan> DefaultRetryDelays { get; } =
        [TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(30), TimeSpan.FromHours(2), TimeSpan.FromHours(6)];

    /// <summary>Sent messages hold addresses and text: they are deleted this long after sending.</summary>
    public TimeSpan KeepSent { get; set; } = TimeSpan.FromDays(30);

    /// <summary>How long one SMTP connection, command or send may take before the attempt counts as failed.</summary>
    public TimeSpan SmtpTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The retry delays configured, or the defaults (configuration binding adds to a list; it can't replace defaults).</summary>
    public IReadOnlyList<TimeSpan> Delays => RetryDelays.Count > 0 ? RetryDelays : DefaultRetryDelays;
}
