using CoproCommissioning.Domain.Procurement;
using CoproCommissioning.Domain.Specification;

namespace CoproCommissioning.Web.Infrastructure.Pages;

/// <summary>
/// What a stage's own work still needs before the stage can be signed off, beyond the cycle's rules: the
/// specification stage needs its latest version approved, and the procurement stage a route (and bidding opened, for a
/// competitive one). Pages that count or list blockers pass these to
/// <see cref="CommissioningCycle.SignOffBlockers(StageKind, SignOffFacts, IReadOnlyCollection{Refusal}?)"/>, so the dashboard never calls a stage ready that sign-off refuses.
/// </summary>
public sealed record StageConditions(IReadOnlyList<Refusal> Specification, IReadOnlyList<Refusal> Procurement)
{
    /// <summary>The conditions for <paramref name="stage"/>, or null for a stage that sets none of its own.</summary>
    public IReadOnlyCollection<Refusal>? For(StageKind stage) => stage switch
    {
        StageKind.Specification => Specification,
        StageKind.Procurement => Procurement,
        _ => null,
    };

    public static async Task<StageConditions> LoadAsync(CoproDbContext db, Guid cycleId, CancellationToken ct) =>
        (await LoadAsync(db, [cycleId], ct))[cycleId];

    /// <summary>The conditions for one stage of one cycle, without a query for a stage that sets none.</summary>
    public static async Task<IReadOnlyCollection<Refusal>?> ForStageAsync(CoproDbContext db, Guid cycleId, StageKind stage, CancellationToken ct) =>
        stage is StageKind.Specification or StageKind.Procurement ? (await LoadAsync(db, cycleId, ct)).For(stage) : null;

    /// <summary>Two queries for many cycles: the latest and approved version numbers, and each procurement's route and bidding.</summary>
    public static async Task<IReadOnlyDictionary<Guid, StageConditions>> LoadAsync(
        CoproDbContext db, IReadOnlyCollection<Guid> cycleIds, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(cycleIds);
        var specifications = await db.Specifications.AsNoTracking()
            .Where(s => cycleIds.Contains(s.CycleId))
            .Select(s => new { s.CycleId, Latest = s.Versions.Max(v => (int?)v.Number), s.ApprovedVersionNumber })
            .ToDictionaryAsync(s => s.CycleId, ct);
        var procurements = await db.Procurements.AsNoTracking()
            .Where(p => cycleIds.Contains(p.CycleId))
            .Select(p => new { p.CycleId, p.Route, p.BiddingOpenedAt })
            .ToDictionaryAsync(p => p.CycleId, ct);
        return cycleIds.Distinct().ToDictionary(
            id => id,
            id => new StageConditions(
                specifications.TryGetValue(id, out var s)
                    ? ServiceSpecification.SignOffConditions(s.Latest, s.ApprovedVersionNumber)
                    : ServiceSpecification.SignOffConditions(null),
                procurements.TryGetValue(id, out var p)
                    ? CycleProcurement.SignOffConditionsFor(p.Route, p.BiddingOpenedAt is not null)
                    : CycleProcurement.SignOffConditionsFor(null)));
    }
}
