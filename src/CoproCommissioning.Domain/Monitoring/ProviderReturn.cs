using CoproCommissioning.Domain.Membership;

namespace CoproCommissioning.Domain.Monitoring;

/// <summary>
/// One contract party's monitoring return for one reporting period: a rating and evidence for each outcome, a value for
/// each KPI reported that period, their co-production evidence and exceptions. Saved as a draft as often as needed;
/// once submitted it is corrected only by a new revision that says why, and every earlier revision is kept. Only the
/// organisation's own providers write it. Its own aggregate, so providers reporting at once never clash.
/// </summary>
public sealed class ProviderReturn
{
    private readonly List<ReturnRevision> _revisions = [];

    private ProviderReturn() { }

    private ProviderReturn(CycleMonitoring monitoring, Guid periodId, Guid organisationId, string userId, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7();
        MonitoringId = monitoring.Id;
        CycleId = monitoring.CycleId;
        PeriodId = periodId;
        OrganisationId = organisationId;
        _revisions.Add(new ReturnRevision(1, null, userId, now));
    }

    public Guid Id { get; private set; }

    public Guid MonitoringId { get; private set; }

    public Guid CycleId { get; private set; }

    public Guid PeriodId { get; private set; }

    public Guid OrganisationId { get; private set; }

    /// <summary>Concurrency token, mapped to PostgreSQL xmin; the domain never sets it.</summary>
    public uint Version { get; private set; }

    /// <summary>Every revision, first to latest.</summary>
    public IReadOnlyList<ReturnRevision> Revisions => [.. _revisions.OrderBy(r => r.Number)];

    /// <summary>The revision being written, or the last one submitted when none is.</summary>
    public ReturnRevision Latest =>
        _revisions.MaxBy(r => r.Number) ?? throw new InvalidOperationException("The return has no revisions: were they loaded?");

    /// <summary>What the return says now: the latest revision submitted. Null until the first submission.</summary>
    public ReturnRevision? Submitted => _revisions.Where(r => r.IsSubmitted).MaxBy(r => r.Number);

    public bool IsSubmitted => Submitted is not null;

    /// <summary>A correction has been started and not yet submitted.</summary>
    public bool IsBeingCorrected => IsSubmitted && !Latest.IsSubmitted;

    /// <summary>Whether someone in <paramref name="role"/> from <paramref name="organisationId"/> may write this return: its own organisation's providers.</summary>
    public bool MayBeWrittenBy(CycleRole role, Guid? organisationId) =>
        CyclePermissions.Allows(role, CycleOperation.SubmitProviderReturn) && organisationId == OrganisationId;

    /// <summary>
    /// Whether someone may read this return, and so whether they may read <see cref="Submitted"/>. Its own organisation's
    /// providers always, drafts included; once submitted, the commissioning team and, in an alliance, the other members,
    /// who share its outcomes. Only its own organisation reads a draft or a correction being written.
    /// </summary>
    public bool MayBeReadBy(CycleMonitoring monitoring, CycleRole role, Guid? organisationId)
    {
        ArgumentNullException.ThrowIfNull(monitoring);
        if (monitoring.Id != MonitoringId)
        {
            return false;
        }

        if (MayBeWrittenBy(role, organisationId))
        {
            return true;
        }

        if (!IsSubmitted)
        {
            return false;
        }

        return CyclePermissions.Allows(role, CycleOperation.SubmitProviderReturn)
            ? monitoring.IsAlliance && monitoring.IsReturningParty(organisationId)
            : CyclePermissions.Allows(role, CycleOperation.ReadProviderReturns);
    }

    /// <summary>A provider of a party to the contract starts its organisation's return for a period that has begun.</summary>
    public static DomainOutcome<ProviderReturn> Start(
        CommissioningCycle cycle, CycleMonitoring monitoring, Guid periodId, Guid? organisationId, bool organisationHasReturn,
        string actorUserId, CycleRole actorRole, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(monitoring);
        var refusals = CheckProvider(cycle, monitoring, actorUserId, actorRole, now);
        monitoring.CheckStartedPeriod(refusals, periodId, now);
        if (!monitoring.IsReturningParty(organisationId))
        {
            refusals.Add(new Refusal(MonitoringRules.NotYourContract));
        }

        if (organisationHasReturn)
        {
            refusals.Add(new Refusal(MonitoringRules.OrganisationHasReturn));
        }

        return refusals.Count > 0
            ? DomainOutcome.Refused<ProviderReturn>(refusals)
            : DomainOutcome.Success(new ProviderReturn(monitoring, periodId, organisationId!.Value, actorUserId, now));
    }

    /// <summary>
    /// The provider's people save what they have written, as often as they like, until they submit. Anything may be
    /// left out of a draft; what is given must be about this contract and not too long.
    /// </summary>
    public DomainOutcome Save(
        CommissioningCycle cycle, CycleMonitoring monitoring, ReturnDraft draft, string actorUserId, CycleRole actorRole, Guid? organisationId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(draft.Outcomes);
        ArgumentNullException.ThrowIfNull(draft.Kpis);
        var refusals = CheckOwnReturn(cycle, monitoring, actorUserId, actorRole, organisationId, now);
        if (Latest.IsSubmitted)
        {
            refusals.Add(new Refusal(MonitoringRules.ReturnSubmitted));
        }

        foreach (var (outcomeId, report) in draft.Outcomes)
        {
            ArgumentNullException.ThrowIfNull(report);
            if (monitoring.FindOutcome(outcomeId) is null)
            {
                refusals.Add(new Refusal(MonitoringRules.OutcomeNotInContract, outcomeId));
                continue;
            }

            if (report.Rating is { } rating)
            {
                Guard.Defined(rating);
            }

            if (TextInput.Clean(report.Evidence).Length > ReturnRevision.EvidenceMaxLength)
            {
                refusals.Add(Refusal.ForItem(MonitoringRules.EvidenceTooLong, outcomeId));
            }
        }

        foreach (var (kpiId, report) in draft.Kpis)
        {
            ArgumentNullException.ThrowIfNull(report);
            if (monitoring.FindKpi(kpiId) is not { Owner: KpiOwner.Provider } kpi)
            {
                refusals.Add(new Refusal(MonitoringRules.KpiNotInContract, kpiId));
                continue;
            }

            if (report.Value is { } value && !kpi.Allows(value))
            {
                refusals.Add(Refusal.ForItem(MonitoringRules.KpiValueNotAPercentage(kpi.Name), kpiId));
            }

            if (TextInput.Clean(report.Note).Length > ReturnRevision.NoteMaxLength)
            {
                refusals.Add(Refusal.ForItem(MonitoringRules.KpiNoteTooLong, kpiId));
            }
        }

        TextInput.Check(refusals, draft.CoProductionEvidence, ReturnRevision.CoProductionEvidenceMaxLength, null, MonitoringRules.CoProductionEvidenceTooLong);
        TextInput.Check(refusals, draft.ForumMinutes, ReturnRevision.ForumMinutesMaxLength, null, MonitoringRules.ForumMinutesTooLong);
        TextInput.Check(refusals, draft.Exceptions, ReturnRevision.ExceptionsMaxLength, null, MonitoringRules.ExceptionsTooLong);
        if (refusals.Count > 0)
        {
            return DomainOutcome.Refused(refusals);
        }

        Latest.Save(draft, actorUserId, now);
        return DomainOutcome.Success();
    }

    /// <summary>
    /// The provider submits the return with a rating and evidence for every outcome, a value for every KPI reported
    /// this period, and what people who use the service changed, from the period's last day (before then its figures are
    /// not known). Late returns are still taken: a late return is better than none.
    /// </summary>
    public DomainOutcome Submit(
        CommissioningCycle cycle, CycleMonitoring monitoring, string actorUserId, CycleRole actorRole, Guid? organisationId, DateTimeOffset now)
    {
        var refusals = CheckOwnReturn(cycle, monitoring, actorUserId, actorRole, organisationId, now);
        var latest = Latest;
        if (latest.IsSubmitted)
        {
            refusals.Add(new Refusal(MonitoringRules.ReturnSubmitted));
        }
        else
        {
            foreach (var outcome in monitoring.Outcomes)
            {
                var given = latest.RatingFor(outcome.OutcomeId);
                if (given?.Rating is null)
                {
                    refusals.Add(Refusal.ForItem(MonitoringRules.RatingRequired(outcome.Statement), outcome.OutcomeId));
                }

                if (string.IsNullOrEmpty(given?.Evidence))
                {
                    refusals.Add(Refusal.ForItem(MonitoringRules.EvidenceRequired(outcome.Statement), outcome.OutcomeId));
                }
            }

            if (monitoring.FindPeriod(PeriodId) is { } period)
            {
                if (!period.HasReachedLastDay(DateOnly.FromDateTime(now.UtcDateTime)))
                {
                    refusals.Add(new Refusal(MonitoringRules.PeriodNotEnded));
                }

                refusals.AddRange(monitoring.KpisReportedIn(period)
                    .Where(k => latest.ValueFor(k.Id)?.Value is null)
                    .Select(k => Refusal.ForItem(MonitoringRules.KpiValueRequired(k.Name), k.Id)));
            }

            if (latest.CoProductionEvidence.Length == 0)
            {
                refusals.Add(new Refusal(MonitoringRules.CoProductionEvidenceRequired));
            }
        }

        if (refusals.Count > 0)
        {
            return DomainOutcome.Refused(refusals);
        }

        latest.Submit(actorUserId, now);
        return DomainOutcome.Success();
    }

    /// <summary>
    /// The provider starts correcting a submitted return, saying why. The correction starts as a copy of what was
    /// submitted; what was submitted stays as it was, and stays what the return says until the correction is submitted.
    /// </summary>
    public DomainOutcome StartCorrection(
        CommissioningCycle cycle, CycleMonitoring monitoring, string? reason, string actorUserId, CycleRole actorRole, Guid? organisationId, DateTimeOffset now)
    {
        var refusals = CheckOwnReturn(cycle, monitoring, actorUserId, actorRole, organisationId, now);
        if (!IsSubmitted)
        {
            refusals.Add(new Refusal(MonitoringRules.CorrectOnlySubmitted));
        }
        else if (IsBeingCorrected)
        {
            refusals.Add(new Refusal(MonitoringRules.CorrectionStarted));
        }

        TextInput.Check(refusals, reason, ReturnRevision.ReasonMaxLength, MonitoringRules.CorrectionReasonRequired, MonitoringRules.CorrectionReasonTooLong);
        if (refusals.Count > 0)
        {
            return DomainOutcome.Refused(refusals);
        }

        _revisions.Add(Latest.Correction(TextInput.Clean(reason), actorUserId, now));
        return DomainOutcome.Success();
    }

    /// <summary>
    /// The provider stops a correction it started and has not submitted: the correction is dropped, and the return
    /// stands as last submitted, every submitted revision kept.
    /// </summary>
    public DomainOutcome StopCorrection(
        CommissioningCycle cycle, CycleMonitoring monitoring, string actorUserId, CycleRole actorRole, Guid? organisationId, DateTimeOffset now)
    {
        var refusals = CheckOwnReturn(cycle, monitoring, actorUserId, actorRole, organisationId, now);
        if (!IsBeingCorrected)
        {
            refusals.Add(new Refusal(MonitoringRules.NoCorrectionStarted));
        }

        if (refusals.Count > 0)
        {
            return DomainOutcome.Refused(refusals);
        }

        _revisions.Remove(Latest);
        return DomainOutcome.Success();
    }

    /// <summary>The return as first submitted, however often it was corrected since: its day says whether the return was on time.</summary>
    public ReturnRevision? FirstSubmitted => Revisions.FirstOrDefault(r => r.IsSubmitted);

    private List<Refusal> CheckOwnReturn(
        CommissioningCycle cycle, CycleMonitoring monitoring, string actorUserId, CycleRole actorRole, Guid? organisationId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(monitoring);
        StageContent.CheckCycle(cycle, CycleId);
        if (monitoring.Id != MonitoringId)
        {
            throw new ArgumentException($"Return {Id} is not part of monitoring {monitoring.Id}.", nameof(monitoring));
        }

        var refusals = CheckProvider(cycle, monitoring, actorUserId, actorRole, now);
        if (organisationId != OrganisationId)
        {
            refusals.Add(new Refusal(MonitoringRules.NotYourReturn));
        }

        return refusals;
    }

    private static List<Refusal> CheckProvider(CommissioningCycle cycle, CycleMonitoring monitoring, string actorUserId, CycleRole actorRole, DateTimeOffset now)
    {
        StageContent.CheckCycle(cycle, monitoring.CycleId);
        var refusals = CycleMonitoring.CheckStage(cycle, actorUserId, actorRole, now);
        if (!CyclePermissions.Allows(actorRole, CycleOperation.SubmitProviderReturn))
        {
            refusals.Insert(0, new Refusal(MonitoringRules.ProvidersOnlyReturn));
        }

        return refusals;
    }
}
