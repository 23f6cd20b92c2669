namespace CoproCommissioning.Domain.Cycles;

/// <summary>
/// One of a cycle's five stages with its contributions, decisions and sign-off history.
/// Only <see cref="CommissioningCycle"/> changes it, so every change passes the cycle's rules.
/// </summary>
public sealed class Stage
{
    private readonly List<Contribution> _contributions = [];
    private readonly List<Decision> _decisions = [];
    private readonly List<StageEvent> _history = [];

    private Stage() { }

    internal Stage(StageKind kind)
    {
        Id = Guid.CreateVersion7();
        Kind = kind;
        Status = StageStatus.NotStarted;
    }

    public Guid Id { get; private set; }

    public StageKind Kind { get; private set; }

    public StageStatus Status { get; private set; }

    public DateTimeOffset? OpenedAt { get; private set; }

    public IReadOnlyList<Contribution> Contributions => _contributions;

    public IReadOnlyList<Decision> Decisions => _decisions;

    public IReadOnlyList<StageEvent> History => _history;

    public bool IsSignedOff => Status == StageStatus.SignedOff;

    /// <summary>Open or reopened: taking input and decisions, and what sign-off asks about.</summary>
    public bool IsInProgress => Status is StageStatus.Open or StageStatus.Reopened;

    public IEnumerable<Contribution> LivedExperienceContributions => _contributions.Where(c => c.IsLivedExperience);

    /// <summary>R1: lived-experience and carer contributions in this stage, however many people each speaks for.</summary>
    public int LivedExperienceContributionCount => LivedExperienceContributions.Count();

    /// <summary>
    /// R1: how many different people the lived-experience input comes from. People with an account count once
    /// however often they contribute; input logged on behalf of people without an account counts each voice it
    /// carries, because we cannot tell those people apart.
    /// </summary>
    public int DistinctLivedExperienceContributors
    {
        get
        {
            HashSet<string> knownPeople = new(StringComparer.Ordinal);
            int otherPeople = 0;
            foreach (var contribution in LivedExperienceContributions)
            {
                if (contribution.AuthorUserId is { } author)
                {
                    knownPeople.Add(author);
                    otherPeople += contribution.VoicesCarried - 1;
                }
                else
                {
                    otherPeople += contribution.VoicesCarried;
                }
            }

            return knownPeople.Count + otherPeople;
        }
    }

    /// <summary>R3: lived-experience input nobody has answered yet.</summary>
    public IReadOnlyList<Contribution> UnansweredLivedExperienceContributions =>
        [.. LivedExperienceContributions.Where(c => c.CurrentResponse is null)];

    internal void Open(DateTimeOffset now)
    {
        if (Status != StageStatus.NotStarted)
        {
            throw new InvalidOperationException($"The {Kind} stage has already started.");
        }

        Status = StageStatus.Open;
        OpenedAt = now;
    }

    internal void Add(Contribution contribution) => _contributions.Add(contribution);

    internal void Add(Decision decision) => _decisions.Add(decision);

    internal void SignOff(string byUserId, CycleRole byRole, string statement, DateTimeOffset now)
    {
        if (!IsInProgress)
        {
            throw new InvalidOperationException($"The {Kind} stage is {Status} and cannot be signed off.");
        }

        Status = StageStatus.SignedOff;
        _history.Add(new StageEvent(StageEventKind.SignOff, byUserId, byRole, statement, now));
    }

    internal void Reopen(string byUserId, CycleRole byRole, string reason, DateTimeOffset now)
    {
        if (Status != StageStatus.SignedOff)
        {
            throw new InvalidOperationException($"The {Kind} stage is {Status} and cannot be reopened.");
        }

        Status = StageStatus.Reopened;
        _history.Add(new StageEvent(StageEventKind.Reopen, byUserId, byRole, reason, now));
    }
}
