namespace CoproCommissioning.Domain.Monitoring;

/// <summary>What the commissioner achieved on one of its commitments in a period, as it recorded it.</summary>
public sealed class CommitmentResult
{
    public const int NoteMaxLength = 2000;

    private CommitmentResult() { }

    internal CommitmentResult(Guid periodId, Guid kpiId, decimal value, string note, string recordedByUserId, DateTimeOffset now)
    {
        PeriodId = periodId;
        KpiId = kpiId;
        Rewrite(value, note, recordedByUserId, now);
    }

    public Guid PeriodId { get; private set; }

    public Guid KpiId { get; private set; }

    public decimal Value { get; private set; }

    public string Note { get; private set; } = "";

    public string RecordedByUserId { get; private set; } = "";

    public DateTimeOffset RecordedAt { get; private set; }

    internal void Rewrite(decimal value, string note, string recordedByUserId, DateTimeOffset now)
    {
        Value = value;
        Note = note;
        RecordedByUserId = recordedByUserId;
        RecordedAt = now;
    }
}
