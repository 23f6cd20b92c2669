namespace CoproCommissioning.Domain.Monitoring;

// What happens in each reporting period besides the returns: the commissioner's results on its commitments, and its
// explanations for returns that never came.
public sealed partial class CycleMonitoring
{
    private readonly List<CommitmentResult> _results = [];
    private readonly List<ReturnExplanation> _explanations = [];

    public IReadOnlyList<CommitmentResult> CommitmentResults => _results;

    public IReadOnlyList<ReturnExplanation> Explanations => _explanations;

    public CommitmentResult? ResultFor(Guid periodId, Guid kpiId) => _results.SingleOrDefault(r => r.PeriodId == periodId && r.KpiId == kpiId);

    public ReturnExplanation? ExplanationFor(Guid periodId, Guid organisationId) =>
        _explanations.SingleOrDefault(e => e.PeriodId == periodId && e.OrganisationId == organisationId);

    /// <summary>
    /// Where the return of <paramref name="organisationId"/> for <paramref name="periodId"/> stands, from only what is
    /// known of it (<paramref name="facts"/>, null when it was never started), so pages that list many read no return.
    /// Overdue is what <see cref="ProgressWith"/> counts as missing: due, and neither submitted nor explained.
    /// </summary>
    public ReturnState StateOfReturn(Guid periodId, Guid organisationId, ReturnFacts? facts, DateTimeOffset now)
    {
        var period = FindPeriod(periodId) ?? throw new ArgumentException($"Period {periodId} is not part of monitoring {Id}.", nameof(periodId));
        if (facts is { IsSubmitted: true })
        {
            return facts.IsBeingCorrected ? ReturnState.BeingCorrected : ReturnState.Submitted;
        }

        if (ExplanationFor(periodId, organisationId) is not null)
        {
            return ReturnState.Explained;
        }

        if (period.IsDue(Today(now)))
        {
            return ReturnState.Overdue;
        }

        return facts is null ? ReturnState.NotStarted : ReturnState.Draft;
    }

    /// <summary>
    /// A commissioner records what it achieved on one of its commitments in a period that has started, or corrects it.
    /// <paramref name="value"/> is null when it could not be read.
    /// </summary>
    public DomainOutcome RecordCommitmentResult(
        CommissioningCycle cycle, Guid periodId, Guid kpiId, decimal? value, string? note, string actorUserId, CycleRole actorRole, DateTimeOffset now)
    {
        var refusals = CheckActor(cycle, actorUserId, actorRole, now);
        CheckStartedPeriod(refusals, periodId, now);
        var commitment = FindKpi(kpiId);
        if (commitment is not { Owner: KpiOwner.Commissioner })
        {
            refusals.Add(new Refusal(MonitoringRules.CommitmentNotFound));
        }

        if (value is null)
        {
            refusals.Add(new Refusal(MonitoringRules.ResultValueRequired));
        }
        else if (commitment is not null && !commitment.Allows(value.Value))
        {
            refusals.Add(new Refusal(MonitoringRules.ResultNotAPercentage));
        }

        TextInput.Check(refusals, note, CommitmentResult.NoteMaxLength, null, MonitoringRules.ResultNoteTooLong);
        if (refusals.Count > 0)
        {
            return DomainOutcome.Refused(refusals);
        }

        if (ResultFor(periodId, kpiId) is { } existing)
        {
            existing.Rewrite(value!.Value, TextInput.Clean(note), actorUserId, now);
        }
        else
        {
            _results.Add(new CommitmentResult(periodId, kpiId, value!.Value, TextInput.Clean(note), actorUserId, now));
        }

        return Changed(cycle, now);
    }

    /// <summary>
    /// A commissioner explains why a party's return for a period is missing, or rewrites the explanation, so sign-off
    /// can go ahead without it and the record says why.
    /// </summary>
    public DomainOutcome ExplainMissingReturn(
        CommissioningCycle cycle, Guid periodId, Guid organisationId, string? explanation, string actorUserId, CycleRole actorRole, DateTimeOffset now)
    {
        var refusals = CheckActor(cycle, actorUserId, actorRole, now);
        CheckStartedPeriod(refusals, periodId, now);
        if (!IsReturningParty(organisationId))
        {
            refusals.Add(new Refusal(MonitoringRules.NotAReturningParty));
        }

        TextInput.Check(refusals, explanation, ReturnExplanation.TextMaxLength, MonitoringRules.ExplanationRequired, MonitoringRules.ExplanationTooLong);
        if (refusals.Count > 0)
        {
            return DomainOutcome.Refused(refusals);
        }

        if (ExplanationFor(periodId, organisationId) is { } existing)
        {
            existing.Rewrite(TextInput.Clean(explanation), actorUserId, now);
        }
        else
        {
            _explanations.Add(new ReturnExplanation(periodId, organisationId, TextInput.Clean(explanation), actorUserId, now));
        }

        return Changed(cycle, now);
    }

    /// <summary>
    /// The periods whose last day has not come yet: their returns cannot be submitted yet, and a monitoring signed off now
    /// would never have them.
    /// </summary>
    public IReadOnlyList<ReportingPeriod> PeriodsStillToCome(DateTimeOffset now) => [.. Periods.Where(p => !p.HasReachedLastDay(Today(now)))];

    /// <summary>Reports and results are for a period of this contract that has begun.</summary>
    internal void CheckStartedPeriod(List<Refusal> refusals, Guid periodId, DateTimeOffset now)
    {
        var period = FindPeriod(periodId);
        if (period is null)
        {
            refusals.Add(new Refusal(MonitoringRules.PeriodNotFound));
        }
        else if (!period.HasStarted(Today(now)))
        {
            refusals.Add(new Refusal(MonitoringRules.PeriodNotStarted));
        }
    }
}
