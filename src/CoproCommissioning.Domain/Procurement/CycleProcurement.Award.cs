namespace CoproCommissioning.Domain.Procurement;

// The award: a decision in the procurement stage naming the provider(s), then, on routes that need it, the intention to
// award, the standstill and the representations made during it.
public sealed partial class CycleProcurement
{
    private readonly List<Representation> _representations = [];
    private List<Guid> _awardedOrganisationIds = [];

    /// <summary>The decision in the procurement stage that records the award, with who made it and why (R2).</summary>
    public Guid? AwardDecisionId { get; private set; }

    public IReadOnlyList<Guid> AwardedOrganisationIds => _awardedOrganisationIds;

    public string? AwardRecordedByUserId { get; private set; }

    public DateTimeOffset? AwardRecordedAt { get; private set; }

    /// <summary>The day the notice of intention to award was published, in England.</summary>
    public DateOnly? IntentionNoticeOn { get; private set; }

    /// <summary>When the standstill ends and the contract can be awarded; later if the authority goes ahead after representations.</summary>
    public DateTimeOffset? StandstillEndsAt { get; private set; }

    /// <summary>The day the authority, having reviewed the representations, decided to go ahead.</summary>
    public DateOnly? ProceedDecidedOn { get; private set; }

    public string? ProceedReason { get; private set; }

    public IReadOnlyList<Representation> Representations => [.. _representations.OrderBy(r => r.ReceivedOn).ThenBy(r => r.LoggedAt)];

    public bool IsAwardRecorded => AwardDecisionId is not null;

    public bool NeedsStandstill => ProcurementRoutes.NeedsStandstill(Route);

    public bool IsIntentionPublished => IntentionNoticeOn is not null;

    public bool HasStandstillEnded(DateTimeOffset now) => StandstillEndsAt is { } ends && now >= ends;

    public Representation? FindRepresentation(Guid id) => _representations.SingleOrDefault(r => r.Id == id);

    /// <summary>
    /// A commissioner records the award: the decision in the procurement stage that made it and the provider(s) it names.
    /// On a competitive route each must have a submitted bid that passed every pass/fail criterion, with every
    /// criterion moderated. <paramref name="eligible"/> are the organisations that may be named: the bidders' on a
    /// competitive route, the cycle's providers otherwise. It can be changed until the intention to award is published.
    /// </summary>
    public DomainOutcome RecordAward(
        CommissioningCycle cycle, Guid? decisionId, IReadOnlyList<Guid> organisationIds, IReadOnlyList<BidStanding> standings,
        IReadOnlyCollection<Guid> eligible, string actorUserId, CycleRole actorRole, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(organisationIds);
        ArgumentNullException.ThrowIfNull(standings);
        ArgumentNullException.ThrowIfNull(eligible);
        var refusals = CheckActor(cycle, actorUserId, actorRole, now);
        if (IsIntentionPublished)
        {
            refusals.Add(new Refusal(ProcurementRules.AwardFixedOnceNoticePublished));
        }

        if (decisionId is null)
        {
            refusals.Add(new Refusal(ProcurementRules.AwardDecisionRequired));
        }
        else if (cycle.FindDecision(decisionId.Value) is not { StageKind: StageKind.Procurement })
        {
            refusals.Add(new Refusal(ProcurementRules.AwardDecisionNotInStage));
        }

        if (organisationIds.Count == 0)
        {
            refusals.Add(new Refusal(ProcurementRules.AwardProviderRequired));
        }
        else if (organisationIds.Any(id => !eligible.Contains(id)))
        {
            refusals.Add(new Refusal(ProcurementRules.AwardProviderNotEligible));
        }

        if (IsCompetitive)
        {
            CheckEvaluationFinished(refusals, organisationIds, standings, now);
        }

        if (refusals.Count > 0)
        {
            return DomainOutcome.Refused(refusals);
        }

        AwardDecisionId = decisionId;
        _awardedOrganisationIds = [.. organisationIds.Distinct()];
        AwardRecordedByUserId = actorUserId;
        AwardRecordedAt = now;
        return Changed(cycle, now);
    }

    /// <summary>
    /// A commissioner records the day the notice of intention to award was published; the standstill's end follows
    /// from it (<see cref="Standstill"/>).
    /// </summary>
    public DomainOutcome PublishIntention(
        CommissioningCycle cycle, DateOnly? noticeOn, IWorkingDayCalendar calendar, string actorUserId, CycleRole actorRole, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var refusals = CheckActor(cycle, actorUserId, actorRole, now);
        if (!NeedsStandstill)
        {
            refusals.Add(new Refusal(ProcurementRules.NoStandstillOnRoute));
        }

        if (!IsAwardRecorded)
        {
            refusals.Add(new Refusal(ProcurementRules.AwardBeforeNotice));
        }

        if (IsIntentionPublished)
        {
            refusals.Add(new Refusal(ProcurementRules.NoticeAlreadyPublished));
        }

        CheckDay(refusals, noticeOn, now, ProcurementRules.NoticeDateRequired, ProcurementRules.NoticeDateInFuture);
        if (refusals.Count > 0)
        {
            return DomainOutcome.Refused(refusals);
        }

        IntentionNoticeOn = noticeOn;
        StandstillEndsAt = Regime == ProcurementRegime.ProcurementAct2023
            ? Standstill.Procurement2023EndsAt(noticeOn!.Value, calendar)
            : Standstill.EndsAt(noticeOn!.Value, calendar);
        return Changed(cycle, now);
    }

    /// <summary>A commissioner logs written representations a provider made during the standstill.</summary>
    public DomainOutcome<Representation> LogRepresentation(
        CommissioningCycle cycle, string? from, DateOnly? receivedOn, string? summary, string actorUserId, CycleRole actorRole, DateTimeOffset now)
    {
        var refusals = CheckActor(cycle, actorUserId, actorRole, now);
        if (!IsIntentionPublished)
        {
            refusals.Add(new Refusal(ProcurementRules.RepresentationBeforeNotice));
        }

        TextInput.Check(refusals, from, Representation.FromMaxLength, ProcurementRules.RepresentationFromRequired, ProcurementRules.RepresentationFromTooLong);
        CheckDay(refusals, receivedOn, now, ProcurementRules.RepresentationDateRequired, ProcurementRules.RepresentationDateInFuture);
        if (receivedOn is { } received && IntentionNoticeOn is { } notice && received < notice)
        {
            refusals.Add(new Refusal(ProcurementRules.RepresentationBeforeNoticeDay));
        }

        TextInput.Check(refusals, summary, Representation.TextMaxLength, ProcurementRules.RepresentationSummaryRequired, ProcurementRules.RepresentationSummaryTooLong);
        if (refusals.Count > 0)
        {
            return DomainOutcome.Refused<Representation>(refusals);
        }

        var representation = new Representation(TextInput.Clean(from), receivedOn!.Value, TextInput.Clean(summary), actorUserId, now);
        _representations.Add(representation);
        var changed = Changed(cycle, now);
        return changed.Succeeded ? DomainOutcome.Success(representation) : DomainOutcome.Refused<Representation>(changed.Refusals);
    }

    /// <summary>A commissioner records the authority's answer to representations.</summary>
    public DomainOutcome AnswerRepresentation(
        CommissioningCycle cycle, Guid representationId, string? answer, string actorUserId, CycleRole actorRole, DateTimeOffset now)
    {
        var refusals = CheckActor(cycle, actorUserId, actorRole, now);
        var representation = FindRepresentation(representationId);
        if (representation is null)
        {
            refusals.Add(new Refusal(ProcurementRules.RepresentationNotFound));
        }

        TextInput.Check(refusals, answer, Representation.TextMaxLength, ProcurementRules.RepresentationAnswerRequired, ProcurementRules.RepresentationAnswerTooLong);
        if (refusals.Count > 0)
        {
            return DomainOutcome.Refused(refusals);
        }

        representation!.Respond(TextInput.Clean(answer), actorUserId, now);
        return Changed(cycle, now);
    }

    /// <summary>
    /// Under the Provider Selection Regime, once every representation is answered, the authority may decide to go
    /// ahead; the standstill then lasts 5 more working days from that decision (<see cref="Standstill.GoAheadAt"/>).
    /// </summary>
    public DomainOutcome DecideToProceed(
        CommissioningCycle cycle, DateOnly? decidedOn, string? reason, IWorkingDayCalendar calendar, string actorUserId, CycleRole actorRole, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var refusals = CheckActor(cycle, actorUserId, actorRole, now);
        if (Regime != ProcurementRegime.ProviderSelectionRegime || !IsIntentionPublished)
        {
            refusals.Add(new Refusal(ProcurementRules.ProceedOnlyAfterPsrNotice));
        }

        if (_representations.Count == 0)
        {
            refusals.Add(new Refusal(ProcurementRules.ProceedWithoutRepresentations));
        }
        else if (_representations.Any(r => !r.IsAnswered))
        {
            refusals.Add(new Refusal(ProcurementRules.RepresentationsUnanswered));
        }

        CheckDay(refusals, decidedOn, now, ProcurementRules.ProceedDateRequired, ProcurementRules.ProceedDateInFuture);
        if (decidedOn is { } day && IntentionNoticeOn is { } notice && day < notice)
        {
            refusals.Add(new Refusal(ProcurementRules.ProceedBeforeNotice));
        }

        TextInput.Check(refusals, reason, ReasonMaxLength, ProcurementRules.ProceedReasonRequired, ProcurementRules.ProceedReasonTooLong);
        if (refusals.Count > 0)
        {
            return DomainOutcome.Refused(refusals);
        }

        ProceedDecidedOn = decidedOn;
        ProceedReason = TextInput.Clean(reason);
        var goAhead = Standstill.GoAheadAt(decidedOn!.Value, calendar);
        StandstillEndsAt = StandstillEndsAt is { } ends && ends > goAhead ? ends : goAhead;
        return Changed(cycle, now);
    }

    private void CheckEvaluationFinished(List<Refusal> refusals, IReadOnlyList<Guid> organisationIds, IReadOnlyList<BidStanding> standings, DateTimeOffset now)
    {
        if (!IsPastDeadline(now))
        {
            refusals.Add(new Refusal(ProcurementRules.ScoringBeforeDeadline));
            return;
        }

        if (standings.Count == 0 || standings.Any(s => !s.IsFullyModerated))
        {
            refusals.Add(new Refusal(ProcurementRules.EvaluationNotFinished));
            return;
        }

        var chosen = standings.Where(s => organisationIds.Contains(s.Bid.OrganisationId)).ToList();
        if (chosen.Any(s => s.FailedPassFail))
        {
            refusals.Add(new Refusal(ProcurementRules.AwardToFailedBid));
        }
    }

    private static void CheckDay(List<Refusal> refusals, DateOnly? day, DateTimeOffset now, DomainRule required, DomainRule inFuture)
    {
        if (day is null)
        {
            refusals.Add(new Refusal(required));
        }
        else if (day > DateOnly.FromDateTime(now.UtcDateTime).AddDays(1))
        {
            // A day's grace: "today" in the UK can be tomorrow in UTC terms for an hour.
            refusals.Add(new Refusal(inFuture));
        }
    }
}
