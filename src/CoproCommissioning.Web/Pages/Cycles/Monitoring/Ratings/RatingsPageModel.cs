using CoproCommissioning.Domain.Monitoring;

namespace CoproCommissioning.Web.Pages.Cycles.Monitoring.Ratings;

/// <summary>
/// A page about the panel's own ratings of the outcomes. Every rating a page shows or changes is read through
/// <see cref="LoadReadableRatingsAsync"/>, which asks the database only for the ratings the member may read
/// (<see cref="PanelRating.VisibleTo"/>): the commissioning team all of them, anyone else those shared with everyone and
/// their own, so a rating shared with the team only never reaches anyone else's page (R7).
/// </summary>
public abstract class RatingsPageModel : MonitoringPageModel
{
    /// <summary>Panel members rate the outcomes from their side.</summary>
    public bool MayRate => CyclePermissions.Allows(Role, CycleOperation.GiveLivedExperienceInput);

    /// <summary>The champion and commissioners log ratings gathered at a forum or by phone.</summary>
    public bool MayLogOnBehalf => CyclePermissions.Allows(Role, CycleOperation.LogOnBehalf);

    /// <summary>The commissioning team sees who has rated each period, whoever they shared their ratings with.</summary>
    public bool IsTeam => CyclePermissions.Allows(Role, CycleOperation.ReadTeamOnlyInput);

    protected async Task<IReadOnlyList<PanelRating>> LoadReadableRatingsAsync(
        CoproDbContext db, CycleMonitoring monitoring, Guid? periodId, bool forChange, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(monitoring);
        var query = db.PanelRatings.Where(r => r.MonitoringId == monitoring.Id).Where(PanelRating.VisibleTo(UserId, Role));
        if (periodId is { } period)
        {
            query = query.Where(r => r.PeriodId == period);
        }

        return await (forChange ? query : query.AsNoTracking()).OrderBy(r => r.CreatedAt).ToListAsync(ct);
    }

    /// <summary>
    /// Whether <paramref name="memberUserId"/> has ratings for the period, whoever may read them: a second set is refused,
    /// and asking must not depend on what the person asking may read.
    /// </summary>
    protected static Task<bool> MemberHasRatingAsync(CoproDbContext db, CycleMonitoring monitoring, Guid periodId, string memberUserId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(monitoring);
        return db.PanelRatings.AnyAsync(r => r.MonitoringId == monitoring.Id && r.PeriodId == periodId && r.MemberUserId == memberUserId, ct);
    }

    /// <summary>Today as the domain counts it, for whether a period has begun.</summary>
    protected static DateOnly TodayOf(DateTimeOffset now) => DateOnly.FromDateTime(now.UtcDateTime);
}

/// <summary>The ratings pages' addresses beside the entry page (<see cref="MonitoringUrls.Ratings"/>).</summary>
public static class RatingsUrls
{
    /// <summary>A panel member gives or changes their own ratings for a period.</summary>
    public static string Rate(Guid cycleId, Guid periodId) => $"{MonitoringUrls.Ratings(cycleId)}/{periodId}";

    /// <summary>The champion or a commissioner logs a panel member's ratings for a period.</summary>
    public static string OnBehalf(Guid cycleId, Guid periodId) => $"{Rate(cycleId, periodId)}/on-behalf";

    /// <summary>The champion or a commissioner changes ratings logged on a panel member's behalf.</summary>
    public static string ChangeOnBehalf(Guid cycleId, Guid periodId, Guid ratingId) => $"{OnBehalf(cycleId, periodId)}/{ratingId}";
}
