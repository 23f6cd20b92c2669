using CoproCommissioning.Domain.Monitoring;

namespace CoproCommissioning.Web.Pages.Cycles.Monitoring.Outcomes;

/// <summary>
/// What the outcomes over time read of the contract: who reports on it and whether it is an alliance (who reads whose
/// returns), its dates and periods, its outcomes, KPIs and commitments, and the commissioner's results. The outcomes page
/// reads only these (<see cref="LoadAsync"/>), not the reviews with their minutes, participants and citations; the review
/// page, which holds the contract whole, takes them from it (<see cref="Of"/>).
/// </summary>
public sealed record OutcomesContract(
    Guid Id,
    bool IsAlliance,
    IReadOnlyList<Guid> ReturningOrganisationIds,
    DateOnly StartsOn,
    DateOnly EndsOn,
    IReadOnlyList<ReportingPeriod> Periods,
    IReadOnlyList<ContractOutcome> Outcomes,
    IReadOnlyList<Kpi> Kpis,
    IReadOnlyList<Kpi> Commitments,
    IReadOnlyList<CommitmentResult> Results)
{
    public CommitmentResult? ResultFor(Guid periodId, Guid kpiId) => Results.SingleOrDefault(r => r.PeriodId == periodId && r.KpiId == kpiId);

    public static OutcomesContract Of(CycleMonitoring monitoring)
    {
        ArgumentNullException.ThrowIfNull(monitoring);
        return new(monitoring.Id, monitoring.IsAlliance, monitoring.ReturningOrganisationIds, monitoring.StartsOn, monitoring.EndsOn,
            monitoring.Periods, monitoring.Outcomes, monitoring.Kpis, monitoring.Commitments, monitoring.CommitmentResults);
    }

    /// <summary>The terms of the cycle's contract, in the contract's own order; null until the contract is made.</summary>
    public static async Task<OutcomesContract?> LoadAsync(CoproDbContext db, Guid cycleId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var found = await db.Monitorings.AsNoTracking().AsSplitQuery()
            .Where(m => m.CycleId == cycleId)
            .Select(m => new
            {
                m.Id,
                m.Regime,
                m.StartsOn,
                m.EndsOn,
                Parties = m.Parties.ToList(),
                Periods = m.Periods.ToList(),
                Outcomes = m.Outcomes.ToList(),
                Kpis = EF.Property<List<Kpi>>(m, "_kpis").ToList(),
                Results = m.CommitmentResults.ToList(),
            })
            .SingleOrDefaultAsync(ct);
        return found is null ? null : new(
            found.Id,
            CycleMonitoring.IsAllianceUnder(found.Regime),
            ContractParty.ReturningOrganisations(found.Parties),
            found.StartsOn,
            found.EndsOn,
            [.. found.Periods.OrderBy(p => p.StartsOn)],
            [.. found.Outcomes.OrderBy(o => o.Position)],
            [.. found.Kpis.Where(k => k.Owner == KpiOwner.Provider).OrderBy(k => k.Position)],
            [.. found.Kpis.Where(k => k.Owner == KpiOwner.Commissioner).OrderBy(k => k.Position)],
            found.Results);
    }
}
