using CoproCommissioning.Web.Pages.Cycles.Stages;

namespace CoproCommissioning.Web.Pages.Cycles;

/// <summary>A cycle at a glance: its five stages as a task list, its members, and the history of sign-offs and reopenings.</summary>
[CyclePermission(CycleOperation.View)]
public sealed class DetailsModel(CoproDbContext db, TimeProvider clock) : PageModel
{
    public const int MembersShown = 10;

    public Guid CycleId { get; private set; }

    public CycleFacts Facts { get; private set; } = null!;

    public IReadOnlyList<StageTask> Stages { get; private set; } = [];

    /// <summary>The roles whose members a large cycle's overview names: those who lead the cycle.</summary>
    public static readonly IReadOnlyList<CycleRole> NamedWhenLarge = [CycleRole.Commissioner, CycleRole.CoProductionChampion];

    /// <summary>The members named: everyone in a cycle of up to <see cref="MembersShown"/>, otherwise those in <see cref="NamedWhenLarge"/>.</summary>
    public IReadOnlyList<CycleMemberRow> Members { get; private set; } = [];

    /// <summary>In a large cycle, how many members each other role has.</summary>
    public IReadOnlyList<RoleCount> CountedRoles { get; private set; } = [];

    public int MemberCount { get; private set; }

    public PageOf<StageEventRow> History { get; private set; } = null!;

    public CycleRole MyRole { get; private set; }

    public bool CanManageMembers { get; private set; }

    public bool CanManageCycle { get; private set; }

    /// <summary>Whether the viewer is shown how far each stage is from sign-off: the commissioning team's task list only.</summary>
    public bool CanFollowSignOff { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid cycleId, int historyPage = 1, CancellationToken ct = default)
    {
        // The cycle and its stages' statuses; counts, history and the sign-off facts are worked out by PostgreSQL, so the
        // page costs the same for a stage with ten contributions as for one with ten thousand.
        var cycle = await db.CycleWithStageStatusesAsync(cycleId, ct);
        if (cycle is null)
        {
            return NotFound();
        }

        CycleId = cycleId;
        var me = HttpContext.CycleMember();
        MyRole = me.Role;
        CanManageMembers = CyclePermissions.Allows(me.Role, CycleOperation.ManageMembers);
        CanManageCycle = CyclePermissions.Allows(me.Role, CycleOperation.ManageCycle);
        CanFollowSignOff = CyclePermissions.Allows(me.Role, CycleOperation.FollowSignOff);

        // Everyone by name in a small cycle; in a large one the people who lead it by name and the rest counted by role,
        // so that the overview reads a few rows however many hundreds of people are on the panel.
        var roles = await RoleCount.LoadAsync(db, cycleId, ct);
        MemberCount = roles.Sum(r => r.Count);
        var named = MemberCount <= MembersShown ? null : NamedWhenLarge;
        Members = await CycleMemberRow.LoadAsync(db, cycleId, User.UserId(), ct, named);
        CountedRoles = named is null ? [] : [.. roles.Where(r => !named.Contains(r.Role))];

        var stages = db.Cycles.AsNoTracking().Where(c => c.Id == cycleId).SelectMany(c => c.Stages);
        var events = await stages
            .SelectMany(s => s.History, (s, e) => new { Stage = s.Kind, Event = e })
            .OrderByDescending(e => e.Event.At)
            .ToPageAsync(historyPage, ct);
        var counts = await db.StageCountsAsync(cycleId, ct);
        var names = await PeopleNames.LoadAsync(db, events.Items.Select(e => e.Event.ByUserId).Append(cycle.ChampionUserId), User.UserId(), ct);
        History = events.With<StageEventRow>([.. events.Items.Select(e => StageEventRow.From(e.Event, names, e.Stage))]);

        Facts = new CycleFacts(
            cycle.Title,
            cycle.ServiceArea,
            cycle.PopulationServed,
            cycle.CommissioningOrganisation,
            cycle.Budget,
            cycle.StartDate,
            cycle.ChampionUserId is null ? null : names.Of(cycle.ChampionUserId),
            cycle.SignOffPolicy.MinimumLivedExperienceContributions,
            cycle.SignOffPolicy.MinimumDistinctContributors);
        IReadOnlyDictionary<Guid, int> blockers = new Dictionary<Guid, int>();
        if (CanFollowSignOff)
        {
            var conditions = await StageConditions.LoadAsync(db, cycleId, clock, ct);

            // Whoever may sign off sees the rules that would refuse them (R1: not alone).
            var signer = CyclePermissions.Allows(me.Role, CycleOperation.SignOff) ? User.UserId() : null;
            var facts = await db.SignOffFactsAsync([.. cycle.Stages.Where(s => s.IsInProgress)], signer, ct, unansweredListed: 0);
            blockers = facts.ToDictionary(f => f.Key, f => cycle.SignOffBlockers(f.Value.Stage, f.Value, conditions.For(f.Value.Stage)).Count);
        }

        Stages = [.. cycle.Stages.OrderBy(s => s.Kind).Select(s => new StageTask(
            s.Kind,
            s.Status,
            CanFollowSignOff ? blockers.GetValueOrDefault(s.Id) : null,
            counts[s.Kind].Contributions,
            counts[s.Kind].Decisions))];
        return Page();
    }

    public string HistoryPageUrl(int historyPage) => Url.Page("/Cycles/Details", new { cycleId = CycleId, historyPage })!;

    public sealed record CycleFacts(
        string Title,
        string ServiceArea,
        string PopulationServed,
        string CommissioningOrganisation,
        decimal? Budget,
        DateOnly StartDate,
        string? Champion,
        int MinimumContributions,
        int MinimumContributors);

    /// <summary>
    /// One line of the task list: the stage, where it stands, and how much is left before sign-off (null for people who
    /// are not shown that: they see what the stage holds).
    /// </summary>
    public sealed record StageTask(StageKind Kind, StageStatus Status, int? BlockerCount, int ContributionCount, int DecisionCount)
    {
        public bool IsInProgress => Status is StageStatus.Open or StageStatus.Reopened;

        public string StatusText => Status switch
        {
            StageStatus.NotStarted => "Not started",
            StageStatus.SignedOff => "Signed off",
            StageStatus.Reopened => "Reopened",
            _ => BlockerCount == 0 ? "Ready to sign off" : "In progress",
        };

        public string TagClass => Status switch
        {
            StageStatus.NotStarted => "nhsuk-tag--grey",
            StageStatus.SignedOff => "nhsuk-tag--no-colour nhsuk-tag--no-border nhsuk-u-font-weight-normal",
            StageStatus.Reopened => "nhsuk-tag--orange",
            _ => BlockerCount == 0 ? "nhsuk-tag--green" : "nhsuk-tag--blue",
        };

        public string Hint => IsInProgress && BlockerCount is not null
            ? BlockerCount == 0
                ? "Everything needed for sign-off is in place"
                : $"{Labels.Count(BlockerCount.Value, "thing")} to do before sign-off"
            : $"{Labels.Count(ContributionCount, "contribution")}, {Labels.Count(DecisionCount, "decision")}";
    }
}
