namespace CoproCommissioning.Domain.Specification;

/// <summary>One saved version of the draft (v1, v2...): every section and outcome as they read then, and what changed.</summary>
public sealed class SpecificationVersion
{
    private readonly List<SectionSnapshot> _sections = [];
    private readonly List<OutcomeSnapshot> _outcomes = [];

    private SpecificationVersion() { }

    internal SpecificationVersion(
        int number, string changeSummary, string savedByUserId, DateTimeOffset savedAt,
        IEnumerable<SectionSnapshot> sections, IEnumerable<OutcomeSnapshot> outcomes)
    {
        Id = Guid.CreateVersion7();
        Number = number;
        ChangeSummary = changeSummary;
        SavedByUserId = savedByUserId;
        SavedAt = savedAt;
        _sections.AddRange(sections);
        _outcomes.AddRange(outcomes);
    }

    public Guid Id { get; private set; }

    /// <summary>1, 2, 3...: people see it as "v2".</summary>
    public int Number { get; private set; }

    public string ChangeSummary { get; private set; } = "";

    public string SavedByUserId { get; private set; } = "";

    public DateTimeOffset SavedAt { get; private set; }

    /// <summary>In reading order, whatever order rows load in.</summary>
    public IReadOnlyList<SectionSnapshot> Sections => [.. _sections.OrderBy(s => s.Position)];

    public IReadOnlyList<OutcomeSnapshot> Outcomes => [.. _outcomes.OrderBy(o => o.Position)];

    public SectionSnapshot? SectionFor(Guid sectionId) => _sections.SingleOrDefault(s => s.SectionId == sectionId);

    public OutcomeSnapshot? OutcomeFor(Guid outcomeId) => _outcomes.SingleOrDefault(o => o.OutcomeId == outcomeId);

    /// <summary>This version's content as a draft to edit: what the edit pages start from.</summary>
    public VersionDraft ToDraft() => new(
        "",
        [.. Sections.Select(s => new SectionDraft(s.SectionId, s.Title, s.Body, s.PlainSummary))],
        [.. Outcomes.Select(o => new OutcomeDraft(o.OutcomeId, o.Statement, o.Domain, o.Measure, o.Levels))]);
}
