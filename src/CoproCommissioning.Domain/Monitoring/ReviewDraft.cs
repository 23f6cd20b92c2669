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
/// decided about the contract; a decommissioning also says what it means for people and how the tests were met.
/// </summary>
public sealed record ReviewDecisionDraft(Guid? DecisionId, ReviewDecisionType? Type, DecommissionPlan? Decommissioning = null);

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
