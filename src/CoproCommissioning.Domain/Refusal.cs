namespace CoproCommissioning.Domain;

/// <summary>
/// A rule that was not met. <see cref="SubjectId"/> names the thing that needs fixing when the rule is about
/// one thing (a decision, a contribution, a stage), so a page can link to it; docs/domain.md lists which.
/// <see cref="Field"/> is the input to fix: the rule's own, unless the refusal names one input among several of the
/// same kind (the note for one cited contribution: <c>Notes[id]</c>).
/// </summary>
public sealed record Refusal(DomainRule Rule, Guid? SubjectId = null, string? Field = null)
{
    public string? Field { get; init; } = Field ?? Rule.Field;

    /// <summary>A refusal about one of several inputs of the same kind, keyed by the thing it is about.</summary>
    public static Refusal ForItem(DomainRule rule, Guid subjectId) =>
        new(rule, subjectId, rule.Field is { } field ? $"{field}[{subjectId}]" : null);
}
