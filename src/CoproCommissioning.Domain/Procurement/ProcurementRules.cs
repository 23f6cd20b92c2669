namespace CoproCommissioning.Domain.Procurement;

/// <summary>
/// Rules for the procurement stage: the route, the evaluation criteria and scale, the evaluation panel and opening
/// bidding. Codes are stable; messages say how to fix the problem. Who may act reuses
/// <see cref="CycleRules.CommissionerOnly"/>, and a signed-off procurement stage refuses every change with
/// <see cref="CycleRules.StageSignedOff"/>.
/// </summary>
public static partial class ProcurementRules
{
    // The route.
    public static readonly DomainRule RegimeRequired = new(
        "proc-regime-required",
        "Choose which rules this procurement follows: the Provider Selection Regime, the Procurement Act 2023, a grant or an alliance agreement.",
        nameof(RouteChoice.Regime));

    public static readonly DomainRule RouteRequired = new(
        "proc-route-required",
        "Choose the route you will follow.",
        nameof(RouteChoice.Route));

    public static readonly DomainRule RouteOutsideRegime = new(
        "proc-route-outside-regime",
        "Choose a route that the rules you chose allow.",
        nameof(RouteChoice.Route));

    public static readonly DomainRule ExistingProviderRequired = new(
        "proc-existing-provider-required",
        "Answer whether someone provides this service now.",
        nameof(RouteQuestions.ExistingProvider));

    public static readonly DomainRule OnlyCapableRequired = new(
        "proc-only-capable-required",
        "Answer whether the existing provider is the only one capable of providing the service.",
        nameof(RouteQuestions.OnlyCapableProvider));

    public static readonly DomainRule UnrestrictedChoiceRequired = new(
        "proc-unrestricted-choice-required",
        "Answer whether patients have an unrestricted choice of provider for this service.",
        nameof(RouteQuestions.UnrestrictedChoice));

    public static readonly DomainRule SatisfactoryRequired = new(
        "proc-satisfactory-required",
        "Answer whether the existing provider is doing well enough and the service will not change considerably.",
        nameof(RouteQuestions.SatisfactoryAndNoConsiderableChange));

    public static readonly DomainRule RouteNotAllowedByAnswers = new(
        "proc-route-not-allowed",
        "Your answers do not allow this process. Choose one of the processes your answers allow, or check the answers.",
        nameof(RouteChoice.Route));

    public static readonly DomainRule ProcessAMandatory = new(
        "proc-process-a-mandatory",
        "When the existing provider is the only one capable of providing the service, Direct Award Process A must be used.",
        nameof(RouteChoice.Route));

    public static readonly DomainRule ReasonRequired = new(
        "proc-reason-required",
        "Enter why you chose this route, for example: three providers told the market engagement event they could run it.",
        nameof(RouteChoice.Reason));

    public static readonly DomainRule ReasonTooLong = new(
        "proc-reason-too-long",
        $"Enter the reason in {CycleProcurement.ReasonMaxLength} characters or fewer.",
        nameof(RouteChoice.Reason));

    public static readonly DomainRule JustificationRequired = new(
        "proc-justification-required",
        "Enter which justification in the Procurement Act 2023 allows a direct award, and why it applies.",
        nameof(RouteChoice.Justification));

    public static readonly DomainRule JustificationTooLong = new(
        "proc-justification-too-long",
        $"Enter the justification in {CycleProcurement.ReasonMaxLength} characters or fewer.",
        nameof(RouteChoice.Justification));

    public static readonly DomainRule RouteFixedOnceBiddingOpened = new(
        "proc-route-fixed",
        "Bidding has opened, so the route can no longer change.");

    // Criteria and the scale.
    public static readonly DomainRule CriterionNameRequired = new(
        "proc-criterion-name-required",
        "Enter a name for the criterion, for example: Keeping people who use the service involved.",
        nameof(CriterionDraft.Name));

    public static readonly DomainRule CriterionNameTooLong = new(
        "proc-criterion-name-too-long",
        $"Enter a name of {EvaluationCriterion.NameMaxLength} characters or fewer.",
        nameof(CriterionDraft.Name));

    public static readonly DomainRule CriterionDescriptionRequired = new(
        "proc-criterion-description-required",
        "Enter what evaluators will look for in a bid.",
        nameof(CriterionDraft.Description));

    public static readonly DomainRule CriterionDescriptionTooLong = new(
        "proc-criterion-description-too-long",
        $"Enter what evaluators will look for in {EvaluationCriterion.DescriptionMaxLength} characters or fewer.",
        nameof(CriterionDraft.Description));

    public static readonly DomainRule CriterionKindRequired = new(
        "proc-criterion-kind-required",
        "Choose whether the criterion is scored or pass/fail.",
        nameof(CriterionDraft.Kind));

    public static readonly DomainRule WeightRequired = new(
        "proc-weight-required",
        "Enter a weight between 1 and 100 per cent for a scored criterion.",
        nameof(CriterionDraft.Weight));

    public static readonly DomainRule CoProductionCriterionScored = new(
        "proc-co-production-scored",
        "The co-production criterion must be scored, so how a provider will keep co-producing counts towards the award.",
        nameof(CriterionDraft.Kind));

    public static readonly DomainRule SectionNotInSpecification = new(
        "proc-section-unknown",
        "A section you chose is not in the approved specification. Choose the sections again.",
        nameof(CriterionDraft.SectionIds));

    public static readonly DomainRule ContributionNotInCycle = new(
        "proc-contribution-unknown",
        "Some input you chose is not in this cycle. Choose the input again.",
        nameof(CriterionDraft.ShapedBy));

    public static readonly DomainRule CriteriaLocked = new(
        "proc-criteria-locked",
        "Bidding has opened, so the criteria and the scoring scale can no longer change.");

    public static readonly DomainRule CriterionHasEvaluators = new(
        "proc-criterion-has-evaluators",
        "Evaluators are assigned to this criterion. Take it off their lists before you remove it.");

    public static readonly DomainRule ScaleTooShort = new(
        "proc-scale-too-short",
        "A scoring scale needs at least 2 scores.",
        "Levels");

    public static readonly DomainRule ScaleTooLong = new(
        "proc-scale-too-long",
        $"A scoring scale can have at most {CycleProcurement.MostScoreLevels} scores.",
        "Levels");

    public static readonly DomainRule ScoreDescriptionRequired = new(
        "proc-score-description-required",
        "Describe what a bid must show to earn this score.",
        "Levels");

    public static readonly DomainRule ScoreDescriptionTooLong = new(
        "proc-score-description-too-long",
        $"Describe each score in {ScoreLevel.DescriptionMaxLength} characters or fewer.",
        "Levels");

    /// <summary>Not a refusal: shown beside the criteria, because PPN 002 asks central government for at least 10%.</summary>
    public static readonly DomainRule SocialValueBelowTenPercent = new(
        "proc-social-value-below-10",
        "Social value carries less than 10% of the total score. Central government must give it at least 10% (PPN 002); consider doing the same.");

    // The panel.
    public static readonly DomainRule EvaluatorNotMember = new(
        "proc-evaluator-not-member",
        "Choose a member of this cycle as an evaluator.",
        "UserId");

    public static readonly DomainRule EvaluatorAlreadyOnPanel = new(
        "proc-evaluator-already-on-panel",
        "This person is already on the evaluation panel.",
        "UserId");

    public static readonly DomainRule ProviderCannotEvaluate = new(
        "proc-provider-cannot-evaluate",
        "Providers may bid, so they cannot evaluate bids. Choose someone else.",
        "UserId");

    public static readonly DomainRule EvaluatorRoleRequired = new(
        "proc-evaluator-role-required",
        "Choose what the evaluator brings to the panel.",
        "Role");

    public static readonly DomainRule EvaluatorRoleDoesNotMatch = new(
        "proc-evaluator-role-mismatch",
        "Lived-experience evaluators are panel members of the cycle, and clinical advisers are the cycle's clinical advisers. Choose the role that matches the person.",
        "Role");

    public static readonly DomainRule CriterionNotInProcurement = new(
        "proc-criterion-unknown",
        "A criterion you chose is no longer in this procurement. Choose the criteria again.",
        "CriterionIds");

    public static readonly DomainRule BriefedOnRequired = new(
        "proc-briefed-on-required",
        "Enter the date the evaluator training was completed.",
        "BriefedOn");

    public static readonly DomainRule BriefedOnInFuture = new(
        "proc-briefed-on-in-future",
        "The date the training was completed must be today or in the past.",
        "BriefedOn");

    public static readonly DomainRule BriefedByRequired = new(
        "proc-briefed-by-required",
        "Enter who gave the training.",
        "BriefedBy");

    public static readonly DomainRule BriefedByTooLong = new(
        "proc-briefed-by-too-long",
        $"Enter who gave the training in {Evaluator.BriefedByMaxLength} characters or fewer.",
        "BriefedBy");

    public static readonly DomainRule OnlyTheEvaluatorDeclares = new(
        "proc-only-evaluator-declares",
        "Only the evaluator can declare their own interests.");

    public static readonly DomainRule HasInterestRequired = new(
        "proc-has-interest-required",
        "Answer whether you have an interest in any provider that might bid.",
        nameof(DeclarationDraft.HasInterest));

    public static readonly DomainRule InterestRequired = new(
        "proc-interest-required",
        "Describe the interest, for example: I volunteered for one of the providers until 2025.",
        nameof(DeclarationDraft.Interest));

    public static readonly DomainRule InterestTooLong = new(
        "proc-interest-too-long",
        $"Describe the interest in {Evaluator.InterestMaxLength} characters or fewer.",
        nameof(DeclarationDraft.Interest));

    public static readonly DomainRule ActionRequired = new(
        "proc-action-required",
        "Choose what was agreed about the interest.",
        nameof(DeclarationDraft.Action));

    public static readonly DomainRule RestrictedOrganisationsRequired = new(
        "proc-restricted-organisations-required",
        "Choose the providers whose bids you will not read or score.",
        nameof(DeclarationDraft.RestrictedOrganisationIds));

    public static readonly DomainRule NothingToAccept = new(
        "proc-nothing-to-accept",
        "The evaluator has not declared their interests yet.");

    public static readonly DomainRule EvaluatorNotFound = new(
        "proc-evaluator-not-found",
        "This evaluator is no longer on the panel.");

    public static readonly DomainRule ConflictsAssessmentRequired = new(
        "proc-conflicts-assessment-required",
        "Enter the authority's assessment of conflicts of interest for this procurement.",
        "ConflictsAssessment");

    public static readonly DomainRule ConflictsAssessmentTooLong = new(
        "proc-conflicts-assessment-too-long",
        $"Enter the assessment in {CycleProcurement.ReasonMaxLength} characters or fewer.",
        "ConflictsAssessment");

    // Opening bidding.
    public static readonly DomainRule NotCompetitive = new(
        "proc-not-competitive",
        "The route you chose is a direct award, so there is no bidding: go on to the award.");

    public static readonly DomainRule AlreadyOpen = new(
        "proc-bidding-already-open",
        "Bidding has already opened.");

    public static readonly DomainRule ScoredCriterionRequired = new(
        "proc-scored-criterion-required",
        "Add at least 1 scored criterion.");

    public static readonly DomainRule CoProductionCriterionRequired = new(
        "proc-co-production-criterion-required",
        "Add a scored criterion on how the provider will keep co-producing the service with the people who use it.");

    public static readonly DomainRule LivedExperienceEvaluatorRequired = new(
        "proc-lived-experience-evaluator-required",
        "Add at least 1 lived-experience evaluator to the panel.");

    public static readonly DomainRule CriterionWithoutEvaluator = new(
        "proc-criterion-without-evaluator",
        "Assign at least 1 evaluator to every criterion, pass/fail ones included.");

    public static readonly DomainRule AssessmentBeforeBidding = new(
        "proc-assessment-before-bidding",
        "Record the authority's conflicts of interest assessment before bidding opens (Procurement Act 2023).");

    public static readonly DomainRule DeadlineRequired = new(
        "proc-deadline-required",
        "Enter the date and time bids must arrive by.",
        "Deadline");

    public static readonly DomainRule DeadlineInPast = new(
        "proc-deadline-in-past",
        "The deadline for bids must be in the future.",
        "Deadline");

    /// <summary>Scored criteria must carry the whole score between them; the message says where they stand.</summary>
    public static DomainRule WeightsMustTotal100(int total) => new(
        "proc-weights-total-100",
        $"The weights of the scored criteria must add up to 100%. They add up to {total}% now.");

    // What the procurement stage needs before it is signed off.
    public static readonly DomainRule RouteNotRecorded = new(
        "proc-route-not-recorded",
        "Record which rules the procurement follows and the route.");

    public static readonly DomainRule BiddingNotOpened = new(
        "proc-bidding-not-opened",
        "Open bidding: the route you chose is competitive.");
}
