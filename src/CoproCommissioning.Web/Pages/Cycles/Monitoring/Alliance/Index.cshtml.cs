using CoproCommissioning.Domain.Monitoring;

namespace CoproCommissioning.Web.Pages.Cycles.Monitoring.Alliance;

/// <summary>
/// The alliance leadership team: its members, its decisions and where each stands, the joint risk register with overdue
/// reviews flagged, disputes, and the health check of each period. A commissioner sets the team up here.
/// </summary>
[CyclePermission(CycleOperation.View)]
public sealed class IndexModel(CoproDbContext db, TimeProvider clock, ILogger<IndexModel> logger) : AlliancePageModel(db, clock)
{
    /// <summary>The periods the health check shows: every period that has begun, latest first.</summary>
    public IReadOnlyList<(ReportingPeriod Period, AllianceHealthResult Result)> Health { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await LoadAsync(forChange: false, ct) is { } answer)
        {
            return answer;
        }

        Show();
        return Page();
    }

    [CyclePermission(CycleOperation.ManageMembers)]
    public async Task<IActionResult> OnPostStartAsync(CancellationToken ct)
    {
        if (await LoadAsync(forChange: true, ct) is { } answer)
        {
            return answer;
        }

        if (Procurement is null)
        {
            Show();
            return Page();
        }

        if (Team is not null)
        {
            // Set up already, perhaps by another commissioner a moment ago: the team is there to carry on with.
            return Redirect(AllianceUrl);
        }

        var now = Clock.GetUtcNow();
        var started = AllianceLeadershipTeam.Start(Cycle, Procurement, UserId, Role, now);
        ModelState.AddErrors(started, "");
        if (started.Succeeded)
        {
            Db.AllianceTeams.Add(started.Value);
            var saved = await SaveIntoStageAsync(Db, Cycle, now, ct);
            if (saved.Succeeded)
            {
                logger.LogInformation("Alliance leadership team {TeamId} set up in cycle {CycleId}", started.Value.Id, CycleId);
                TempData.SetSuccess("The alliance leadership team is set up. Add the commissioner and each provider in the alliance, each with the person who speaks for them.");
                return Redirect(AllianceUrl);
            }

            ModelState.AddErrors(saved, "");
        }

        Show();
        return Page();
    }

    private void Show()
    {
        if (Team is null || Monitoring is null)
        {
            return;
        }

        Health = [.. Monitoring.Periods.Where(p => p.HasStarted(Today)).OrderByDescending(p => p.StartsOn).Select(p => (p, Team.HealthResult(p.Id)))];
    }
}
