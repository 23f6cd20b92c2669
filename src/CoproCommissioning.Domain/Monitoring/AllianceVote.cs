namespace CoproCommissioning.Domain.Monitoring;

/// <summary>A member's agreement or disagreement with a leadership team decision, with the reason for disagreeing.</summary>
public sealed class AllianceVote
{
    public const int ReasonMaxLength = 2000;

    private AllianceVote() { }

    internal AllianceVote(Guid memberId, bool agrees, string? reason, string recordedByUserId, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7();
        MemberId = memberId;
        Agrees = agrees;
        Reason = reason;
        RecordedByUserId = recordedByUserId;
        RecordedAt = now;
    }

    public Guid Id { get; private set; }

    public Guid MemberId { get; private set; }

    public bool Agrees { get; private set; }

    /// <summary>Why the member disagrees; may explain an agreement too, and is null when none was given.</summary>
    public string? Reason { get; private set; }

    /// <summary>The member's named person when they voted, kept because the named person can change later.</summary>
    public string RecordedByUserId { get; private set; } = "";

    public DateTimeOffset RecordedAt { get; private set; }

    internal void Change(bool agrees, string? reason, string recordedByUserId, DateTimeOffset now)
    {
        Agrees = agrees;
        Reason = reason;
        RecordedByUserId = recordedByUserId;
        RecordedAt = now;
    }
}
