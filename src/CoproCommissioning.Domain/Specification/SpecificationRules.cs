namespace CoproCommissioning.Domain.Specification;

/// <summary>
/// Rules for the draft specification, its comment window, outcome framework, glossary and approval. Codes are
/// stable; messages say how to fix the problem. Who may act reuses <see cref="CycleRules.CommissionerOnly"/>, and a
/// signed-off specification stage refuses every change with <see cref="CycleRules.StageSignedOff"/> (docs/domain.md).
/// </summary>
public static class SpecificationRules
{
    /// <summary>The input for what the commissioner tells one person whose comment a change answers: <c>Notes[commentId]</c>.</summary>
    public const string AnswerNotes = "Notes";

    // Saving a version.
    public static readonly DomainRule DraftChanged = new(
        "spec-draft-changed",
        "Someone else saved a newer version of the draft while you were editing. Your changes are kept: check them against the newer text and save again.");

    public static readonly DomainRule NothingChanged = new(
        "spec-nothing-changed",
        "You have not changed anything since the last version. Change a section or an outcome before you save a new version.");

    public static readonly DomainRule ChangeSummaryRequired = new(
        "spec-change-summary-required",
        "Enter a summary of what changed in this version, for example: Opening hours now include evenings.",
        nameof(VersionDraft.ChangeSummary));

    public static readonly DomainRule ChangeSummaryTooLong = new(
        "spec-change-summary-too-long",
        $"Enter a summary of what changed in {ServiceSpecification.ChangeSummaryMaxLength} characters or fewer.",
        nameof(VersionDraft.ChangeSummary));

    public static readonly DomainRule SectionsRequired = new(
        "spec-sections-required",
        "Add at least 1 section to the specification.",
        nameof(VersionDraft.Sections));

    // Subject: the section (its SectionId).
    public static readonly DomainRule SectionTitleRequired = new(
        "spec-section-title-required",
        "Enter a title for the section, for example: Who the service is for.",
        nameof(SectionDraft.Title));

    public static readonly DomainRule SectionTitleTooLong = new(
        "spec-section-title-too-long",
        $"Enter a section title of {SectionSnapshot.TitleMaxLength} characters or fewer.",
        nameof(SectionDraft.Title));

    public static readonly DomainRule SectionBodyRequired = new(
        "spec-section-body-required",
        "Enter the text of the section.",
        nameof(SectionDraft.Body));

    public static readonly DomainRule SectionBodyTooLong = new(
        "spec-section-body-too-long",
        $"Enter the section's text in {SectionSnapshot.BodyMaxLength} characters or fewer, or split it into two sections.",
        nameof(SectionDraft.Body));

    public static readonly DomainRule PlainSummaryTooLong = new(
        "spec-plain-summary-too-long",
        $"Enter a plain-language summary of {SectionSnapshot.PlainSummaryMaxLength} characters or fewer.",
        nameof(SectionDraft.PlainSummary));

    // Subject: the outcome (its OutcomeId).
    public static readonly DomainRule OutcomeStatementRequired = new(
        "outcome-statement-required",
        "Enter the outcome as an \"I\" statement, for example: I can get help before I reach crisis.",
        nameof(OutcomeDraft.Statement));

    public static readonly DomainRule OutcomeStatementTooLong = new(
        "outcome-statement-too-long",
        $"Enter an outcome of {OutcomeSnapshot.StatementMaxLength} characters or fewer.",
        nameof(OutcomeDraft.Statement));

    public static readonly DomainRule OutcomeStatementNotInFirstPerson = new(
        "outcome-statement-first-person",
        "Write the outcome in the words of the person it is for, starting with \"I\", for example: I can get help before I reach crisis.",
        nameof(OutcomeDraft.Statement));

    public static readonly DomainRule OutcomeDomainRequired = new(
        "outcome-domain-required",
        "Choose the area of life this outcome is about.",
        nameof(OutcomeDraft.Domain));

    public static readonly DomainRule OutcomeMeasureRequired = new(
        "outcome-measure-required",
        "Enter how you will know the outcome is being met, for example: what people say at their 3-month review.",
        nameof(OutcomeDraft.Measure));

    public static readonly DomainRule OutcomeMeasureTooLong = new(
        "outcome-measure-too-long",
        $"Enter how you will measure the outcome in {OutcomeSnapshot.MeasureMaxLength} characters or fewer.",
        nameof(OutcomeDraft.Measure));

    public static readonly DomainRule OutcomeLevelsRequired = new(
        "outcome-levels-required",
        "Describe every rating level, from poor to outstanding.",
        nameof(OutcomeDraft.Levels));

    public static readonly DomainRule OutcomeLevelTooLong = new(
        "outcome-level-too-long",
        $"Describe each rating level in {RatingLevels.DescriptionMaxLength} characters or fewer.",
        nameof(OutcomeDraft.Levels));

    // Linking a change to the comments it answers. Subject: the section or outcome, or the comment.
    public static readonly DomainRule AnswerNeedsChange = new(
        "spec-answer-needs-change",
        "Change this part before you link comments to it, or untick the comments: only a change can answer a comment.",
        nameof(SectionDraft.Answers));

    public static readonly DomainRule AnswerNoteTooLong = new(
        "spec-answer-note-too-long",
        $"Enter what to tell them in {AnsweredComment.NoteMaxLength} characters or fewer.",
        AnswerNotes);

    public static readonly DomainRule AnswerNotACommentOnThisPart = new(
        "spec-answer-not-a-comment",
        "Link only comments that were made on this part of the specification.",
        nameof(SectionDraft.Answers));

    // The comment window.
    public static readonly DomainRule ClosingDateRequired = new(
        "comments-closing-date-required",
        "Enter the last day people can comment.",
        nameof(CommentWindow.ClosesAt));

    public static readonly DomainRule ClosingDateInPast = new(
        "comments-closing-date-past",
        "Enter a closing date in the future.",
        nameof(CommentWindow.ClosesAt));

    public static readonly DomainRule ProvidersChoiceRequired = new(
        "comments-providers-choice-required",
        "Choose whether providers can comment on this version.",
        nameof(CommentWindow.ProvidersMayComment));

    public static readonly DomainRule CommentsAlreadyOpen = new(
        "comments-already-open",
        "Comments are already open. Close them before you open the latest version for comment.");

    public static readonly DomainRule CommentsNotOpen = new(
        "comments-not-open",
        "This version of the specification is not open for comments.");

    public static readonly DomainRule CommentsClosed = new(
        "comments-closed",
        "Comments on this version have closed, so new comments cannot be added. If you still want to say something, contact the co-production champion.");

    public static readonly DomainRule ProvidersNotInvited = new(
        "comments-providers-not-invited",
        "Providers were not invited to comment on this version of the specification.");

    public static readonly DomainRule CommentRole = new(
        "comments-role",
        "Only panel members, and providers when a commissioner invites them, can comment on the specification.");

    // Approval.
    public static readonly DomainRule ApproveWhileCommentsOpen = new(
        "spec-approve-comments-open",
        "Comments are still open. Close them, or wait until they close, before you approve the specification.");

    public static readonly DomainRule AlreadyApproved = new(
        "spec-already-approved",
        "This version is already approved. Change the specification and save a new version if it needs approving again.");

    public static readonly DomainRule ApproveLatestOnly = new(
        "spec-approve-latest-only",
        "Approve the latest version of the specification. To approve earlier text, save it again as a new version.");

    public static readonly DomainRule ApprovalModeRequired = new(
        "spec-approval-mode-required",
        "Choose how the specification was agreed.",
        nameof(ApprovalDetails.Mode));

    public static readonly DomainRule ApprovalRungRequired = new(
        "spec-approval-rung-required",
        "Choose how much say people with lived experience had.",
        nameof(ApprovalDetails.Rung));

    public static readonly DomainRule ApprovalNoteTooLong = new(
        "spec-approval-note-too-long",
        $"Enter anything else about the approval in {ServiceSpecification.ApprovalNoteMaxLength} characters or fewer.",
        nameof(ApprovalDetails.Note));

    // Signing off the specification stage (ServiceSpecification.SignOffConditions).
    public static readonly DomainRule NotWritten = new(
        "spec-not-written",
        "Write the specification and approve its final version.");

    public static readonly DomainRule NotApproved = new(
        "spec-not-approved",
        "Approve the final version of the specification.");

    public static readonly DomainRule ChangedSinceApproval = new(
        "spec-changed-since-approval",
        "The specification has changed since it was approved. Approve the latest version.");

    // The glossary.
    public static readonly DomainRule GlossaryRole = new(
        "glossary-role",
        "Only members who take part in the cycle can suggest glossary terms. Observers cannot.");

    public static readonly DomainRule TermRequired = new(
        "glossary-term-required",
        "Enter the word or phrase, for example: crisis plan.",
        nameof(GlossaryTerm.Term));

    public static readonly DomainRule TermTooLong = new(
        "glossary-term-too-long",
        $"Enter a term of {GlossaryTerm.TermMaxLength} characters or fewer.",
        nameof(GlossaryTerm.Term));

    public static readonly DomainRule TermDuplicate = new(
        "glossary-term-duplicate",
        "This term is already in the glossary. Change its meaning there instead.",
        nameof(GlossaryTerm.Term));

    public static readonly DomainRule MeaningRequired = new(
        "glossary-meaning-required",
        "Enter what the term means in plain words.",
        nameof(GlossaryTerm.Meaning));

    public static readonly DomainRule MeaningTooLong = new(
        "glossary-meaning-too-long",
        $"Enter a meaning of {GlossaryTerm.MeaningMaxLength} characters or fewer.",
        nameof(GlossaryTerm.Meaning));
}
