namespace CoproCommissioning.Domain.Specification;

/// <summary>
/// An outcome of the framework as it reads in one version: an "I" statement, its domain, how it is measured,
/// and what each rating level means. Never changed once saved, so comments on it cannot drift.
/// </summary>
public sealed class OutcomeSnapshot
{
    public const int StatementMaxLength = 300;
    public const int MeasureMaxLength = 1000;

    private readonly List<AnsweredComment> _answers = [];

    private OutcomeSnapshot() { }

    internal OutcomeSnapshot(
        Guid outcomeId, int versionNumber, int position, string statement, OutcomeDomain domain, string measure, RatingLevels levels,
        int changedInVersion, IEnumerable<AnsweredComment> answers)
    {
        Id = Guid.CreateVersion7();
        OutcomeId = outcomeId;
        VersionNumber = versionNumber;
        Position = position;
        Statement = statement;
        Domain = domain;
        Measure = measure;
        Levels = levels;
        ChangedInVersion = changedInVersion;
        _answers.AddRange(answers.Select(a => new AnsweredComment(a.ContributionId, a.Type, a.Note)));
    }

    /// <summary>This outcome in this version: what comments are anchored to.</summary>
    public Guid Id { get; private set; }

    /// <summary>The same outcome in every version, and in monitoring.</summary>
    public Guid OutcomeId { get; private set; }

    public int VersionNumber { get; private set; }

    public int Position { get; private set; }

    /// <summary>In the words of the people it is for: "I can get help before I reach crisis".</summary>
    public string Statement { get; private set; } = "";

    public OutcomeDomain Domain { get; private set; }

    /// <summary>How we will know, for example a validated scale or what people say in a review.</summary>
    public string Measure { get; private set; } = "";

    public RatingLevels Levels { get; private set; } = RatingLevels.Empty;

    public int ChangedInVersion { get; private set; }

    public bool IsChangedInThisVersion => ChangedInVersion == VersionNumber;

    public IReadOnlyList<AnsweredComment> Answers => _answers;

    internal bool ReadsTheSameAs(string statement, OutcomeDomain domain, string measure, RatingLevels levels) =>
        Statement == statement && Domain == domain && Measure == measure && Levels == levels;
}
