namespace CoproCommissioning.Domain.Monitoring;

/// <summary>
/// A lesson learned in a cycle's monitoring, citing the contributions, provider returns or panel ratings that taught it,
/// so the next cycle can see where it came from. Signing off monitoring asks for at least one
/// (<see cref="SignOffConditions"/>), and <see cref="NextCycle"/> carries them into the next cycle's needs assessment.
/// Its own small aggregate, keyed by the cycle; a commissioner or the champion can remove one, and saving then deletes it.
/// </summary>
public sealed class Lesson : IRemovable
{
    public const int TextMaxLength = 2000;

    private List<LessonCitation> _citations = [];

    private Lesson() { }

    private Lesson(Guid cycleId, string userId, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7();
        CycleId = cycleId;
        RecordedByUserId = userId;
        RecordedAt = now;
    }

    public Guid Id { get; private set; }

    public Guid CycleId { get; private set; }

    public string Text { get; private set; } = "";

    public IReadOnlyList<LessonCitation> Citations => _citations;

    public string RecordedByUserId { get; private set; } = "";

    public DateTimeOffset RecordedAt { get; private set; }

    public string LastChangedByUserId { get; private set; } = "";

    public DateTimeOffset LastChangedAt { get; private set; }

    /// <summary>Concurrency token, mapped to PostgreSQL xmin; the domain never sets it.</summary>
    public uint Version { get; private set; }

    public bool IsRemoved { get; private set; }

    /// <summary>What monitoring needs from its lessons before it is signed off: at least one, each of which cites its sources.</summary>
    public static IReadOnlyList<Refusal> SignOffConditions(int lessonCount) =>
        lessonCount > 0 ? [] : [new Refusal(LessonRules.LessonRequired)];

    /// <summary>
    /// A commissioner or the champion records a lesson while monitoring is open, citing at least one contribution of the
    /// cycle, or a submitted provider return or panel rating of its monitoring (<paramref name="sources"/>).
    /// </summary>
    public static DomainOutcome<Lesson> Record(
        CommissioningCycle cycle, string? text, IReadOnlyCollection<LessonCitation> citations, LessonSources sources,
        string userId, CycleRole role, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(cycle);
        var lesson = new Lesson(cycle.Id, userId, now);
        var saved = lesson.Save(cycle, text, citations, sources, userId, role, now);
        return saved.Succeeded ? DomainOutcome.Success(lesson) : DomainOutcome.Refused<Lesson>(saved.Refusals);
    }

    /// <summary>Changes the lesson's wording or what it cites, while monitoring is open.</summary>
    public DomainOutcome Revise(
        CommissioningCycle cycle, string? text, IReadOnlyCollection<LessonCitation> citations, LessonSources sources,
        string userId, CycleRole role, DateTimeOffset now) =>
        Save(cycle, text, citations, sources, userId, role, now);

    /// <summary>Removes the lesson, while monitoring is open; saving deletes it.</summary>
    public DomainOutcome Remove(CommissioningCycle cycle, CycleRole role, DateTimeOffset now)
    {
        var refusals = CheckActor(cycle, role, now);
        if (refusals.Count > 0)
        {
            return DomainOutcome.Refused(refusals);
        }

        IsRemoved = true;
        return cycle.RecordStageContentChange(StageKind.Monitoring, now);
    }

    private DomainOutcome Save(
        CommissioningCycle cycle, string? text, IReadOnlyCollection<LessonCitation> citations, LessonSources sources,
        string userId, CycleRole role, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(citations);
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        var refusals = CheckActor(cycle, role, now);
        TextInput.Check(refusals, text, TextMaxLength, LessonRules.TextRequired, LessonRules.TextTooLong);
        if (citations.Count == 0)
        {
            refusals.Add(new Refusal(LessonRules.CitationRequired));
        }
        else if (citations.Any(c => !IsKnown(cycle, sources, c)))
        {
            refusals.Add(new Refusal(LessonRules.CitationUnknown));
        }

        if (refusals.Count > 0)
        {
            return DomainOutcome.Refused(refusals);
        }

        Text = TextInput.Clean(text);
        _citations = [.. citations.Distinct()];
        LastChangedByUserId = userId;
        LastChangedAt = now;
        return cycle.RecordStageContentChange(StageKind.Monitoring, now);
    }

    private List<Refusal> CheckActor(CommissioningCycle cycle, CycleRole role, DateTimeOffset now)
    {
        StageContent.CheckCycle(cycle, CycleId);
        Guard.Defined(role);
        Guard.Utc(now);
        List<Refusal> refusals = [];
        if (!StageContent.MayManage(role))
        {
            refusals.Add(new Refusal(LessonRules.StaffOnly));
        }

        if (cycle.StageOf(StageKind.Monitoring).Status == StageStatus.NotStarted)
        {
            refusals.Add(new Refusal(CycleRules.StageNotOpen));
        }

        StageContent.CheckStageOpen(refusals, cycle, StageKind.Monitoring, now);
        return refusals;
    }

    private static bool IsKnown(CommissioningCycle cycle, LessonSources sources, LessonCitation citation) => citation.Kind switch
    {
        LessonSourceKind.Contribution => cycle.FindContribution(citation.SourceId) is not null,
        LessonSourceKind.ProviderReturn => sources.ProviderReturnIds.Contains(citation.SourceId),
        LessonSourceKind.PanelRating => sources.PanelRatingIds.Contains(citation.SourceId),
        _ => false,
    };
}
