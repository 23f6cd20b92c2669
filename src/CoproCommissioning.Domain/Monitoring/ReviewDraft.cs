namespace CoproCommissioning.Domain.Monitoring;

/// <summary>
/// What a commissioner enters about a review meeting: the day it was held, the members who took part and anyone else
/// there, the minutes, and the reporting periods it looked at. A date that could not be read is null.
/// </summary>
public sealed record ReviewDraft(
    DateOnly? HeldOn,
    IReadOnlyList<DecisionParticipant> Participants,
    string? OthersPresent,
    string? Minutes,
    IReadOnlyList<Guid> PeriodIds);

/// <summary>
/// The review's decision: the decision recorded in the monitoring stage (so who shaped it is kept, R2) and what it
/// decided about the contract; the providers' returns and the panel's ratings it rests on; a decommissioning also says
/// what it means for people and how the tests were met.
/// </summary>
public sealed record ReviewDecisionDraft(Guid? DecisionId, ReviewDecisionType? Type, DecommissionPlan? Decommissioning = null)
{
    public IReadOnlyCollection<Guid> CitedReturnIds { get; init; } = [];

    public IReadOnlyCollection<Guid> CitedRatingIds { get; init; } = [];
}

/// <summary>
/// What a review's decision may cite, as the page loads it for the periods the review looked at: each submitted
/// provider return with the number of its latest submitted revision (the one the decision rests on), and the panel's
/// ratings, by id.
/// </summary>
public sealed record ReviewSources(IReadOnlyDictionary<Guid, int> SubmittedReturns, IReadOnlyCollection<Guid> PanelRatingIds)
{
    public static ReviewSources None { get; } = new(new Dictionary<Guid, int>(), []);
}

/// <summary>
/// What decommissioning a service must show: the impact on people using it now, the plan to move them on, and how each
/// of the four tests for a service change was met (strong engagement with the public and patients, patient choice, a
/// clear clinical evidence base, and the support of clinical commissioners).
/// </summary>
public sealed record DecommissionPlan(
    string? ImpactOnCurrentUsers,
    string? TransitionPlan,
    string? EngagementTest,
    string? PatientChoiceTest,
    string? ClinicalEvidenceTest,
    string? ClinicalCommissionerSupportTest);
