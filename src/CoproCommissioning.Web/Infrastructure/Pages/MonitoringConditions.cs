using CoproCommissioning.Domain.Monitoring;
using CoproCommissioning.Web.Pages.Cycles.Monitoring;
using CoproCommissioning.Web.Pages.Cycles.Monitoring.Lessons;

namespace CoproCommissioning.Web.Infrastructure.Pages;

/// <summary>
/// What the monitoring stage's own work still needs before it can be signed off, beyond the cycle's rules: the contract
/// made, a review that ended in a decision, every due return submitted or explained, the panel's ratings for the last
/// period reviewed (<see cref="CycleMonitoring.SignOffConditions"/>), and at least one lesson learned
/// (<see cref="Lesson.SignOffConditions"/>). Worked out from a few columns, never from contracts, returns or ratings
/// loaded whole, so a dashboard of many cycles stays a few small queries. <see cref="LinkFor"/> says where each is met,
/// so every page that lists them links each one to its fix (R5).
/// </summary>
public static class MonitoringConditions
{
    /// <summary>
    /// Where <paramref name="role"/> meets one of monitoring's conditions: the page that does it for those who may, the page
    /// that shows it for everyone else. Null for a refusal that is not one of monitoring's conditions.
    /// </summary>
    public static (string Text, string Url)? LinkFor(Refusal refusal, Guid cycleId, CycleRole role)
    {
        ArgumentNullException.ThrowIfNull(refusal);
        var code = refusal.Rule.Code;
        var manages = CyclePermissions.Allows(role, CycleOperation.ManageCycle);
        return code switch
        {
            _ when code == MonitoringRules.ContractNotMade.Code => (manages ? "Make the contract" : "Go to the contract", MonitoringUrls.Contract(cycleId)),
            _ when code == MonitoringRules.DecidedReviewRequired.Code => manages
                ? ("Hold a review", MonitoringUrls.NewReview(cycleId))
                : ("Go to the reviews", MonitoringUrls.Reviews(cycleId)),
            _ when code == MonitoringRules.ReturnsMissing(0).Code => ("See the returns of each period", MonitoringUrls.Overview(cycleId)),
            _ when code == MonitoringRules.PanelRatingsMissing.Code => ("Go to the panel's ratings", MonitoringUrls.Ratings(cycleId)),
            _ when code == LessonRules.LessonRequired.Code => CyclePermissions.Allows(role, CycleOperation.ManageStageContent)
                ? ("Record a lesson", LessonsUrls.New(cycleId))
                : ("Go to the lessons learned", MonitoringUrls.Lessons(cycleId)),
            _ => null,
        };
    }

    public static async Task<IReadOnlyList<Refusal>> LoadAsync(CoproDbContext db, Guid cycleId, TimeProvider timeProvider, CancellationToken ct) =>
        (await LoadAsync(db, [cycleId], timeProvider, ct))[cycleId];

    /// <summary>The conditions for each of <paramref name="cycleIds"/>: five queries however many cycles there are.</summary>
    public static async Task<IReadOnlyDictionary<Guid, IReadOnlyList<Refusal>>> LoadAsync(
        CoproDbContext db, IReadOnlyCollection<Guid> cycleIds, TimeProvider timeProvider, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(cycleIds);
        ArgumentNullException.ThrowIfNull(timeProvider);
        // The periods and parties as the contract keeps them (so the domain answers which are due and which report), the
        // rest as ids: no KPI, outcome, minutes or explanation text is read.
        var contracts = await db.Monitorings.AsNoTracking().AsSplitQuery()
            .Where(m => cycleIds.Contains(m.CycleId))
            .Select(m => new
            {
                m.Id,
                m.CycleId,
                m.Periods,
                m.Parties,
                Explained = m.Explanations.Select(e => new { e.PeriodId, e.OrganisationId }).ToList(),
                Reviews = m.Reviews.Select(r => new { r.DecisionId, r.PeriodIds }).ToList(),
            })
            .ToListAsync(ct);
        var monitoringIds = contracts.Select(c => c.Id).ToList();
        var submitted = monitoringIds.Count == 0 ? [] : await db.ProviderReturns.AsNoTracking()
            .Where(r => monitoringIds.Contains(r.MonitoringId) && r.Revisions.Any(v => v.SubmittedAt != null))
            .Select(r => new { r.MonitoringId, r.PeriodId, r.OrganisationId })
            .ToListAsync(ct);
        var rated = monitoringIds.Count == 0 ? [] : await db.PanelRatings.AsNoTracking()
            .Where(r => monitoringIds.Contains(r.MonitoringId))
            .Select(r => new { r.MonitoringId, r.PeriodId })
            .Distinct()
            .ToListAsync(ct);
        var lessons = await db.Lessons.AsNoTracking()
            .Where(l => cycleIds.Contains(l.CycleId))
            .GroupBy(l => l.CycleId)
            .Select(g => new { CycleId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(l => l.CycleId, l => l.Count, ct);

        var now = timeProvider.GetUtcNow();
        var progress = contracts.ToDictionary(c => c.CycleId, c => MonitoringProgress.Of(
            c.Periods,
            c.Parties,
            [.. c.Explained.Select(e => (e.PeriodId, e.OrganisationId))],
            c.Reviews.Select(r => (r.DecisionId is not null, (IReadOnlyCollection<Guid>)r.PeriodIds)),
            [.. submitted.Where(r => r.MonitoringId == c.Id).Select(r => (r.PeriodId, r.OrganisationId))],
            [.. rated.Where(r => r.MonitoringId == c.Id).Select(r => r.PeriodId)],
            now));
        return cycleIds.Distinct().ToDictionary(
            id => id,
            id => (IReadOnlyList<Refusal>)
            [
                .. CycleMonitoring.SignOffConditions(progress.GetValueOrDefault(id)),
                .. Lesson.SignOffConditions(lessons.GetValueOrDefault(id)),
            ]);
    }
}
