namespace CoproCommissioning.Domain.Specification;

/// <summary>
/// Everything a new version will hold, as the commissioner left it: every section and outcome in order.
/// Parts are matched to the previous version by id; an id the specification has never had is a new part.
/// </summary>
public sealed record VersionDraft(string? ChangeSummary, IReadOnlyList<SectionDraft> Sections, IReadOnlyList<OutcomeDraft> Outcomes);

/// <summary>One section as it should read in the new version, and the comments its change answers.</summary>
public sealed record SectionDraft(Guid SectionId, string? Title, string? Body, string? PlainSummary, IReadOnlyList<AnsweredComment> Answers)
{
    public SectionDraft(Guid sectionId, string? title, string? body, string? plainSummary)
        : this(sectionId, title, body, plainSummary, []) { }
}

/// <summary>
/// One outcome as it should read in the new version, and the comments its change answers. <see cref="Domain"/> is null
/// when no area of life was chosen.
/// </summary>
public sealed record OutcomeDraft(
    Guid OutcomeId, string? Statement, OutcomeDomain? Domain, string? Measure, RatingLevels Levels, IReadOnlyList<AnsweredComment> Answers)
{
    public OutcomeDraft(Guid outcomeId, string? statement, OutcomeDomain? domain, string? measure, RatingLevels levels)
        : this(outcomeId, statement, domain, measure, levels, []) { }
}
