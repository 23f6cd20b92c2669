using CoproCommissioning.Domain.Procurement;
using CoproCommissioning.Domain.Specification;

namespace CoproCommissioning.Web.Infrastructure.Pages;

/// <summary>
/// What a stage's own work still needs before the stage can be signed off, beyond the cycle's rules: the
/// specification stage needs its latest version approved, and the procurement stage a route (and bidding opened, for a
/// competitive one). Pages that count or list blockers pass these to
/// <see cref="CommissioningCycle.SignOffBlockers(StageKind, SignOffFacts, IReadOnlyCollection{Refusal}?)"/>, so the dashboard never calls a stage ready that sign-off refuses.
/// </summary>
public sealed record StageConditions(IReadOnlyList<Refusal> Specification, IReadOnlyList<Refusal> Procurement, IReadOnlyList<Refusal> Monitoring)
{
    /// <summary>The conditions for <paramref name="stage"/>, or null for a stage that sets none of its own.</summary>
    public IReadOnlyCollection<Refusal>? For(StageKind stage) => stage switch
    {
        StageKind.Specification => Specification,
        StageKind.Procurement => Procurement,
        StageKind.Monitoring => Monitoring,
        _ => null,
    };

    public static async Task<StageConditions> LoadAsync(CoproDbContext db, Guid cycleId, TimeProvider timeProvider, CancellationToken ct) =>
        (await LoadAsync(db, [cycleId], timeProvider, ct))[cycleId];

    /// <summary>
    /// The conditions for one stage of one cycle, reading only what that stage's own work decides: a stage page sends
    /// no query about the other stages' work, and none for a stage that sets no conditions.
    /// </summary>
    public static async Task<IReadOnlyCollection<Refusal>?> ForStageAsync(CoproDbContext db, Guid cycleId, StageKind stage, TimeProvider timeProvider, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(timeProvider);
        return stage switch
        {
            StageKind.Specification => (await SpecificationConditionsAsync(db, [cycleId], ct))[cycleId],
            StageKind.Procurement => (await ProcurementConditionsAsync(db, [cycleId], timeProvider, ct))[cycleId],
            StageKind.Monitoring => (await MonitoringConditions.LoadAsync(db, [cycleId], timeProvider, ct))[cycleId],
            _ => null,
        };
    }

    /// <summary>A few queries for many cycles: the latest and approved version numbers, each procurement's progress facts, and monitoring's conditions.</summary>
    public static async Task<IReadOnlyDictionary<Guid, StageConditions>> LoadAsync(
        CoproDbContext db, IReadOnlyCollection<Guid> cycleIds, TimeProvider timeProvider, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(cycleIds);
        return await LoadAsync(db, cycleIds, cycleIds, cycleIds, cycleIds, timeProvider, ct);
    }

    /// <summary>
    /// The conditions of the stages in progress (open or reopened) of many cycles, for a list that asks whether those
    /// stages are ready to sign off: nothing is read about the work of a stage not in progress, and no query is sent for a
    /// kind of stage no cycle has in progress. A stage not in progress gets an empty list, so ask only about the others.
    /// </summary>
    public static async Task<IReadOnlyDictionary<Guid, StageConditions>> ForStagesInProgressAsync(
        CoproDbContext db, IReadOnlyCollection<CommissioningCycle> cycles, TimeProvider timeProvider, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(cycles);
        List<Guid> InProgress(StageKind kind) =>
            [.. cycles.Where(c => c.Stages.Any(s => s.Kind == kind && s.IsInProgress)).Select(c => c.Id).Distinct()];
        return await LoadAsync(db, [.. cycles.Select(c => c.Id)], InProgress(StageKind.Specification), InProgress(StageKind.Procurement),
            InProgress(StageKind.Monitoring), timeProvider, ct);
    }

    /// <summary>Each kind of stage's conditions for the cycles given for it, no query for a kind given none.</summary>
    private static async Task<IReadOnlyDictionary<Guid, StageConditions>> LoadAsync(
        CoproDbContext db, IReadOnlyCollection<Guid> cycleIds, IReadOnlyCollection<Guid> forSpecification,
        IReadOnlyCollection<Guid> forProcurement, IReadOnlyCollection<Guid> forMonitoring, TimeProvider timeProvider, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(timeProvider);
        IReadOnlyDictionary<Guid, IReadOnlyList<Refusal>> none = new Dictionary<Guid, IReadOnlyList<Refusal>>();
        var specification = forSpecification.Count == 0 ? none : await SpecificationConditionsAsync(db, forSpecification, ct);
        var procurement = forProcurement.Count == 0 ? none : await ProcurementConditionsAsync(db, forProcurement, timeProvider, ct);
        // Monitoring's own conditions (a decided review, every due return in or explained, the panel's ratings, a lesson).
        var monitoring = forMonitoring.Count == 0 ? none : await MonitoringConditions.LoadAsync(db, forMonitoring, timeProvider, ct);
        return cycleIds.Distinct().ToDictionary(
            id => id,
            id => new StageConditions(specification.GetValueOrDefault(id, []), procurement.GetValueOrDefault(id, []), monitoring.GetValueOrDefault(id, [])));
    }

    /// <summary>The specification stage's: the latest and approved version numbers of each cycle's specification.</summary>
    private static async Task<IReadOnlyDictionary<Guid, IReadOnlyList<Refusal>>> SpecificationConditionsAsync(
        CoproDbContext db, IReadOnlyCollection<Guid> cycleIds, CancellationToken ct)
    {
        var specifications = await db.Specifications.AsNoTracking()
            .Where(s => cycleIds.Contains(s.CycleId))
            .Select(s => new { s.CycleId, Latest = s.Versions.Max(v => (int?)v.Number), s.ApprovedVersionNumber })
            .ToDictionaryAsync(s => s.CycleId, ct);
        return cycleIds.Distinct().ToDictionary(id => id, id => specifications.TryGetValue(id, out var s)
            ? ServiceSpecification.SignOffConditions(s.Latest, s.ApprovedVersionNumber)
            : ServiceSpecification.SignOffConditions(null));
    }

    /// <summary>
    /// The procurement stage's. Only cycles that reached procurement have one: what its progress reads, a row or two a
    /// procurement, rather than the aggregate, its bids and scorecards, whose agreed scores and scores grow with bids ×
    /// criteria × evaluators.
    /// </summary>
    private static async Task<IReadOnlyDictionary<Guid, IReadOnlyList<Refusal>>> ProcurementConditionsAsync(
        CoproDbContext db, IReadOnlyCollection<Guid> cycleIds, TimeProvider timeProvider, CancellationToken ct)
    {
        var procurements = await db.ProgressFactsAsync(cycleIds, ct);
        var now = timeProvider.GetUtcNow();
        return cycleIds.Distinct().ToDictionary(id => id, id => CycleProcurement.SignOffConditions(procurements.GetValueOrDefault(id)?.Progress(now)));
    }
}
