using CoproCommissioning.Domain.Membership;

namespace CoproCommissioning.Domain.Procurement;

/// <summary>
/// A provider organisation's bid in a competitive procurement: its partners, its answer to each criterion and its
/// attachments. Sealed: until the deadline only the provider's own people read it, and after the deadline the
/// commissioners and the evaluators the panel's declarations allow; a provider never reads another's bid. Its own
/// aggregate, so providers writing at once never clash with each other or with the panel.
/// </summary>
public sealed class Bid
{
    public const int PartnersMaxLength = 2000;
    public const int AttachmentsMaxLength = 20000;

    private readonly List<BidResponse> _responses = [];

    private Bid() { }

    private Bid(Guid procurementId, Guid cycleId, Guid organisationId, string userId, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7();
        ProcurementId = procurementId;
        CycleId = cycleId;
        OrganisationId = organisationId;
        Status = BidStatus.Draft;
        StartedByUserId = userId;
        StartedAt = now;
        LastChangedByUserId = userId;
        LastChangedAt = now;
    }

    /// <summary>
    /// A bid as a list of bids reads it: who bid, when, and with whom, without its answers, which are rows of their own
    /// read only for the one bid a page shows. Read-only: a change loads the bid itself.
    /// </summary>
    public static Bid AsListed(
        Guid id, Guid procurementId, Guid cycleId, Guid organisationId, string partners, BidStatus status, DateTimeOffset startedAt,
        DateTimeOffset? submittedAt, DateTimeOffset? withdrawnAt) =>
        new()
        {
            Id = id,
            ProcurementId = procurementId,
            CycleId = cycleId,
            OrganisationId = organisationId,
            Partners = partners,
            Status = status,
            StartedAt = startedAt,
            SubmittedAt = submittedAt,
            WithdrawnAt = withdrawnAt,
        };

    public Guid Id { get; private set; }

    public Guid ProcurementId { get; private set; }

    public Guid CycleId { get; private set; }

    /// <summary>The lead provider: the organisation whose people write the bid.</summary>
    public Guid OrganisationId { get; private set; }

    /// <summary>Partners in a consortium or alliance, one per line; empty when the lead provider bids alone.</summary>
    public string Partners { get; private set; } = "";

    public string Attachments { get; private set; } = "";

    public IReadOnlyList<BidResponse> Responses => _responses;

    public BidStatus Status { get; private set; }

    public string StartedByUserId { get; private set; } = "";

    public DateTimeOffset StartedAt { get; private set; }

    public string LastChangedByUserId { get; private set; } = "";

    public DateTimeOffset LastChangedAt { get; private set; }

    public string? SubmittedByUserId { get; private set; }

    public DateTimeOffset? SubmittedAt { get; private set; }

    public DateTimeOffset? WithdrawnAt { get; private set; }

    /// <summary>Concurrency token, mapped to PostgreSQL xmin; the domain never sets it.</summary>
    public uint Version { get; private set; }

    public bool IsSubmitted => Status == BidStatus.Submitted;

    public string? ResponseTo(Guid criterionId) => _responses.SingleOrDefault(r => r.CriterionId == criterionId)?.Text;

    /// <summary>Partners one per line, as the record and the panel list them.</summary>
    public IReadOnlyList<string> PartnerNames =>
        [.. Partners.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    /// <summary>
    /// Who may read this bid now. Its own organisation's providers always; after the deadline, a commissioner not on the panel, and an
    /// evaluator whose declaration allows it (<see cref="CycleProcurement.EvaluatorMayRead"/>), once it was submitted.
    /// Nobody reads a bid before the deadline except those who write it, and no provider reads another's.
    /// </summary>
    public bool MayBeReadBy(IEvaluationSetup procurement, string userId, CycleRole role, Guid? organisationId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(procurement);
        if (procurement.Id != ProcurementId)
        {
            return false;
        }

        if (CyclePermissions.Allows(role, CycleOperation.SubmitBid))
        {
            return organisationId == OrganisationId;
        }

        if (!IsSubmitted || !procurement.IsPastDeadline(now))
        {
            return false;
        }

        // A commissioner who sits on the panel is bound by their own declaration like any evaluator; one who only runs
        // the procurement reads every bid after the deadline to moderate and award.
        return procurement.EvaluatorFor(userId) is not null
            ? procurement.EvaluatorMayRead(userId, OrganisationId, now)
            : CyclePermissions.Allows(role, CycleOperation.ManageCycle);
    }

    /// <summary>A provider starts its organisation's bid once bidding is open and before the deadline.</summary>
    public static DomainOutcome<Bid> Start(
        CommissioningCycle cycle, CycleProcurement procurement, Guid? organisationId, bool organisationHasBid,
        string actorUserId, CycleRole actorRole, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(procurement);
        var refusals = CheckProvider(cycle, procurement, actorUserId, actorRole, now);
        if (organisationId is null)
        {
            refusals.Add(new Refusal(ProcurementRules.BidderNeedsOrganisation));
        }

        if (organisationHasBid)
        {
            refusals.Add(new Refusal(ProcurementRules.OrganisationHasBid));
        }

        return refusals.Count > 0
            ? DomainOutcome.Refused<Bid>(refusals)
            : DomainOutcome.Success(new Bid(procurement.Id, cycle.Id, organisationId!.Value, actorUserId, now));
    }

    /// <summary>
    /// The provider's people save what they have written, as often as they like, until the deadline. Saving a
    /// submitted or withdrawn bid makes it a draft again, to be submitted again.
    /// </summary>
    public DomainOutcome Save(
        CommissioningCycle cycle, CycleProcurement procurement, BidDraft draft, string actorUserId, CycleRole actorRole, Guid? organisationId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(draft.Responses);
        var refusals = CheckOwnBid(cycle, procurement, actorUserId, actorRole, organisationId, now);
        TextInput.Check(refusals, draft.Partners, PartnersMaxLength, null, ProcurementRules.PartnersTooLong);
        TextInput.Check(refusals, draft.Attachments, AttachmentsMaxLength, null, ProcurementRules.AttachmentsTooLong);
        foreach (var (criterionId, text) in draft.Responses)
        {
            if (procurement.FindCriterion(criterionId) is null)
            {
                refusals.Add(new Refusal(ProcurementRules.CriterionNotInProcurement, criterionId));
            }
            else if ((text?.Trim().Length ?? 0) > BidResponse.TextMaxLength)
            {
                refusals.Add(Refusal.ForItem(ProcurementRules.ResponseTooLong, criterionId));
            }
        }

        if (refusals.Count > 0)
        {
            return DomainOutcome.Refused(refusals);
        }

        Partners = TextInput.Clean(draft.Partners);
        Attachments = TextInput.Clean(draft.Attachments);
        foreach (var (criterionId, text) in draft.Responses)
        {
            var clean = TextInput.Clean(text);
            var existing = _responses.SingleOrDefault(r => r.CriterionId == criterionId);
            if (existing is null)
            {
                _responses.Add(new BidResponse(criterionId, clean));
            }
            else
            {
                existing.Rewrite(clean);
            }
        }

        Status = BidStatus.Draft;
        SubmittedAt = null;
        SubmittedByUserId = null;
        WithdrawnAt = null;
        return Changed(actorUserId, now);
    }

    /// <summary>The provider submits the bid before the deadline, with an answer to every criterion; a late bid is refused.</summary>
    public DomainOutcome Submit(
        CommissioningCycle cycle, CycleProcurement procurement, string actorUserId, CycleRole actorRole, Guid? organisationId, DateTimeOffset now)
    {
        var refusals = CheckOwnBid(cycle, procurement, actorUserId, actorRole, organisationId, now);
        if (Status == BidStatus.Submitted)
        {
            refusals.Add(new Refusal(ProcurementRules.BidAlreadySubmitted));
        }

        refusals.AddRange(procurement.Criteria
            .Where(c => string.IsNullOrWhiteSpace(ResponseTo(c.Id)))
            .Select(c => Refusal.ForItem(ProcurementRules.ResponseRequired, c.Id)));
        if (refusals.Count > 0)
        {
            return DomainOutcome.Refused(refusals);
        }

        Status = BidStatus.Submitted;
        SubmittedAt = now;
        SubmittedByUserId = actorUserId;
        return Changed(actorUserId, now);
    }

    /// <summary>The provider takes the bid back before the deadline; it is never read or scored unless submitted again.</summary>
    public DomainOutcome Withdraw(
        CommissioningCycle cycle, CycleProcurement procurement, string actorUserId, CycleRole actorRole, Guid? organisationId, DateTimeOffset now)
    {
        var refusals = CheckOwnBid(cycle, procurement, actorUserId, actorRole, organisationId, now);
        if (Status == BidStatus.Withdrawn)
        {
            refusals.Add(new Refusal(ProcurementRules.BidAlreadyWithdrawn));
        }

        if (refusals.Count > 0)
        {
            return DomainOutcome.Refused(refusals);
        }

        Status = BidStatus.Withdrawn;
        WithdrawnAt = now;
        SubmittedAt = null;
        SubmittedByUserId = null;
        return Changed(actorUserId, now);
    }

    private List<Refusal> CheckOwnBid(
        CommissioningCycle cycle, CycleProcurement procurement, string actorUserId, CycleRole actorRole, Guid? organisationId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(procurement);
        StageContent.CheckCycle(cycle, CycleId);
        if (procurement.Id != ProcurementId)
        {
            throw new ArgumentException($"Bid {Id} is not part of procurement {procurement.Id}.", nameof(procurement));
        }

        var refusals = CheckProvider(cycle, procurement, actorUserId, actorRole, now);
        if (organisationId != OrganisationId)
        {
            refusals.Add(new Refusal(ProcurementRules.NotYourBid));
        }

        return refusals;
    }

    private static List<Refusal> CheckProvider(CommissioningCycle cycle, CycleProcurement procurement, string actorUserId, CycleRole actorRole, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(cycle);
        ArgumentException.ThrowIfNullOrWhiteSpace(actorUserId);
        Guard.Defined(actorRole);
        Guard.Utc(now);
        List<Refusal> refusals = [];
        if (!CyclePermissions.Allows(actorRole, CycleOperation.SubmitBid))
        {
            refusals.Add(new Refusal(ProcurementRules.ProvidersOnlyBid));
        }

        if (!procurement.IsBiddingOpen)
        {
            refusals.Add(new Refusal(ProcurementRules.BiddingNotOpen));
        }
        else if (procurement.IsPastDeadline(now))
        {
            refusals.Add(new Refusal(ProcurementRules.LateBid));
        }

        StageContent.CheckStageOpen(refusals, cycle, StageKind.Procurement, now);
        return refusals;
    }

    private DomainOutcome Changed(string actorUserId, DateTimeOffset now)
    {
        LastChangedByUserId = actorUserId;
        LastChangedAt = now;
        return DomainOutcome.Success();
    }
}
