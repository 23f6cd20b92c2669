using CoproCommissioning.Domain.Monitoring;

namespace CoproCommissioning.Web.Pages.Cycles.Monitoring.Outcomes;

/// <summary>
/// What panel members said it's like, as one member may read it (<see cref="PanelRating.VisibleTo"/>): the outcomes
/// page shows the first few of a period beside each outcome's chart, and <see cref="SaidModel"/> all of them, a period and
/// a page at a time. A busy panel says hundreds of things a year, so neither reads more than it shows.
/// </summary>
public static class PanelSaid
{
    /// <summary>How many things said about an outcome the outcomes and review pages show beside its chart.</summary>
    public const int Shown = 5;

    /// <summary>How many a page of <see cref="SaidModel"/> shows.</summary>
    public const int PageSize = 20;

    /// <summary>
    /// Every rating with words of the contract's <paramref name="periodIds"/> that <paramref name="viewer"/> may read;
    /// <see cref="InOrder"/> lists them.
    /// </summary>
    public static IQueryable<SaidRow> Readable(CoproDbContext db, Guid monitoringId, IReadOnlyCollection<Guid> periodIds, Viewer viewer)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(periodIds);
        ArgumentNullException.ThrowIfNull(viewer);
        var ids = periodIds.ToArray();
        return db.PanelRatings.AsNoTracking()
            .Where(r => r.MonitoringId == monitoringId && ids.Contains(r.PeriodId))
            .Where(PanelRating.VisibleTo(viewer.UserId, viewer.Role))
            .SelectMany(r => r.Ratings.Where(o => o.WhatItsLike != ""), (r, o) => new SaidRow
            {
                RatingId = r.Id,
                PeriodId = r.PeriodId,
                OutcomeId = o.OutcomeId,
                Text = o.WhatItsLike,
                IsTeamOnly = r.Visibility == ContributionVisibility.CommissioningTeam,
                MemberUserId = r.MemberUserId,
                CreatedAt = r.CreatedAt,
            });
    }

    /// <summary>In the order the ratings were given, so a page of them stays put while more come in.</summary>
    public static IQueryable<SaidRow> InOrder(this IQueryable<SaidRow> said) => said.OrderBy(w => w.CreatedAt).ThenBy(w => w.RatingId);

    /// <summary>
    /// The first <see cref="Shown"/> things said about each outcome in the period chosen for it, in one statement however
    /// many outcomes there are.
    /// </summary>
    public static async Task<IReadOnlyList<PanelWords>> FirstAsync(
        CoproDbContext db, Guid monitoringId, IReadOnlyCollection<(Guid OutcomeId, Guid PeriodId)> chosen, Viewer viewer, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(chosen);
        ArgumentNullException.ThrowIfNull(viewer);
        if (chosen.Count == 0)
        {
            return [];
        }

        IQueryable<SaidRow>? all = null;
        foreach (var (outcomeId, periodId) in chosen)
        {
            var first = Readable(db, monitoringId, [periodId], viewer).Where(w => w.OutcomeId == outcomeId).InOrder().Take(Shown);
            all = all is null ? first : all.Concat(first);
        }

        var rows = await all!.ToListAsync(ct);
        return [.. rows.OrderBy(w => w.CreatedAt).ThenBy(w => w.RatingId).Select(w => w.ToWords(viewer))];
    }

    /// <summary>Where all that panel members said about an outcome in a period is read, a page at a time.</summary>
    public static string Url(Guid cycleId, Guid outcomeId, int periodNumber, int pageNumber = 1) =>
        $"{MonitoringUrls.Outcomes(cycleId)}/{outcomeId}/periods/{periodNumber}{(pageNumber > 1 ? $"?pageNumber={pageNumber}" : "")}";
}

/// <summary>
/// One panel member's words about one outcome in one period, with what decides who reads them and where they sit. Set by
/// name, so a query can go on filtering and ordering by its properties.
/// </summary>
public sealed record SaidRow
{
    public required Guid RatingId { get; init; }

    public required Guid PeriodId { get; init; }

    public required Guid OutcomeId { get; init; }

    public required string Text { get; init; }

    public required bool IsTeamOnly { get; init; }

    public required string MemberUserId { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public PanelWords ToWords(Viewer viewer)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        return new PanelWords(PeriodId, OutcomeId, Text, IsTeamOnly, MemberUserId == viewer.UserId);
    }
}
