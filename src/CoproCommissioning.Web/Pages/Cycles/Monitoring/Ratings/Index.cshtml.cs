using CoproCommissioning.Domain.Monitoring;

namespace CoproCommissioning.Web.Pages.Cycles.Monitoring.Ratings;

/// <summary>
/// The panel's own ratings, period by period, newest first: a panel member sees the periods that have begun and their
/// own ratings for each; the commissioning team sees who has rated each period and how (the champion and commissioners
/// log ratings on a member's behalf from here). Providers and observers are told what the ratings are and where the
/// outcomes are shown. Ratings are read only through <see cref="RatingsPageModel.LoadReadableRatingsAsync"/>.
/// </summary>
[CyclePermission(CycleOperation.View)]
public sealed class IndexModel(CoproDbContext db, TimeProvider clock) : RatingsPageModel
{
    public CycleMonitoring? Monitoring { get; private set; }

    /// <summary>The periods that have begun, newest first, each with the ratings shown to the member.</summary>
    public IReadOnlyList<PeriodRatings> Periods { get; private set; } = [];

    public PeopleNames Names { get; private set; } = PeopleNames.None;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await LoadCycleAsync(db, ct) is null)
        {
            return NotFound();
        }

        if (!MayRate && !IsTeam)
        {
            return Page();
        }

        Monitoring = await LoadMonitoringAsync(db, forChange: false, ct);
        if (Monitoring is not { } monitoring)
        {
            return Page();
        }

        var today = TodayOf(clock.GetUtcNow());
        var readable = await LoadReadableRatingsAsync(db, monitoring, periodId: null, forChange: false, ct);
        // A panel member's page is about their own ratings: the panel's shared ones are shown with the outcomes.
        var shown = IsTeam ? readable : [.. readable.Where(r => r.MemberUserId == UserId)];
        Names = await PeopleNames.LoadAsync(db, shown.SelectMany(r => new[] { r.MemberUserId, r.RecordedByUserId }), UserId, ct);
        Periods = [.. monitoring.Periods
            .Where(p => p.HasStarted(today))
            .OrderByDescending(p => p.StartsOn)
            .Select(p => new PeriodRatings(p, [.. shown.Where(r => r.PeriodId == p.Id).OrderBy(r => Names.Of(r.MemberUserId), StringComparer.CurrentCulture)]))];
        return Page();
    }
}

/// <summary>One period's ratings as the member sees them.</summary>
public sealed record PeriodRatings(ReportingPeriod Period, IReadOnlyList<PanelRating> Ratings);
