namespace CoproCommissioning.Domain;

/// <summary>
/// A rule that was not met. <see cref="SubjectId"/> names the thing that needs fixing when the rule is about
/// one thing (a decision, a contribution, a stage), so a page can link to it; docs/domain.md lists which.
/// </summary>
public sealed record Refusal(DomainRule Rule, Guid? SubjectId = null);
