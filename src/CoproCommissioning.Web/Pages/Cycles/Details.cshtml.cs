using CoproCommissioning.Web.Pages.Cycles.Stages;

namespace CoproCommissioning.Web.Pages.Cycles;

/// <summary>A cycle at a glance: its five stages as a task list, its members, and the history of sign-offs and reopenings.</summary>
[CyclePermission(CycleOperation.View)]
public sealed class DetailsModel(CoproDbContext db) : PageModel
{
    public const int MembersShown = 10;

    public Guid CycleId { get; private set; }

    public CycleFacts Facts { get; private set; } = null!;

    public IReadOnlyList<StageTask> Stages { get; private set; } = [];

    public IReadOnlyList<CycleMemberRow> Members { get; private set; } = [];

    public int MemberCount { get; private set; }

    public PageOf<StageEventRow> History { get; private set; } = null!;

    public CycleRole MyRole { get; private set; }

    public bool CanManageMembers { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid cycleId, int historyPage = 1, CancellationToken ct = default)
    {
        var cycle = await db.Cycles.IncludeStages().AsNoTracking().SingleOrDefaultAsync(c => c.Id == cycleId, ct);
        if (cycle is null)
        {
            return NotFound();
        }

        CycleId = cycleId;
        var me = HttpContext.CycleMember();
        MyRole = me.Role;
        CanManageMembers = CyclePermissions.Allows(me.Role, CycleOperation.ManageMembers);

        var members = await CycleMemberRow.LoadAsync(db, cycleId, User.UserId(), ct);
        MemberCount = members.Count;
        Members = [.. members.Take(MembersShown)];

        var events = cycle.Stages.SelectMany(s => s.History.Select(e => (Stage: s.Kind, Event: e))).ToList();
        var names = await PeopleNames.LoadAsync(db, events.Select(e => e.Event.ByUserId).Append(cycle.ChampionUserId), User.UserId(), ct);
        History = events
            .OrderByDescending(e => e.Event.At)
            .Select(e => StageEventRow.From(e.Event, names, e.Stage))
            .ToPage(historyPage);

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
        var conditions = await StageConditions.LoadAsync(db, cycleId, ct);

        // Whoever may sign off sees the rules that would refuse them (R1: not alone).
        var signer = CyclePermissions.Allows(me.Role, CycleOperation.SignOff) ? User.UserId() : null;
        Stages = [.. cycle.Stages.OrderBy(s => s.Kind).Select(s => new StageTask(
            s.Kind,
            s.Status,
            s.Status is StageStatus.Open or StageStatus.Reopened ? cycle.SignOffBlockers(s.Kind, conditions.For(s.Kind), signer).Count : 0,
            s.Contributions.Count,
            s.Decisions.Count))];
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

    /// <summary>One line of the task list: the stage, where it stands, and how much is left before sign-off.</summary>
    public sealed record StageTask(StageKind Kind, StageStatus Status, int BlockerCount, int ContributionCount, int DecisionCount)
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

        public string Hint => IsInProgress
            ? BlockerCount == 0
                ? "Everything needed for sign-off is in place"
                : $"{Labels.Count(BlockerCount, "thing")} to do before sign-off"
            : $"{Labels.Count(ContributionCount, "contribution")}, {Labels.Count(DecisionCount, "decision")}";
    }
}
