namespace CoproCommissioning.Domain.Monitoring;

/// <summary>
/// Rules for an alliance's governance in the monitoring stage: its leadership team, the team's unanimous decisions, the
/// joint risk register, disputes and the health check. Codes are stable; messages say how to fix the problem. Who may
/// set up the team reuses <see cref="CycleRules.CommissionerOnly"/>, and a signed-off monitoring stage refuses every
/// change with <see cref="CycleRules.StageSignedOff"/>.
/// </summary>
public static class AllianceRules
{
    // Answers with no property of the same name: the person a member names, and whether a member agrees.
    private const string UserId = "UserId";
    private const string Agrees = "Agrees";

    // The team.
    public static readonly DomainRule NotAnAlliance = new(
        "alliance-not-an-alliance",
        "An alliance leadership team is only for a service awarded as an alliance agreement. Record the award to the alliance's providers first.");

    public static readonly DomainRule PartyRequired = new(
        "alliance-party-required",
        "Choose whether the member is a provider in the alliance or the commissioner.",
        nameof(AllianceMember.Party));

    public static readonly DomainRule OrganisationNotInAlliance = new(
        "alliance-organisation-not-in-alliance",
        "Choose one of the providers the alliance was awarded to.",
        nameof(AllianceMember.OrganisationId));

    public static readonly DomainRule PartyAlreadyMember = new(
        "alliance-party-already-member",
        "This party already has a member on the leadership team. Change its named person instead: every party has one equal say.",
        nameof(AllianceMember.OrganisationId));

    public static readonly DomainRule PersonRequired = new(
        "alliance-person-required",
        "Choose the named person who will speak for this party. They must be a member of this cycle.",
        UserId);

    public static readonly DomainRule PersonNotOfParty = new(
        "alliance-person-not-of-party",
        "Choose someone from this party: a provider's named person works for that provider, and the commissioner's is a commissioner of this cycle.",
        UserId);

    public static readonly DomainRule PersonAlreadyNamed = new(
        "alliance-person-already-named",
        "This person already speaks for another party on the team. Choose someone else, so every party keeps one equal say.",
        UserId);

    public static readonly DomainRule MemberNotFound = new(
        "alliance-member-not-found",
        "This member is no longer on the leadership team.");

    // A member acts through its named person, so nobody can vote or rate for a party they do not speak for.
    public static readonly DomainRule TeamMembersOnly = new(
        "alliance-team-members-only",
        "Only the named people on the alliance leadership team can do this.");

    // Decisions of the team.
    public static readonly DomainRule TeamIncomplete = new(
        "alliance-team-incomplete",
        "Add the commissioner and every provider in the alliance to the leadership team first: its decisions need every party's agreement.");

    public static readonly DomainRule DecisionTitleRequired = new(
        "alliance-decision-title-required",
        "Enter a short title for the decision, for example: Move the crisis café to the town centre.",
        nameof(AllianceDecision.Title));

    public static readonly DomainRule DecisionTitleTooLong = new(
        "alliance-decision-title-too-long",
        $"Enter the title in {AllianceDecision.TitleMaxLength} characters or fewer.",
        nameof(AllianceDecision.Title));

    public static readonly DomainRule ProposalRequired = new(
        "alliance-proposal-required",
        "Enter what the team is asked to agree, and why.",
        nameof(AllianceDecision.Proposal));

    public static readonly DomainRule ProposalTooLong = new(
        "alliance-proposal-too-long",
        $"Enter the proposal in {AllianceDecision.ProposalMaxLength} characters or fewer.",
        nameof(AllianceDecision.Proposal));

    public static readonly DomainRule DecisionNotFound = new(
        "alliance-decision-not-found",
        "This decision is not one of the leadership team's.");

    public static readonly DomainRule VoteRequired = new(
        "alliance-vote-required",
        "Choose whether you agree or disagree.",
        Agrees);

    public static readonly DomainRule DisagreeReasonRequired = new(
        "alliance-disagree-reason-required",
        "Enter why you disagree, so the team can find something every member agrees to.",
        nameof(AllianceVote.Reason));

    public static readonly DomainRule ReasonTooLong = new(
        "alliance-reason-too-long",
        $"Enter the reason in {AllianceVote.ReasonMaxLength} characters or fewer.",
        nameof(AllianceVote.Reason));

    public static readonly DomainRule DecisionCarried = new(
        "alliance-decision-carried",
        "Every member agreed, so this decision is carried and votes can no longer change. Propose a new decision to change it.");

    // The joint risk register.
    public static readonly DomainRule RiskRequired = new(
        "alliance-risk-required",
        "Describe the risk, for example: Referrals from the trust's crisis line drop while the café moves.",
        nameof(AllianceRisk.Description));

    public static readonly DomainRule RiskTooLong = new(
        "alliance-risk-too-long",
        $"Describe the risk in {AllianceRisk.DescriptionMaxLength} characters or fewer.",
        nameof(AllianceRisk.Description));

    public static readonly DomainRule RiskOwnerRequired = new(
        "alliance-risk-owner-required",
        "Choose the member of the leadership team who owns the risk.",
        nameof(AllianceRisk.OwnerMemberId));

    public static readonly DomainRule LikelihoodRequired = new(
        "alliance-likelihood-required",
        $"Choose how likely the risk is, from {AllianceLeadershipTeam.LowestScore} (rare) to {AllianceLeadershipTeam.HighestScore} (almost certain).",
        nameof(AllianceRisk.Likelihood));

    public static readonly DomainRule ImpactRequired = new(
        "alliance-impact-required",
        $"Choose how much harm the risk would do, from {AllianceLeadershipTeam.LowestScore} (very little) to {AllianceLeadershipTeam.HighestScore} (severe).",
        nameof(AllianceRisk.Impact));

    public static readonly DomainRule ActionsRequired = new(
        "alliance-actions-required",
        "Enter what the alliance is doing about the risk.",
        nameof(AllianceRisk.Actions));

    public static readonly DomainRule ActionsTooLong = new(
        "alliance-actions-too-long",
        $"Enter the actions in {AllianceRisk.ActionsMaxLength} characters or fewer.",
        nameof(AllianceRisk.Actions));

    public static readonly DomainRule ReviewOnRequired = new(
        "alliance-review-on-required",
        "Enter the date the team will next review the risk.",
        nameof(AllianceRisk.ReviewOn));

    public static readonly DomainRule ReviewOnInPast = new(
        "alliance-review-on-in-past",
        "The next review date must be today or later.",
        nameof(AllianceRisk.ReviewOn));

    public static readonly DomainRule RiskNotFound = new(
        "alliance-risk-not-found",
        "This risk is not in the alliance's risk register.");

    public static readonly DomainRule RiskClosed = new(
        "alliance-risk-closed",
        "This risk is closed, so it can no longer change.");

    public static readonly DomainRule ClosingNoteRequired = new(
        "alliance-closing-note-required",
        "Enter why the risk can be closed, for example: the café has moved and referrals are back to normal.",
        nameof(AllianceRisk.ClosingNote));

    public static readonly DomainRule ClosingNoteTooLong = new(
        "alliance-closing-note-too-long",
        $"Enter why the risk can be closed in {AllianceRisk.ActionsMaxLength} characters or fewer.",
        nameof(AllianceRisk.ClosingNote));

    // Disputes.
    public static readonly DomainRule DisputeSummaryRequired = new(
        "alliance-dispute-summary-required",
        "Describe what the members disagree about.",
        nameof(AllianceDispute.Summary));

    public static readonly DomainRule DisputeSummaryTooLong = new(
        "alliance-dispute-summary-too-long",
        $"Describe the dispute in {AllianceDispute.TextMaxLength} characters or fewer.",
        nameof(AllianceDispute.Summary));

    public static readonly DomainRule DisputeRouteRequired = new(
        "alliance-dispute-route-required",
        "Choose how the alliance agreed to resolve the dispute: in the leadership team, with an independent facilitator, or by mediation.",
        nameof(AllianceDispute.Route));

    public static readonly DomainRule DisputeOutcomeRequired = new(
        "alliance-dispute-outcome-required",
        "Enter how the dispute was resolved, and what each member agreed to do.",
        nameof(AllianceDispute.Outcome));

    public static readonly DomainRule DisputeOutcomeTooLong = new(
        "alliance-dispute-outcome-too-long",
        $"Enter the outcome in {AllianceDispute.TextMaxLength} characters or fewer.",
        nameof(AllianceDispute.Outcome));

    public static readonly DomainRule DisputeNotFound = new(
        "alliance-dispute-not-found",
        "This dispute is not one of the alliance's.");

    public static readonly DomainRule DisputeResolved = new(
        "alliance-dispute-resolved",
        "This dispute is resolved, so its route and outcome can no longer change. Raise a new dispute if the members disagree again.");

    // The health check.
    public static readonly DomainRule TrustRequired = HealthScoreRequired("trust", nameof(AllianceHealthRating.Trust), "how much the members trust each other");

    public static readonly DomainRule InformationSharingRequired =
        HealthScoreRequired("information-sharing", nameof(AllianceHealthRating.InformationSharing), "how well the members share information");

    public static readonly DomainRule SharedDecisionsRequired =
        HealthScoreRequired("shared-decisions", nameof(AllianceHealthRating.SharedDecisions), "how far decisions are really made together");

    public static readonly DomainRule HealthCommentRequired = new(
        "alliance-health-comment-required",
        "Enter a comment on your ratings, for example what would make working together easier.",
        nameof(AllianceHealthRating.Comment));

    public static readonly DomainRule HealthCommentTooLong = new(
        "alliance-health-comment-too-long",
        $"Enter the comment in {AllianceHealthRating.CommentMaxLength} characters or fewer.",
        nameof(AllianceHealthRating.Comment));

    private static DomainRule HealthScoreRequired(string code, string field, string what) => new(
        $"alliance-health-{code}-required",
        $"Rate {what}, from {AllianceLeadershipTeam.LowestScore} (poor) to {AllianceLeadershipTeam.HighestScore} (very good).",
        field);
}
