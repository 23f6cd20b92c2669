namespace CoproCommissioning.Domain.Procurement;

// Scoring, moderation, the award and the standstill.
public static partial class ProcurementRules
{
    // Scoring.
    public static readonly DomainRule OnlyTheEvaluatorScores = new(
        "proc-only-evaluator-scores",
        "Only the evaluator can record their own scores.");

    public static readonly DomainRule BriefingBeforeScoring = new(
        "proc-briefing-before-scoring",
        "Your evaluator training has not been recorded yet. Ask the commissioner to record it, then you can score.");

    public static readonly DomainRule ScoringBeforeDeadline = new(
        "proc-scoring-before-deadline",
        "Bids are sealed until the deadline, so nobody can score or moderate them yet.");

    public static readonly DomainRule BidClosedToYou = new(
        "proc-bid-closed-to-you",
        "You cannot read or score this bid: your declaration of interests has not been accepted, or it keeps you from this provider's bid.");

    public static readonly DomainRule CriterionNotAssigned = new(
        "proc-criterion-not-assigned",
        "You were not asked to score this criterion.");

    public static readonly DomainRule ScoreRequired = new(
        "proc-score-required",
        "Choose a score.",
        "Level");

    public static readonly DomainRule ScoreNotOnScale = new(
        "proc-score-not-on-scale",
        "Choose one of the scores on the scale.",
        "Level");

    public static readonly DomainRule ScoreCommentRequired = new(
        "proc-score-comment-required",
        "Explain your score: what in the bid led you to it.",
        "Comment");

    public static readonly DomainRule ScoreCommentTooLong = new(
        "proc-score-comment-too-long",
        $"Explain your score in {Score.CommentMaxLength} characters or fewer.",
        "Comment");

    public static readonly DomainRule ScoresSubmitted = new(
        "proc-scores-submitted",
        "You have submitted your scores, so they can no longer change. Moderation records any agreed change.");

    public static readonly DomainRule ScoreModerated = new(
        "proc-score-moderated",
        "This score has been moderated, so only moderation can change it.");

    public static DomainRule ScoresMissing(int count) => new(
        "proc-scores-missing",
        count == 1 ? "Score the 1 criterion still without a score before you submit." : $"Score the {count} criteria still without a score before you submit.");

    public static readonly DomainRule NothingToScore = new(
        "proc-nothing-to-score",
        "There is nothing for you to score: no bid you may read, or no criteria assigned to you.");

    public static readonly DomainRule EvaluationClosed = new(
        "proc-evaluation-closed",
        "The award has been recorded, so scores and moderation can no longer change.");

    // Moderation.
    public static readonly DomainRule BidNotSubmitted = new(
        "proc-bid-not-submitted",
        "This bid was not submitted, so it is not evaluated.");

    public static readonly DomainRule ScoresOutstanding = new(
        "proc-scores-outstanding",
        "Some evaluators have not submitted their scores for this criterion yet. Moderate once they have.",
        "Level");

    public static readonly DomainRule AgreedScoreRequired = new(
        "proc-agreed-score-required",
        "Choose the score the panel agreed.",
        "Level");

    public static readonly DomainRule ModerationReasonRequired = new(
        "proc-moderation-reason-required",
        "The agreed score differs from an evaluator's score. Enter why the panel agreed it.",
        "Reason");

    public static readonly DomainRule ModerationReasonTooLong = new(
        "proc-moderation-reason-too-long",
        $"Enter the reason in {ModeratedScore.ReasonMaxLength} characters or fewer.",
        "Reason");

    public static readonly DomainRule NothingUnanimous = new(
        "proc-nothing-unanimous",
        "There are no scores left on which every evaluator gave the same score. Moderate the rest one by one.");

    // The award.
    public static readonly DomainRule AwardDecisionRequired = new(
        "proc-award-decision-required",
        "Choose the decision that records the award. Record it in the procurement stage first if you have not.",
        "DecisionId");

    public static readonly DomainRule AwardDecisionNotInStage = new(
        "proc-award-decision-not-in-stage",
        "Choose a decision recorded in this cycle's procurement stage.",
        "DecisionId");

    public static readonly DomainRule AwardProviderRequired = new(
        "proc-award-provider-required",
        "Choose the provider, or the providers, the contract is awarded to.",
        "OrganisationIds");

    public static readonly DomainRule AwardProviderNotEligible = new(
        "proc-award-provider-not-eligible",
        "Choose from the providers listed: on a competitive route, only those that submitted a bid.",
        "OrganisationIds");

    public static readonly DomainRule EvaluationNotFinished = new(
        "proc-evaluation-not-finished",
        "Every criterion of every bid must be moderated before the award. Finish moderation first.");

    public static readonly DomainRule AwardToFailedBid = new(
        "proc-award-to-failed-bid",
        "A provider you chose failed a pass/fail criterion, so it cannot be awarded the contract.",
        "OrganisationIds");

    public static readonly DomainRule AwardFixedOnceNoticePublished = new(
        "proc-award-fixed",
        "The intention to award has been published, so the award can no longer change.");

    // The intention to award and the standstill.
    public static readonly DomainRule NoStandstillOnRoute = new(
        "proc-no-standstill",
        "This route has no intention to award and no standstill.");

    public static readonly DomainRule AwardBeforeNotice = new(
        "proc-award-before-notice",
        "Record the award before you publish the intention to award.");

    public static readonly DomainRule NoticeAlreadyPublished = new(
        "proc-notice-already-published",
        "The intention to award has already been published.");

    public static readonly DomainRule NoticeDateRequired = new(
        "proc-notice-date-required",
        "Enter the date the notice of intention to award was published.",
        "NoticeOn");

    public static readonly DomainRule NoticeDateInFuture = new(
        "proc-notice-date-in-future",
        "The date the notice was published must be today or in the past.",
        "NoticeOn");

    public static readonly DomainRule RepresentationBeforeNotice = new(
        "proc-representation-before-notice",
        "Representations are made during the standstill. Publish the intention to award first.");

    public static readonly DomainRule RepresentationFromRequired = new(
        "proc-representation-from-required",
        "Enter who made the representations.",
        "From");

    public static readonly DomainRule RepresentationFromTooLong = new(
        "proc-representation-from-too-long",
        $"Enter who made them in {Representation.FromMaxLength} characters or fewer.",
        "From");

    public static readonly DomainRule RepresentationDateRequired = new(
        "proc-representation-date-required",
        "Enter the date the representations were received.",
        "ReceivedOn");

    public static readonly DomainRule RepresentationDateInFuture = new(
        "proc-representation-date-in-future",
        "The date the representations were received must be today or in the past.",
        "ReceivedOn");

    public static readonly DomainRule RepresentationBeforeNoticeDay = new(
        "proc-representation-before-notice-day",
        "Representations are received on or after the day the intention to award was published.",
        "ReceivedOn");

    public static readonly DomainRule RepresentationSummaryRequired = new(
        "proc-representation-summary-required",
        "Summarise what the provider said.",
        "Summary");

    public static readonly DomainRule RepresentationSummaryTooLong = new(
        "proc-representation-summary-too-long",
        $"Summarise the representations in {Representation.TextMaxLength} characters or fewer.",
        "Summary");

    public static readonly DomainRule RepresentationNotFound = new(
        "proc-representation-not-found",
        "These representations are no longer recorded.");

    public static readonly DomainRule RepresentationAnswerRequired = new(
        "proc-representation-answer-required",
        "Enter the authority's answer to the representations.",
        "Answer");

    public static readonly DomainRule RepresentationAnswerTooLong = new(
        "proc-representation-answer-too-long",
        $"Enter the answer in {Representation.TextMaxLength} characters or fewer.",
        "Answer");

    public static readonly DomainRule ProceedOnlyAfterPsrNotice = new(
        "proc-proceed-only-psr",
        "Deciding to go ahead after representations applies to the Provider Selection Regime, once the intention to award is published.");

    public static readonly DomainRule ProceedWithoutRepresentations = new(
        "proc-proceed-without-representations",
        "No representations were logged, so the standstill simply ends; there is nothing to decide.");

    public static readonly DomainRule RepresentationsUnanswered = new(
        "proc-representations-unanswered",
        "Answer every representation before you decide to go ahead.");

    public static readonly DomainRule ProceedDateRequired = new(
        "proc-proceed-date-required",
        "Enter the date the authority decided to go ahead.",
        "DecidedOn");

    public static readonly DomainRule ProceedDateInFuture = new(
        "proc-proceed-date-in-future",
        "The date of the decision must be today or in the past.",
        "DecidedOn");

    public static readonly DomainRule ProceedBeforeNotice = new(
        "proc-proceed-before-notice",
        "The decision to go ahead comes after the intention to award was published.",
        "DecidedOn");

    public static readonly DomainRule ProceedReasonRequired = new(
        "proc-proceed-reason-required",
        "Enter why the authority is going ahead after reviewing the representations.",
        "Reason");

    public static readonly DomainRule ProceedReasonTooLong = new(
        "proc-proceed-reason-too-long",
        $"Enter the reason in {CycleProcurement.ReasonMaxLength} characters or fewer.",
        "Reason");

    // Sign-off.
    public static readonly DomainRule DeadlineNotPassed = new(
        "proc-deadline-not-passed",
        "The deadline for bids has not passed yet.");

    public static readonly DomainRule NoBids = new(
        "proc-no-bids",
        "No bid was submitted. Record what the authority decided instead, for example to run the procurement again.");

    public static DomainRule ScorecardsNotSubmitted(int count) => new(
        "proc-scorecards-not-submitted",
        count == 1 ? "1 evaluator has not submitted their scores." : $"{count} evaluators have not submitted their scores.");

    public static DomainRule ScoresNotModerated(int count) => new(
        "proc-scores-not-moderated",
        count == 1 ? "1 score has not been moderated." : $"{count} scores have not been moderated.");

    public static readonly DomainRule NoLivedExperienceScores = new(
        "proc-no-lived-experience-scores",
        "No lived-experience evaluator has submitted scores.");

    public static readonly DomainRule AwardNotRecorded = new(
        "proc-award-not-recorded",
        "The award has not been recorded.");

    public static readonly DomainRule IntentionNotPublished = new(
        "proc-intention-not-published",
        "The intention to award has not been published.");

    public static readonly DomainRule StandstillNotEnded = new(
        "proc-standstill-not-ended",
        "The standstill has not ended yet.");
}
