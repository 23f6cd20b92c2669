namespace CoproCommissioning.Domain.Monitoring;

/// <summary>
/// Where a piece of the next cycle's evidence came from: the earlier cycle and the lesson, glossary term or outcome
/// (its <see cref="Specification.OutcomeSnapshot.OutcomeId"/>, the same in every version) it was made from. One for
/// each source, so evidence made from several glossary terms names each of them.
/// </summary>
public sealed class CarriedEvidence
{
    private CarriedEvidence() { }

    internal CarriedEvidence(Guid cycleId, Guid evidenceItemId, Guid fromCycleId, CarriedEvidenceKind kind, Guid sourceId,
        string carriedByUserId, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7();
        CycleId = cycleId;
        EvidenceItemId = evidenceItemId;
        FromCycleId = fromCycleId;
        Kind = kind;
        SourceId = sourceId;
        CarriedByUserId = carriedByUserId;
        CarriedAt = now;
    }

    public Guid Id { get; private set; }

    /// <summary>The new cycle, whose needs assessment holds the evidence.</summary>
    public Guid CycleId { get; private set; }

    public Guid EvidenceItemId { get; private set; }

    public Guid FromCycleId { get; private set; }

    public CarriedEvidenceKind Kind { get; private set; }

    public Guid SourceId { get; private set; }

    public string CarriedByUserId { get; private set; } = "";

    public DateTimeOffset CarriedAt { get; private set; }
}
