namespace CoproCommissioning.Domain.Cycles;

/// <summary>One line of a stage's history: a sign-off with its statement, or a reopening with its reason. Never changed.</summary>
public sealed class StageEvent
{
    public const int TextMaxLength = 2000;

    private StageEvent() { }

    internal StageEvent(StageEventKind kind, string byUserId, CycleRole byRole, string text, DateTimeOffset at)
    {
        Id = Guid.CreateVersion7();
        Kind = kind;
        ByUserId = byUserId;
        ByRole = byRole;
        Text = text;
        At = at;
    }

    public Guid Id { get; private set; }

    public StageEventKind Kind { get; private set; }

    public string ByUserId { get; private set; } = "";

    public CycleRole ByRole { get; private set; }

    /// <summary>The sign-off statement, or the reason for reopening.</summary>
    public string Text { get; private set; } = "";

    public DateTimeOffset At { get; private set; }
}
