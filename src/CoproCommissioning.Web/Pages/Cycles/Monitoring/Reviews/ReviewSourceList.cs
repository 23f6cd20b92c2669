using CoproCommissioning.Domain.Monitoring;
using CoproCommissioning.Web.Pages.Cycles.Monitoring.Lessons;
using CoproCommissioning.Web.Pages.Cycles.Monitoring.Outcomes;

namespace CoproCommissioning.Web.Pages.Cycles.Monitoring.Reviews;

/// <summary>
/// What a review's decision may cite, as one member may see it: the submitted provider returns
/// (<see cref="ProviderReturn.MayBeReadBy"/>) and the panel's ratings (<see cref="PanelRating.VisibleTo"/>) of the
/// periods the review looked at, each described, with when each last changed. The review page reads both through here,
/// for the form's choices and to show what a decided review cited and what changed after it.
/// </summary>
public sealed class ReviewSourceList
{
    private ReviewSourceList(IReadOnlyList<ReviewSourceChoice> returns, IReadOnlyList<ReviewSourceChoice> ratings)
    {
        Returns = returns;
        Ratings = ratings;
    }

    public IReadOnlyList<ReviewSourceChoice> Returns { get; }

    public IReadOnlyList<ReviewSourceChoice> Ratings { get; }

    /// <summary>The returns and ratings offered, for the domain to check a decision's citations against.</summary>
    public ReviewSources Sources => new(Returns.ToDictionary(r => r.Id, r => r.Revision!.Value), [.. Ratings.Select(r => r.Id)]);

    public ReviewSourceChoice? Find(ReviewCitation citation) =>
        (citation.Kind == ReviewSourceKind.ProviderReturn ? Returns : Ratings).FirstOrDefault(s => s.Id == citation.SourceId);

    public static async Task<ReviewSourceList> LoadAsync(
        CoproDbContext db, Guid cycleId, CycleMonitoring monitoring, Review review, Viewer viewer, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(monitoring);
        ArgumentNullException.ThrowIfNull(review);
        ArgumentNullException.ThrowIfNull(viewer);
        var periodIds = review.PeriodIds.ToArray();
        // A return is read whole to ask its own rule who may read it; a review looks at a few a period.
        var returns = (await db.ProviderReturns.AsNoTracking()
                .Where(r => r.MonitoringId == monitoring.Id && periodIds.Contains(r.PeriodId)).ToListAsync(ct))
            .Where(r => r.IsSubmitted && r.MayBeReadBy(monitoring, viewer.Role, viewer.OrganisationId))
            .ToList();
        var ratings = await db.PanelRatings.AsNoTracking()
            .Where(r => r.MonitoringId == monitoring.Id && periodIds.Contains(r.PeriodId))
            .Where(PanelRating.VisibleTo(viewer.UserId, viewer.Role))
            .Select(r => new { r.Id, r.PeriodId, r.MemberUserId, r.RecordedByUserId, r.LastChangedAt })
            .ToListAsync(ct);
        var organisationIds = returns.Select(r => r.OrganisationId).Distinct().ToList();
        var organisations = await db.Organisations.AsNoTracking().Where(o => organisationIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        var names = await PeopleNames.LoadAsync(db, ratings.Select(r => r.MemberUserId), viewer.UserId, ct);
        var periods = monitoring.Periods.ToDictionary(p => p.Id);
        return new ReviewSourceList(
            [.. returns.OrderBy(r => periods.GetValueOrDefault(r.PeriodId)?.Number).ThenBy(r => organisations.GetValueOrDefault(r.OrganisationId), StringComparer.CurrentCulture)
                .Select(r => new ReviewSourceChoice(ReviewSourceKind.ProviderReturn, r.Id,
                    $"{organisations.GetValueOrDefault(r.OrganisationId, "A provider")}: return for {LessonSourceList.PeriodWords(periods.GetValueOrDefault(r.PeriodId))}",
                    r.Submitted!.Number == 1 ? $"Submitted {UkTime.Date(r.Submitted.SubmittedAt!.Value)}"
                        : $"Revision {r.Submitted.Number}, submitted {UkTime.Date(r.Submitted.SubmittedAt!.Value)}",
                    $"{MonitoringUrls.Returns(cycleId)}/{r.Id}", r.Submitted.Number, r.Submitted.SubmittedAt!.Value))],
            [.. ratings.OrderBy(r => periods.GetValueOrDefault(r.PeriodId)?.Number).ThenBy(r => names.Of(r.MemberUserId), StringComparer.CurrentCulture)
                .Select(r => new ReviewSourceChoice(ReviewSourceKind.PanelRating, r.Id,
                    $"{names.Of(r.MemberUserId)}: ratings for {LessonSourceList.PeriodWords(periods.GetValueOrDefault(r.PeriodId))}",
                    r.RecordedByUserId is null ? "Given by the panel member" : "Logged on their behalf",
                    MonitoringUrls.Ratings(cycleId), null, r.LastChangedAt))]);
    }
}

/// <summary>
/// One return or panel rating a review's decision may cite: <see cref="Revision"/> is a return's latest submitted
/// revision, and <see cref="ChangedAt"/> when it (or the rating) last changed.
/// </summary>
public sealed record ReviewSourceChoice(
    ReviewSourceKind Kind, Guid Id, string Description, string Detail, string Address, int? Revision, DateTimeOffset ChangedAt)
{
    /// <summary>What changed since the decision cited it, in words; null when nothing did.</summary>
    public string? ChangedSince(ReviewCitation citation, DateTimeOffset decidedAt)
    {
        ArgumentNullException.ThrowIfNull(citation);
        if (Kind == ReviewSourceKind.ProviderReturn)
        {
            return Revision > citation.ReturnRevision
                ? $"Corrected since the decision: the review cited revision {citation.ReturnRevision}; revision {Revision} was submitted on {UkTime.Date(ChangedAt)}."
                : null;
        }

        return ChangedAt > decidedAt ? $"Changed since the decision, on {UkTime.Date(ChangedAt)}." : null;
    }
}
