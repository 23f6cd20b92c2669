namespace CoproCommissioning.Domain.Procurement;

/// <summary>
/// What a commissioner types for one criterion. <see cref="SectionIds"/> are the specification's sections it tests and
/// <see cref="ShapedBy"/> the contributions that shaped it: the golden thread from what people said to how bids are judged.
/// </summary>
public sealed record CriterionDraft(
    string? Name,
    string? Description,
    CriterionKind? Kind,
    int? Weight,
    KeyCriterion? KeyCriterion = null,
    bool IsCoProduction = false,
    IReadOnlyList<Guid>? SectionIds = null,
    IReadOnlyList<Guid>? ShapedBy = null);

/// <summary>What a criterion may cite: the specification's sections and the cycle's contributions, as the page read them.</summary>
public sealed record CriterionCitations(IReadOnlySet<Guid> Sections, IReadOnlySet<Guid> Contributions)
{
    public static CriterionCitations None { get; } = new(new HashSet<Guid>(), new HashSet<Guid>());
}
