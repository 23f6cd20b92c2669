namespace CoproCommissioning.Domain.Monitoring;

// The joint risk register and the disputes: any member adds and reviews risks, raises a dispute and records its outcome,
// because in an alliance the risk is everyone's.
public sealed partial class AllianceLeadershipTeam
{
    private readonly List<AllianceRisk> _risks = [];
    private readonly List<AllianceDispute> _disputes = [];

    /// <summary>Open risks first, worst first; then closed ones.</summary>
    public IReadOnlyList<AllianceRisk> Risks =>
        [.. _risks.OrderBy(r => r.IsClosed).ThenByDescending(r => r.Score).ThenBy(r => r.ReviewOn).ThenBy(r => r.AddedAt)];

    public IReadOnlyList<AllianceDispute> Disputes => [.. _disputes.OrderBy(d => d.RaisedAt)];

    public AllianceRisk? FindRisk(Guid id) => _risks.SingleOrDefault(r => r.Id == id);

    public AllianceDispute? FindDispute(Guid id) => _disputes.SingleOrDefault(d => d.Id == id);

    /// <summary>The open risks not reviewed by their review day, as of <paramref name="today"/> (in England), most overdue first.</summary>
    public IReadOnlyList<AllianceRisk> OverdueRisks(DateOnly today) =>
        [.. _risks.Where(r => r.IsReviewOverdue(today)).OrderBy(r => r.ReviewOn)];

    public DomainOutcome<AllianceRisk> AddRisk(CommissioningCycle cycle, RiskDraft draft, string actorUserId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var (refusals, _) = CheckMember(cycle, actorUserId, now);
        CheckRisk(refusals, draft, now);
        if (refusals.Count > 0)
        {
            return DomainOutcome.Refused<AllianceRisk>(refusals);
        }

        var risk = new AllianceRisk(TextInput.Clean(draft.Description), draft.OwnerMemberId!.Value, draft.Likelihood!.Value, draft.Impact!.Value,
            TextInput.Clean(draft.Actions), draft.ReviewOn!.Value, actorUserId, now);
        _risks.Add(risk);
        var changed = Changed(cycle, now);
        return changed.Succeeded ? DomainOutcome.Success(risk) : DomainOutcome.Refused<AllianceRisk>(changed.Refusals);
    }

    /// <summary>A member reviews a risk: the team's view of it now, and the day of the next review, which clears an overdue flag.</summary>
    public DomainOutcome ReviewRisk(CommissioningCycle cycle, Guid riskId, RiskDraft draft, string actorUserId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var (refusals, _) = CheckMember(cycle, actorUserId, now);
        var risk = OpenRisk(refusals, riskId);
        CheckRisk(refusals, draft, now);
        if (refusals.Count > 0)
        {
            return DomainOutcome.Refused(refusals);
        }

        risk!.Update(TextInput.Clean(draft.Description), draft.OwnerMemberId!.Value, draft.Likelihood!.Value, draft.Impact!.Value,
            TextInput.Clean(draft.Actions), draft.ReviewOn!.Value, actorUserId, now);
        return Changed(cycle, now);
    }

    /// <summary>A member closes a risk that has passed or been dealt with, saying why; it stays in the register.</summary>
    public DomainOutcome CloseRisk(CommissioningCycle cycle, Guid riskId, string? note, string actorUserId, DateTimeOffset now)
    {
        var (refusals, _) = CheckMember(cycle, actorUserId, now);
        var risk = OpenRisk(refusals, riskId);
        TextInput.Check(refusals, note, AllianceRisk.ActionsMaxLength, AllianceRules.ClosingNoteRequired, AllianceRules.ClosingNoteTooLong);
        if (refusals.Count > 0)
        {
            return DomainOutcome.Refused(refusals);
        }

        risk!.Close(TextInput.Clean(note), now);
        return Changed(cycle, now);
    }

    /// <summary>A member raises a dispute for their party, with the route the alliance agreement gives for resolving it.</summary>
    public DomainOutcome<AllianceDispute> RaiseDispute(
        CommissioningCycle cycle, string? summary, DisputeRoute? route, string actorUserId, DateTimeOffset now)
    {
        var (refusals, member) = CheckMember(cycle, actorUserId, now);
        TextInput.Check(refusals, summary, AllianceDispute.TextMaxLength, AllianceRules.DisputeSummaryRequired, AllianceRules.DisputeSummaryTooLong);
        ChoiceInput.Check(refusals, route, AllianceRules.DisputeRouteRequired);
        if (refusals.Count > 0)
        {
            return DomainOutcome.Refused<AllianceDispute>(refusals);
        }

        var dispute = new AllianceDispute(member!.Id, TextInput.Clean(summary), route!.Value, actorUserId, now);
        _disputes.Add(dispute);
        var changed = Changed(cycle, now);
        return changed.Succeeded ? DomainOutcome.Success(dispute) : DomainOutcome.Refused<AllianceDispute>(changed.Refusals);
    }

    /// <summary>A member changes an open dispute's route, for example to mediation when the team could not settle it.</summary>
    public DomainOutcome ChangeDisputeRoute(CommissioningCycle cycle, Guid disputeId, DisputeRoute? route, string actorUserId, DateTimeOffset now)
    {
        var (refusals, _) = CheckMember(cycle, actorUserId, now);
        var dispute = OpenDispute(refusals, disputeId);
        ChoiceInput.Check(refusals, route, AllianceRules.DisputeRouteRequired);
        if (refusals.Count > 0)
        {
            return DomainOutcome.Refused(refusals);
        }

        dispute!.ChangeRoute(route!.Value);
        return Changed(cycle, now);
    }

    /// <summary>A member records how a dispute was resolved; it is then closed.</summary>
    public DomainOutcome ResolveDispute(CommissioningCycle cycle, Guid disputeId, string? outcome, string actorUserId, DateTimeOffset now)
    {
        var (refusals, _) = CheckMember(cycle, actorUserId, now);
        var dispute = OpenDispute(refusals, disputeId);
        TextInput.Check(refusals, outcome, AllianceDispute.TextMaxLength, AllianceRules.DisputeOutcomeRequired, AllianceRules.DisputeOutcomeTooLong);
        if (refusals.Count > 0)
        {
            return DomainOutcome.Refused(refusals);
        }

        dispute!.Resolve(TextInput.Clean(outcome), actorUserId, now);
        return Changed(cycle, now);
    }

    private AllianceRisk? OpenRisk(List<Refusal> refusals, Guid riskId)
    {
        var risk = FindRisk(riskId);
        if (risk is null)
        {
            refusals.Add(new Refusal(AllianceRules.RiskNotFound));
        }
        else if (risk.IsClosed)
        {
            refusals.Add(new Refusal(AllianceRules.RiskClosed, risk.Id));
        }

        return risk;
    }

    private AllianceDispute? OpenDispute(List<Refusal> refusals, Guid disputeId)
    {
        var dispute = FindDispute(disputeId);
        if (dispute is null)
        {
            refusals.Add(new Refusal(AllianceRules.DisputeNotFound));
        }
        else if (dispute.IsResolved)
        {
            refusals.Add(new Refusal(AllianceRules.DisputeResolved, dispute.Id));
        }

        return dispute;
    }

    private void CheckRisk(List<Refusal> refusals, RiskDraft draft, DateTimeOffset now)
    {
        TextInput.Check(refusals, draft.Description, AllianceRisk.DescriptionMaxLength, AllianceRules.RiskRequired, AllianceRules.RiskTooLong);
        if (draft.OwnerMemberId is not { } owner || FindMember(owner) is null)
        {
            refusals.Add(new Refusal(AllianceRules.RiskOwnerRequired));
        }

        CheckScore(refusals, draft.Likelihood, AllianceRules.LikelihoodRequired);
        CheckScore(refusals, draft.Impact, AllianceRules.ImpactRequired);
        TextInput.Check(refusals, draft.Actions, AllianceRisk.ActionsMaxLength, AllianceRules.ActionsRequired, AllianceRules.ActionsTooLong);
        if (draft.ReviewOn is null)
        {
            refusals.Add(new Refusal(AllianceRules.ReviewOnRequired));
        }
        else if (draft.ReviewOn < DateOnly.FromDateTime(now.UtcDateTime))
        {
            refusals.Add(new Refusal(AllianceRules.ReviewOnInPast));
        }
    }
}
