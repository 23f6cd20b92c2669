namespace CoproCommissioning.Data.Notifications;

/// <summary>
/// One thing one person is told about: written with the change that causes it. Sent straight away (an outbox message in
/// the same SaveChanges), gathered into a daily or weekly summary, or only listed in the app, as the person chose for its
/// kind when it was raised. A reading record like <see cref="Reading.SeenResponse"/>: not part of the cycle, not audited.
/// </summary>
public sealed class Notification
{
    public const int TitleMaxLength = 300;
    public const int LinkMaxLength = 500;
    public const int OnceKeyMaxLength = 200;

    private Notification() { }

    public Notification(string userId, NotificationKind kind, Guid? cycleId, string title, string text, string link,
        NotificationFrequency frequency, DateTimeOffset now, string? onceKey = null)
    {
        Id = Guid.NewGuid();
        UserId = userId;
        Kind = kind;
        CycleId = cycleId;
        Title = title;
        Text = text;
        Link = link;
        Frequency = frequency;
        CreatedAt = now;
        OnceKey = onceKey;
    }

    public Guid Id { get; private set; }

    public string UserId { get; private set; } = "";

    public NotificationKind Kind { get; private set; }

    /// <summary>The cycle it is about, to group summaries by cycle; null for events outside any cycle.</summary>
    public Guid? CycleId { get; private set; }

    /// <summary>One line, e.g. "Your input was answered in Crisis café".</summary>
    public string Title { get; private set; } = "";

    /// <summary>What happened, in words; may quote a response to the person's own input, so it is personal text.</summary>
    public string Text { get; private set; } = "";

    /// <summary>The app path that shows it (relative to the public address), e.g. /my-input.</summary>
    public string Link { get; private set; } = "";

    /// <summary>
    /// The person's choice for this kind when it was raised; not by email when they stopped emails about the kind before
    /// its summary went.
    /// </summary>
    public NotificationFrequency Frequency { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>
    /// For an event found by the scheduler rather than caused by a change (a window closing soon, a deadline near): what
    /// makes it the same event on the next pass, e.g. "comment-window-closing:{windowId}". Unique per person, so each is
    /// raised once however often the scheduler looks. Null for events caused by a change.
    /// </summary>
    public string? OnceKey { get; private set; }

    /// <summary>When it went into an email (straight away or in a summary); null while waiting for a summary or never emailed.</summary>
    public DateTimeOffset? EmailedAt { get; private set; }

    public void Emailed(DateTimeOffset now) => EmailedAt = now;
}
