namespace CoproCommissioning.Domain.NeedsAssessment;

/// <summary>
/// Rules for the needs assessment's evidence, needs and inequalities. Codes are stable; messages say how to
/// fix the problem. A signed-off stage refuses changes with <see cref="CycleRules.StageSignedOff"/>.
/// </summary>
public static class NeedsAssessmentRules
{
    public static readonly DomainRule StaffOnly = new(
        "needs-assessment-role",
        "Only a commissioner or the co-production champion can add to or change the needs assessment.");

    // Evidence.
    public static readonly DomainRule EvidenceSourceRequired = new(
        "evidence-source-required",
        "Enter where the evidence comes from, for example Harbourside JSNA 2025.",
        nameof(EvidenceItem.Source));

    public static readonly DomainRule EvidenceSourceTooLong = new(
        "evidence-source-too-long",
        $"Enter a source of {EvidenceItem.SourceMaxLength} characters or fewer.",
        nameof(EvidenceItem.Source));

    public static readonly DomainRule EvidenceKindRequired = new(
        "evidence-kind-required",
        "Choose what kind of evidence this is.",
        nameof(EvidenceItem.Kind));

    public static readonly DomainRule EvidenceSummaryRequired = new(
        "evidence-summary-required",
        "Enter a summary of what the evidence shows.",
        nameof(EvidenceItem.Summary));

    public static readonly DomainRule EvidenceSummaryTooLong = new(
        "evidence-summary-too-long",
        $"Enter a summary of {EvidenceItem.SummaryMaxLength} characters or fewer.",
        nameof(EvidenceItem.Summary));

    public static readonly DomainRule EvidenceLinkInvalid = new(
        "evidence-link-invalid",
        "Enter a web address that starts with http:// or https://, like https://www.harbourside.gov.uk/jsna, or leave it empty.",
        nameof(EvidenceItem.Link));

    public static readonly DomainRule EvidenceLinkTooLong = new(
        "evidence-link-too-long",
        $"Enter a web address of {EvidenceItem.LinkMaxLength} characters or fewer.",
        nameof(EvidenceItem.Link));

    // Identified needs.
    public static readonly DomainRule NeedStatementRequired = new(
        "need-statement-required",
        "Enter the need, for example People leaving hospital wait too long for support at home.",
        nameof(IdentifiedNeed.Statement));

    public static readonly DomainRule NeedStatementTooLong = new(
        "need-statement-too-long",
        $"Enter the need in {IdentifiedNeed.StatementMaxLength} characters or fewer.",
        nameof(IdentifiedNeed.Statement));

    public static readonly DomainRule NeedPriorityRequired = new(
        "need-priority-required",
        "Choose how high a priority this need is.",
        nameof(IdentifiedNeed.Priority));

    // Inequalities.
    public static readonly DomainRule GroupRequired = new(
        "inequality-group-required",
        "Choose the group affected.",
        nameof(InequalityGroup.Group));

    public static readonly DomainRule GroupDescriptionRequired = new(
        "inequality-group-description-required",
        "Describe the group affected.",
        nameof(InequalityGroup.Description));

    public static readonly DomainRule GroupDescriptionTooLong = new(
        "inequality-group-description-too-long",
        $"Describe the group in {InequalityGroup.DescriptionMaxLength} characters or fewer.",
        nameof(InequalityGroup.Description));

    public static readonly DomainRule InequalityRequired = new(
        "inequality-required",
        "Enter what the inequality is, for example how the group's access, experience or outcomes differ.",
        nameof(InequalityGroup.Inequality));

    public static readonly DomainRule InequalityTooLong = new(
        "inequality-too-long",
        $"Enter the inequality in {InequalityGroup.InequalityMaxLength} characters or fewer.",
        nameof(InequalityGroup.Inequality));
}
