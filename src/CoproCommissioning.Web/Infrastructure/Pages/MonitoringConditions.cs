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

    /// <summary>One row a contract: its parts' columns as arrays, each part's arrays in the same order (see <see cref="ContractsOf"/>).</summary>
    private sealed record ContractFacts(
        Guid CycleId,
        Guid[]? PeriodIds,
        DateOnly[]? PeriodEnds,
        DateOnly[]? PeriodDues,
        Guid?[]? PartyOrganisations,
        PartyRole[]? PartyRoles,
        Guid[]? ExplainedPeriods,
        Guid[]? ExplainedOrganisations,
        int? Decided,
        Guid[]? ReviewedPeriods,
        Guid[]? SubmittedPeriods,
        Guid[]? SubmittedOrganisations,
        Guid[]? RatedPeriods);

    // Compiled once: EF Core would otherwise walk and hash this whole expression, eight queries joined, on every request
    // of every page that shows a monitoring cycle's conditions (the dashboard's for each of its cycles).
    // Each part is grouped by contract, its columns aggregated side by side (so the arrays of one group line up element by
    // element), then joined to the contract: no KPI, outcome, minutes or explanation text is read.
    private static readonly Func<CoproDbContext, List<Guid>, IAsyncEnumerable<ContractFacts>> ContractsOf = EF.CompileAsyncQuery(
        (CoproDbContext db, List<Guid> ids) =>
            from m in db.Monitorings.AsNoTracking().Where(m => ids.Contains(m.CycleId))
            join p in db.Monitorings.Where(m => ids.Contains(m.CycleId))
                .SelectMany(m => m.Periods, (m, p) => new { MonitoringId = m.Id, p.Id, p.EndsOn, p.DueOn })
                .GroupBy(p => p.MonitoringId)
                .Select(g => new
                {
                    MonitoringId = g.Key,
                    Ids = EF.Functions.ArrayAgg(g.Select(p => p.Id)),
                    Ends = EF.Functions.ArrayAgg(g.Select(p => p.EndsOn)),
                    Dues = EF.Functions.ArrayAgg(g.Select(p => p.DueOn)),
                }) on m.Id equals p.MonitoringId into ps
            from p in ps.DefaultIfEmpty()
            join party in db.Monitorings.Where(m => ids.Contains(m.CycleId))
                .SelectMany(m => m.Parties, (m, p) => new { MonitoringId = m.Id, p.OrganisationId, p.Role })
                .GroupBy(p => p.MonitoringId)
                .Select(g => new { MonitoringId = g.Key, Organisations = EF.Functions.ArrayAgg(g.Select(p => p.OrganisationId)), Roles = EF.Functions.ArrayAgg(g.Select(p => p.Role)) })
                on m.Id equals party.MonitoringId into partyGroups
            from party in partyGroups.DefaultIfEmpty()
            join e in db.Monitorings.Where(m => ids.Contains(m.CycleId))
                .SelectMany(m => m.Explanations, (m, e) => new { MonitoringId = m.Id, e.PeriodId, e.OrganisationId })
                .GroupBy(e => e.MonitoringId)
                .Select(g => new { MonitoringId = g.Key, Periods = EF.Functions.ArrayAgg(g.Select(e => e.PeriodId)), Organisations = EF.Functions.ArrayAgg(g.Select(e => e.OrganisationId)) })
                on m.Id equals e.MonitoringId into es
            from e in es.DefaultIfEmpty()
            join d in db.Monitorings.Where(m => ids.Contains(m.CycleId))
                .SelectMany(m => m.Reviews, (m, r) => new { MonitoringId = m.Id, r.DecisionId })
                .GroupBy(r => r.MonitoringId)
                .Select(g => new { MonitoringId = g.Key, Count = g.Count(r => r.DecisionId != null) })
                on m.Id equals d.MonitoringId into ds
            from d in ds.DefaultIfEmpty()
            join r in db.Monitorings.Where(m => ids.Contains(m.CycleId))
                .SelectMany(m => m.Reviews.SelectMany(r => r.PeriodIds), (m, periodId) => new { MonitoringId = m.Id, PeriodId = periodId })
                .GroupBy(r => r.MonitoringId)
                .Select(g => new { MonitoringId = g.Key, Periods = EF.Functions.ArrayAgg(g.Select(r => r.PeriodId)) })
                on m.Id equals r.MonitoringId into rs
            from r in rs.DefaultIfEmpty()
            join s in db.ProviderReturns
                .Where(r => ids.Contains(r.CycleId) && r.Revisions.Any(v => v.SubmittedAt != null))
                .GroupBy(r => r.MonitoringId)
                .Select(g => new { MonitoringId = g.Key, Periods = EF.Functions.ArrayAgg(g.Select(r => r.PeriodId)), Organisations = EF.Functions.ArrayAgg(g.Select(r => r.OrganisationId)) })
                on m.Id equals s.MonitoringId into ss
            from s in ss.DefaultIfEmpty()
            join rt in db.PanelRatings
                .Where(r => ids.Contains(r.CycleId))
                .GroupBy(r => r.MonitoringId)
                .Select(g => new { MonitoringId = g.Key, Periods = EF.Functions.ArrayAgg(g.Select(r => r.PeriodId)) })
                on m.Id equals rt.MonitoringId into rts
            from rt in rts.DefaultIfEmpty()
            select new ContractFacts(
                m.CycleId, p.Ids, p.Ends, p.Dues, party.Organisations, party.Roles, e.Periods, e.Organisations, (int?)d.Count, r.Periods,
                s.Periods, s.Organisations, rt.Periods));

    /// <summary>
    /// The conditions for each of <paramref name="cycleIds"/>: two statements however many cycles there are, one row a
    /// contract (its periods, parties, explained and submitted returns, reviews and rated periods as arrays) and one a
    /// cycle with lessons. The domain still works out what is missing (<see cref="MonitoringProgress"/>).
    /// </summary>
    public static async Task<IReadOnlyDictionary<Guid, IReadOnlyList<Refusal>>> LoadAsync(
        CoproDbContext db, IReadOnlyCollection<Guid> cycleIds, TimeProvider timeProvider, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(cycleIds);
        ArgumentNullException.ThrowIfNull(timeProvider);
        var ids = cycleIds.Distinct().ToList();
        var found = await ContractsOf(db, ids).ToListAsync(ct);
        var lessons = await db.Lessons.AsNoTracking()
            .Where(l => ids.Contains(l.CycleId))
            .GroupBy(l => l.CycleId)
            .Select(g => new { CycleId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(l => l.CycleId, l => l.Count, ct);

        var now = timeProvider.GetUtcNow();
        var progress = found.ToDictionary(c => c.CycleId, c => MonitoringProgress.Of(
            (c.PeriodIds ?? []).Select((id, i) => new PeriodDates(id, c.PeriodEnds![i], c.PeriodDues![i])),
            (c.PartyOrganisations ?? []).Zip(c.PartyRoles ?? []),
            [.. (c.ExplainedPeriods ?? []).Zip(c.ExplainedOrganisations ?? [])],
            c.Decided ?? 0,
            c.ReviewedPeriods ?? [],
            [.. (c.SubmittedPeriods ?? []).Zip(c.SubmittedOrganisations ?? [])],
            c.RatedPeriods ?? [],
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
