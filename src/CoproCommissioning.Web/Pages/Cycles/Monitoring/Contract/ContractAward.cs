using CoproCommissioning.Domain.Monitoring;
using CoproCommissioning.Domain.Procurement;
using CoproCommissioning.Domain.Specification;

namespace CoproCommissioning.Web.Pages.Cycles.Monitoring.Contract;

/// <summary>
/// What a contract is made from: the cycle's procurement with its award, and its specification with only the approved
/// version's outcome framework (the one <see cref="CycleMonitoring.Start"/> copies), read without tracking since
/// making the contract changes neither.
/// </summary>
public sealed record ContractAward(CycleProcurement? Procurement, ServiceSpecification? Specification)
{
    public static async Task<ContractAward> LoadAsync(CoproDbContext db, Guid cycleId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var procurement = await db.Procurements.AsNoTracking().AsSplitQuery().SingleOrDefaultAsync(p => p.CycleId == cycleId, ct);
        var approved = await db.Specifications.AsNoTracking().Where(s => s.CycleId == cycleId).Select(s => s.ApprovedVersionNumber).SingleOrDefaultAsync(ct);
        var specification = await db.Specifications.AsNoTracking()
            .Include(s => s.Versions.Where(v => v.Number == approved)).ThenInclude(v => v.Outcomes)
            .AsSplitQuery()
            .SingleOrDefaultAsync(s => s.CycleId == cycleId, ct);
        return new ContractAward(procurement, specification);
    }

    public bool IsAlliance => Procurement?.Regime == ProcurementRegime.AllianceAgreement;

    public IReadOnlyList<Guid> AwardedOrganisationIds => Procurement?.IsAwardRecorded == true ? Procurement.AwardedOrganisationIds : [];

    /// <summary>The award names several providers outside an alliance, so the commissioner chooses which leads.</summary>
    public bool NeedsLead => !IsAlliance && AwardedOrganisationIds.Count > 1;

    /// <summary>
    /// Why the contract cannot be made yet, in the contract's own words: what <see cref="CycleMonitoring.Start"/> refuses
    /// whatever the commissioner types (no award, no approved specification, the stage not open or signed off), which
    /// are its refusals that concern no answer on the form.
    /// </summary>
    public IReadOnlyList<Refusal> WhyNot(CommissioningCycle cycle, string userId, CycleRole role, DateTimeOffset now) =>
        [.. CycleMonitoring.Start(cycle, Procurement, Specification, new ContractDraft(null, null, null, null), cycleHasContract: false, userId, role, now)
            .Refusals.Where(r => r.Rule.Field is null)];
}
