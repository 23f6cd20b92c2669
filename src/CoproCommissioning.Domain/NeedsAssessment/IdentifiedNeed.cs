namespace CoproCommissioning.Domain.NeedsAssessment;

/// <summary>A need the needs assessment found, how much it matters, and the evidence that shows it.</summary>
public sealed class IdentifiedNeed
{
    public const int StatementMaxLength = 1000;

    private readonly List<SupportingEvidence> _supportingEvidence = [];

    private IdentifiedNeed() { }

    private IdentifiedNeed(Guid cycleId, string statement, NeedPriority priority, IEnumerable<EvidenceItem> evidence,
        string recordedByUserId, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7();
        CycleId = cycleId;
        Statement = statement;
        Priority = priority;
        _supportingEvidence.AddRange(evidence.Select(e => new SupportingEvidence(e.Id)));
        RecordedByUserId = recordedByUserId;
        RecordedAt = now;
    }

    public Guid Id { get; private set; }

    public Guid CycleId { get; private set; }

    public string Statement { get; private set; } = "";

    public NeedPriority Priority { get; private set; }

    public IReadOnlyList<SupportingEvidence> SupportingEvidence => _supportingEvidence;

    public string RecordedByUserId { get; private set; } = "";

    public DateTimeOffset RecordedAt { get; private set; }

    /// <summary>Concurrency token, mapped to PostgreSQL xmin; the domain never sets it.</summary>
    public uint Version { get; private set; }

    /// <summary>
    /// Records a need. <paramref name="supportingEvidence"/> must be evidence of the same cycle (the page
    /// looks the items up in the cycle, so anything else is a bug); it may be empty while evidence is gathered.
    /// </summary>
    public static DomainOutcome<IdentifiedNeed> Identify(
        CommissioningCycle cycle,
        string? statement,
        NeedPriority? priority,
        IReadOnlyCollection<EvidenceItem> supportingEvidence,
        string recordedByUserId,
        CycleRole recorderRole,
        DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(cycle);
        ArgumentException.ThrowIfNullOrWhiteSpace(recordedByUserId);
        Guard.Defined(recorderRole);
        Guard.Utc(now);
        CheckEvidence(cycle, supportingEvidence);

        var refusals = Check(cycle, statement, priority, recorderRole, now);
        return refusals.Count > 0
            ? DomainOutcome.Refused<IdentifiedNeed>(refusals)
            : DomainOutcome.Success(new IdentifiedNeed(
                cycle.Id, TextInput.Clean(statement), priority!.Value, supportingEvidence, recordedByUserId, now));
    }

    /// <summary>Replaces the statement, the priority and the supporting evidence.</summary>
    public DomainOutcome Revise(
        CommissioningCycle cycle,
        string? statement,
        NeedPriority? priority,
        IReadOnlyCollection<EvidenceItem> supportingEvidence,
        CycleRole reviserRole,
        DateTimeOffset now)
    {
        StageContent.CheckCycle(cycle, CycleId);
        Guard.Defined(reviserRole);
        Guard.Utc(now);
        CheckEvidence(cycle, supportingEvidence);

        var refusals = Check(cycle, statement, priority, reviserRole, now);
        if (refusals.Count > 0)
        {
            return DomainOutcome.Refused(refusals);
        }

        Statement = TextInput.Clean(statement);
        Priority = priority!.Value;
        var wanted = supportingEvidence.Select(e => e.Id).ToHashSet();
        _supportingEvidence.RemoveAll(s => !wanted.Contains(s.EvidenceItemId));
        var kept = _supportingEvidence.Select(s => s.EvidenceItemId).ToHashSet();
        _supportingEvidence.AddRange(supportingEvidence.Where(e => !kept.Contains(e.Id)).Select(e => new SupportingEvidence(e.Id)));
        return DomainOutcome.Success();
    }

    private static void CheckEvidence(CommissioningCycle cycle, IReadOnlyCollection<EvidenceItem> supportingEvidence)
    {
        ArgumentNullException.ThrowIfNull(supportingEvidence);
        if (supportingEvidence.Any(e => e is null || e.CycleId != cycle.Id))
        {
            throw new ArgumentException("Supporting evidence must be evidence items of the same cycle.", nameof(supportingEvidence));
        }

        if (supportingEvidence.DistinctBy(e => e.Id).Count() != supportingEvidence.Count)
        {
            throw new ArgumentException("Each evidence item can support a need once.", nameof(supportingEvidence));
        }
    }

    private static List<Refusal> Check(CommissioningCycle cycle, string? statement, NeedPriority? priority, CycleRole actorRole, DateTimeOffset now)
    {
        List<Refusal> refusals = [];
        if (!StageContent.MayManage(actorRole))
        {
            refusals.Add(new Refusal(NeedsAssessmentRules.StaffOnly));
        }

        StageContent.CheckStageOpen(refusals, cycle, StageKind.NeedsAssessment, now);
        TextInput.Check(refusals, statement, StatementMaxLength, NeedsAssessmentRules.NeedStatementRequired, NeedsAssessmentRules.NeedStatementTooLong);
        ChoiceInput.Check(refusals, priority, NeedsAssessmentRules.NeedPriorityRequired);
        return refusals;
    }
}
