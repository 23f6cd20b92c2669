namespace CoproCommissioning.Domain.Specification;

/// <summary>
/// A section as it reads in one version. Never changed once saved, so a comment on it (its <see cref="Id"/>)
/// always points at the text the person read. <see cref="SectionId"/> is the section across versions.
/// </summary>
public sealed class SectionSnapshot
{
    public const int TitleMaxLength = 200;
    public const int BodyMaxLength = 20000;
    public const int PlainSummaryMaxLength = 1000;

    private readonly List<AnsweredComment> _answers = [];

    private SectionSnapshot() { }

    internal SectionSnapshot(
        Guid sectionId, int versionNumber, int position, string title, string body, string plainSummary, int changedInVersion,
        IEnumerable<AnsweredComment> answers)
    {
        Id = Guid.CreateVersion7();
        SectionId = sectionId;
        VersionNumber = versionNumber;
        Position = position;
        Title = title;
        Body = body;
        PlainSummary = plainSummary;
        ChangedInVersion = changedInVersion;
        _answers.AddRange(answers.Select(a => new AnsweredComment(a.ContributionId, a.Type, a.Note)));
    }

    /// <summary>This section in this version: what comments are anchored to.</summary>
    public Guid Id { get; private set; }

    /// <summary>The same section in every version.</summary>
    public Guid SectionId { get; private set; }

    public int VersionNumber { get; private set; }

    /// <summary>1 for the first section, then 2, 3...</summary>
    public int Position { get; private set; }

    public string Title { get; private set; } = "";

    /// <summary>Markdown, as typed. Pages render it and remove anything unsafe.</summary>
    public string Body { get; private set; } = "";

    /// <summary>What the section means in plain words; shown first to panel members. Optional.</summary>
    public string PlainSummary { get; private set; } = "";

    /// <summary>The version in which this text last changed (this version when it is new or changed here).</summary>
    public int ChangedInVersion { get; private set; }

    public bool IsChangedInThisVersion => ChangedInVersion == VersionNumber;

    /// <summary>The comments this version's change answers; empty when the section did not change here.</summary>
    public IReadOnlyList<AnsweredComment> Answers => _answers;

    internal bool ReadsTheSameAs(string title, string body, string plainSummary) =>
        Title == title && Body == body && PlainSummary == plainSummary;
}
