using CoproCommissioning.Domain.Procurement;

namespace CoproCommissioning.Domain.Monitoring;

// The team's decisions: unanimous, because every party to an alliance has an equal say. Each member agrees or
// disagrees (with a reason), and can change their mind until the last member's agreement carries the decision.
public sealed partial class AllianceLeadershipTeam
{
    private readonly List<AllianceDecision> _decisions = [];

    public IReadOnlyList<AllianceDecision> Decisions => [.. _decisions.OrderBy(d => d.ProposedAt)];

    public AllianceDecision? FindDecision(Guid id) => _decisions.SingleOrDefault(d => d.Id == id);

    /// <summary>
    /// Where <paramref name="decision"/> stands: carried, or which members agree, disagree or have not voted. Members who
    /// joined after a decision was carried are not missing from it.
    /// </summary>
    public AllianceDecisionStatus StatusOf(AllianceDecision decision)
    {
        ArgumentNullException.ThrowIfNull(decision);
        var votes = decision.Votes;
        return new AllianceDecisionStatus(
            decision.IsCarried,
            [.. votes.Where(v => v.Agrees).Select(v => v.MemberId)],
            [.. votes.Where(v => !v.Agrees).Select(v => v.MemberId)],
            decision.IsCarried ? [] : [.. _members.Where(m => decision.VoteOf(m.Id) is null).Select(m => m.Id)]);
    }

    /// <summary>A member of a complete team puts a decision to it. Nobody has voted on it yet, the proposer included.</summary>
    public DomainOutcome<AllianceDecision> Propose(
        CommissioningCycle cycle, CycleProcurement procurement, string? title, string? proposal, string actorUserId, DateTimeOffset now)
    {
        var (refusals, _) = CheckMember(cycle, actorUserId, now);
        if (!IsComplete(procurement))
        {
            refusals.Add(new Refusal(AllianceRules.TeamIncomplete));
        }

        TextInput.Check(refusals, title, AllianceDecision.TitleMaxLength, AllianceRules.DecisionTitleRequired, AllianceRules.DecisionTitleTooLong);
        TextInput.Check(refusals, proposal, AllianceDecision.ProposalMaxLength, AllianceRules.ProposalRequired, AllianceRules.ProposalTooLong);
        if (refusals.Count > 0)
        {
            return DomainOutcome.Refused<AllianceDecision>(refusals);
        }

        var decision = new AllianceDecision(TextInput.Clean(title), TextInput.Clean(proposal), actorUserId, now);
        _decisions.Add(decision);
        var changed = Changed(cycle, now);
        return changed.Succeeded ? DomainOutcome.Success(decision) : DomainOutcome.Refused<AllianceDecision>(changed.Refusals);
    }

    /// <summary>
    /// A member's named person records whether their party agrees, giving a reason when it does not; a second vote
    /// replaces the first. The vote that makes every member's agreement carries the decision, which fixes it.
    /// </summary>
    public DomainOutcome Vote(CommissioningCycle cycle, Guid decisionId, bool? agrees, string? reason, string actorUserId, DateTimeOffset now)
    {
        var (refusals, member) = CheckMember(cycle, actorUserId, now);
        var decision = FindDecision(decisionId);
        if (decision is null)
        {
            refusals.Add(new Refusal(AllianceRules.DecisionNotFound));
        }
        else if (decision.IsCarried)
        {
            refusals.Add(new Refusal(AllianceRules.DecisionCarried));
        }

        if (agrees is null)
        {
            refusals.Add(new Refusal(AllianceRules.VoteRequired));
        }

        TextInput.Check(refusals, reason, AllianceVote.ReasonMaxLength, agrees == false ? AllianceRules.DisagreeReasonRequired : null, AllianceRules.ReasonTooLong);
        if (refusals.Count > 0)
        {
            return DomainOutcome.Refused(refusals);
        }

        var cleanReason = TextInput.Clean(reason);
        decision!.Record(member!.Id, agrees!.Value, cleanReason.Length > 0 ? cleanReason : null, actorUserId, now);
        if (_members.All(m => decision.VoteOf(m.Id) is { Agrees: true }))
        {
            decision.Carry(now);
        }

        return Changed(cycle, now);
    }
}
