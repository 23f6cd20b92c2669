using CoproCommissioning.Domain.Monitoring;
using CoproCommissioning.Web.Pages.Cycles.Monitoring.Lessons;
using CoproCommissioning.Web.Pages.Cycles.Monitoring.Outcomes;

namespace CoproCommissioning.Web.Pages.Cycles.Monitoring.Reviews;

/// <summary>
/// What a review's decision may cite, as one member may see it: the submitted provider returns
/// (<see cref="SubmittedReturns"/>, which agrees with <see cref="ProviderReturn.MayBeReadBy"/> for them) and the panel's ratings (<see cref="PanelRating.VisibleTo"/>) of the
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
        // The returns the member may read (SubmittedReturns agrees with each return's own rule for submitted ones), each as
        // its organisation's name and its latest submitted revision's number and time: nothing a return says is read here.
        var returns = await db.ProviderReturns.AsNoTracking()
            .Where(SubmittedReturns.ReadableBy(monitoring, viewer.Role, viewer.OrganisationId))
            .Where(r => periodIds.Contains(r.PeriodId))
            .Select(r => new
            {
                r.Id,
                r.PeriodId,
                r.OrganisationId,
                Organisation = db.Organisations.Where(o => o.Id == r.OrganisationId).Select(o => o.Name).FirstOrDefault(),
                Submitted = r.Revisions.Where(v => v.SubmittedAt != null).OrderByDescending(v => v.Number)
                    .Select(v => new { v.Number, SubmittedAt = v.SubmittedAt!.Value }).FirstOrDefault(),
            })
            .Where(r => r.Submitted != null)
            .ToListAsync(ct);
        // Each rating with its member's name as the member may see it, in the same statement.
        var ratings = await db.PanelRatings.AsNoTracking()
            .Where(r => r.MonitoringId == monitoring.Id && periodIds.Contains(r.PeriodId))
            .Where(PanelRating.VisibleTo(viewer.UserId, viewer.Role))
            .Select(r => new
            {
                r.Id,
                r.PeriodId,
                r.MemberUserId,
                r.RecordedByUserId,
                r.LastChangedAt,
                Member = db.Users.Where(u => u.Id == r.MemberUserId)
                    .Select(u => new { u.DisplayName, u.ShowAsPanelMember, u.FormerParticipantNumber }).FirstOrDefault(),
            })
            .ToListAsync(ct);
        var names = ratings.ToDictionary(r => r.Id, r => r.Member is { } member
            ? PeopleNames.ShownTo(viewer.UserId, r.MemberUserId, member.DisplayName, member.ShowAsPanelMember, member.FormerParticipantNumber)
            : PeopleNames.Unknown);
        var periods = monitoring.Periods.ToDictionary(p => p.Id);
        return new ReviewSourceList(
            [.. returns.OrderBy(r => periods.GetValueOrDefault(r.PeriodId)?.Number).ThenBy(r => r.Organisation, StringComparer.CurrentCulture)
                .Select(r => new ReviewSourceChoice(ReviewSourceKind.ProviderReturn, r.Id,
                    $"{r.Organisation ?? "A provider"}: return for {LessonSourceList.PeriodWords(periods.GetValueOrDefault(r.PeriodId))}",
                    r.Submitted!.Number == 1 ? $"Submitted {UkTime.Date(r.Submitted.SubmittedAt)}"
                        : $"Revision {r.Submitted.Number}, submitted {UkTime.Date(r.Submitted.SubmittedAt)}",
                    $"{MonitoringUrls.Returns(cycleId)}/{r.Id}", r.Submitted.Number, r.Submitted.SubmittedAt))],
            [.. ratings.OrderBy(r => periods.GetValueOrDefault(r.PeriodId)?.Number).ThenBy(r => names[r.Id], StringComparer.CurrentCulture)
                .Select(r => new ReviewSourceChoice(ReviewSourceKind.PanelRating, r.Id,
                    $"{names[r.Id]}: ratings for {LessonSourceList.PeriodWords(periods.GetValueOrDefault(r.PeriodId))}",
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
