namespace CoproCommissioning.Domain.NeedsAssessment;

/// <summary>
/// A group the needs assessment found is affected by an inequality, and what that inequality is. Later, the
/// panel's make-up is checked against these groups.
/// </summary>
public sealed class InequalityGroup
{
    public const int DescriptionMaxLength = 200;
    public const int InequalityMaxLength = 2000;

    private InequalityGroup() { }

    private InequalityGroup(Guid cycleId, AffectedGroup group, string description, string inequality, string recordedByUserId,
        DateTimeOffset now)
    {
        Id = Guid.CreateVersion7();
        CycleId = cycleId;
        Group = group;
        Description = description;
        Inequality = inequality;
        RecordedByUserId = recordedByUserId;
        RecordedAt = now;
    }

    public Guid Id { get; private set; }

    public Guid CycleId { get; private set; }

    public AffectedGroup Group { get; private set; }

    /// <summary>Who exactly, within the group: "Black African and Caribbean men". Required for <see cref="AffectedGroup.Other"/>.</summary>
    public string Description { get; private set; } = "";

    /// <summary>What the inequality is: how this group's access, experience or outcomes differ.</summary>
    public string Inequality { get; private set; } = "";

    public string RecordedByUserId { get; private set; } = "";

    public DateTimeOffset RecordedAt { get; private set; }

    /// <summary>Concurrency token, mapped to PostgreSQL xmin; the domain never sets it.</summary>
    public uint Version { get; private set; }

    public static DomainOutcome<InequalityGroup> Record(
        CommissioningCycle cycle,
        AffectedGroup? group,
        string? description,
        string? inequality,
        string recordedByUserId,
        CycleRole recorderRole,
        DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(cycle);
        ArgumentException.ThrowIfNullOrWhiteSpace(recordedByUserId);
        Guard.Defined(recorderRole);
        Guard.Utc(now);

        var refusals = Check(cycle, group, description, inequality, recorderRole, now);
        return refusals.Count > 0
            ? DomainOutcome.Refused<InequalityGroup>(refusals)
            : DomainOutcome.Success(new InequalityGroup(
                cycle.Id, group!.Value, TextInput.Clean(description), TextInput.Clean(inequality), recordedByUserId, now));
    }

    public DomainOutcome Revise(
        CommissioningCycle cycle, AffectedGroup? group, string? description, string? inequality, CycleRole reviserRole, DateTimeOffset now)
    {
        StageContent.CheckCycle(cycle, CycleId);
        Guard.Defined(reviserRole);
        Guard.Utc(now);

        var refusals = Check(cycle, group, description, inequality, reviserRole, now);
        if (refusals.Count > 0)
        {
            return DomainOutcome.Refused(refusals);
        }

        Group = group!.Value;
        Description = TextInput.Clean(description);
        Inequality = TextInput.Clean(inequality);
        return DomainOutcome.Success();
    }

    private static List<Refusal> Check(
        CommissioningCycle cycle, AffectedGroup? group, string? description, string? inequality, CycleRole actorRole, DateTimeOffset now)
    {
        List<Refusal> refusals = [];
        if (!StageContent.MayManage(actorRole))
        {
            refusals.Add(new Refusal(NeedsAssessmentRules.StaffOnly));
        }

        StageContent.CheckStageOpen(refusals, cycle, StageKind.NeedsAssessment, now);
        ChoiceInput.Check(refusals, group, NeedsAssessmentRules.GroupRequired);
        TextInput.Check(
            refusals,
            description,
            DescriptionMaxLength,
            group == AffectedGroup.Other ? NeedsAssessmentRules.GroupDescriptionRequired : null,
            NeedsAssessmentRules.GroupDescriptionTooLong);
        TextInput.Check(refusals, inequality, InequalityMaxLength, NeedsAssessmentRules.InequalityRequired, NeedsAssessmentRules.InequalityTooLong);
        return refusals;
    }
}
