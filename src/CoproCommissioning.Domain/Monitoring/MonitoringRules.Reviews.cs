namespace CoproCommissioning.Domain.Monitoring;

// Reviews, their decisions, and what the monitoring stage needs before it is signed off.
public static partial class MonitoringRules
{
    public static readonly DomainRule HeldOnRequired = new(
        "mon-held-on-required",
        "Enter the date the review meeting was held.",
        nameof(ReviewDraft.HeldOn));

    public static readonly DomainRule HeldOnInFuture = new(
        "mon-held-on-in-future",
        "The date the review was held must be today or in the past.",
        nameof(ReviewDraft.HeldOn));

    public static readonly DomainRule ReviewParticipantsRequired = new(
        "mon-review-participants-required",
        "Say who took part in the review: choose the members who were there, or describe the others.",
        nameof(ReviewDraft.Participants));

    public static readonly DomainRule OthersPresentTooLong = new(
        "mon-others-present-too-long",
        $"Describe the others who were there in {Review.OthersPresentMaxLength} characters or fewer.",
        nameof(ReviewDraft.OthersPresent));

    public static readonly DomainRule MinutesRequired = new(
        "mon-minutes-required",
        "Enter the minutes of the review: what was looked at, what was said and by whom.",
        nameof(ReviewDraft.Minutes));

    public static readonly DomainRule MinutesTooLong = new(
        "mon-minutes-too-long",
        $"Enter the minutes in {Review.MinutesMaxLength} characters or fewer.",
        nameof(ReviewDraft.Minutes));

    public static readonly DomainRule ReviewPeriodsRequired = new(
        "mon-review-periods-required",
        "Choose the reporting periods the review looked at.",
        nameof(ReviewDraft.PeriodIds));

    public static readonly DomainRule ReviewPeriodNotInContract = new(
        "mon-review-period-not-in-contract",
        "A period you chose is no longer part of the contract. Choose the periods again.",
        nameof(ReviewDraft.PeriodIds));

    public static readonly DomainRule ReviewNotFound = new(
        "mon-review-not-found",
        "This review is no longer recorded.");

    public static readonly DomainRule ReviewDecisionRequired = new(
        "mon-review-decision-required",
        "Choose the decision, recorded in the monitoring stage, that this review ended in.",
        nameof(ReviewDecisionDraft.DecisionId));

    public static readonly DomainRule ReviewDecisionNotInStage = new(
        "mon-review-decision-not-in-stage",
        "Choose a decision recorded in this cycle's monitoring stage.",
        nameof(ReviewDecisionDraft.DecisionId));

    public static readonly DomainRule ReviewDecisionUsed = new(
        "mon-review-decision-used",
        "Another review already ended in this decision. Record a decision for this review.",
        nameof(ReviewDecisionDraft.DecisionId));

    public static readonly DomainRule ReviewTypeRequired = new(
        "mon-review-type-required",
        "Choose what the review decided: continue, vary, extend or decommission the service.",
        nameof(ReviewDecisionDraft.Type));

    public static readonly DomainRule CitedReturnRequired = new(
        "mon-cited-return-required",
        "Choose the providers' returns the decision rests on: at least one.",
        nameof(ReviewDecisionDraft.CitedReturnIds));

    public static readonly DomainRule CitedReturnUnknown = new(
        "mon-cited-return-unknown",
        "A return you chose is not a submitted return for the periods this review looked at. Choose the returns again.",
        nameof(ReviewDecisionDraft.CitedReturnIds));

    public static readonly DomainRule CitedRatingRequired = new(
        "mon-cited-rating-required",
        "Choose the panel's ratings the decision rests on: at least one.",
        nameof(ReviewDecisionDraft.CitedRatingIds));

    public static readonly DomainRule CitedRatingUnknown = new(
        "mon-cited-rating-unknown",
        "A panel rating you chose is not one for the periods this review looked at. Choose the ratings again.",
        nameof(ReviewDecisionDraft.CitedRatingIds));

    public static readonly DomainRule ImpactRequired = new(
        "mon-impact-required",
        "Describe the impact of decommissioning on people using the service now.",
        nameof(DecommissionPlan.ImpactOnCurrentUsers));

    public static readonly DomainRule TransitionPlanRequired = new(
        "mon-transition-plan-required",
        "Describe the plan to move people using the service now to the support they will have instead.",
        nameof(DecommissionPlan.TransitionPlan));

    public static readonly DomainRule EngagementTestRequired = new(
        "mon-engagement-test-required",
        "Say how the change was tested with strong engagement of the public, patients and people who use the service.",
        nameof(DecommissionPlan.EngagementTest));

    public static readonly DomainRule PatientChoiceTestRequired = new(
        "mon-patient-choice-test-required",
        "Say how the change keeps a consistent and clear basis for patient choice.",
        nameof(DecommissionPlan.PatientChoiceTest));

    public static readonly DomainRule ClinicalEvidenceTestRequired = new(
        "mon-clinical-evidence-test-required",
        "Say what clear clinical evidence supports the change.",
        nameof(DecommissionPlan.ClinicalEvidenceTest));

    public static readonly DomainRule ClinicalSupportTestRequired = new(
        "mon-clinical-support-test-required",
        "Say how clinical commissioners showed their support for the change.",
        nameof(DecommissionPlan.ClinicalCommissionerSupportTest));

    public static readonly DomainRule DecommissionAnswerTooLong = new(
        "mon-decommission-answer-too-long",
        $"Answer in {Review.DecommissionTextMaxLength} characters or fewer.");

    // What the monitoring stage needs before it is signed off.
    public static readonly DomainRule ContractNotMade = new(
        "mon-contract-not-made",
        "Make the contract from the award, so there is something to monitor.");

    public static readonly DomainRule DecidedReviewRequired = new(
        "mon-decided-review-required",
        "Hold at least one review of the contract and record the decision it ended in.");

    public static readonly DomainRule PanelRatingsMissing = new(
        "mon-panel-ratings-missing",
        "Add the panel's ratings of the outcomes for the last period a review looked at: log them for panel members if they were gathered at a forum or by phone.");

    /// <summary>Returns whose due date has come, neither submitted nor explained; the message says how many.</summary>
    public static DomainRule ReturnsMissing(int count) => new(
        "mon-returns-missing",
        count == 1
            ? "1 return that is due has not been submitted. Ask the provider for it, or record why it is missing."
            : $"{count} returns that are due have not been submitted. Ask the providers for them, or record why they are missing.");
}
