namespace CoproCommissioning.Domain.Procurement;

/// <summary>One thing bids are judged on, with its weight (scored) or as a threshold (pass/fail).</summary>
public sealed class EvaluationCriterion
{
    public const int NameMaxLength = 150;
    public const int DescriptionMaxLength = 2000;

    private List<Guid> _sectionIds = [];
    private List<Guid> _shapedBy = [];

    private EvaluationCriterion() { }

    internal EvaluationCriterion(int position, CriterionDraft draft)
    {
        Id = Guid.CreateVersion7();
        Position = position;
        Apply(draft);
    }

    public Guid Id { get; private set; }

    /// <summary>Where it is listed: criteria keep the order they were added in.</summary>
    public int Position { get; private set; }

    public string Name { get; private set; } = "";

    /// <summary>What evaluators look for, in the words providers read.</summary>
    public string Description { get; private set; } = "";

    public CriterionKind Kind { get; private set; }

    /// <summary>Per cent of the total score; 0 for a pass/fail criterion.</summary>
    public int Weight { get; private set; }

    public KeyCriterion? KeyCriterion { get; private set; }

    /// <summary>How the provider will keep co-producing the service: every competitive procurement scores it.</summary>
    public bool IsCoProduction { get; private set; }

    /// <summary>The specification's sections it tests (their stable section ids).</summary>
    public IReadOnlyList<Guid> SectionIds => _sectionIds;

    /// <summary>The contributions that shaped it.</summary>
    public IReadOnlyList<Guid> ShapedBy => _shapedBy;

    internal void Apply(CriterionDraft draft)
    {
        Name = TextInput.Clean(draft.Name);
        Description = TextInput.Clean(draft.Description);
        Kind = draft.Kind!.Value;
        Weight = Kind == CriterionKind.Scored ? draft.Weight!.Value : 0;
        KeyCriterion = draft.KeyCriterion;
        IsCoProduction = draft.IsCoProduction;
        _sectionIds = [.. (draft.SectionIds ?? []).Distinct()];
        _shapedBy = [.. (draft.ShapedBy ?? []).Distinct()];
    }
}
