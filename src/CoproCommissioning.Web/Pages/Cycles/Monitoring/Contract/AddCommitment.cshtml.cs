using CoproCommissioning.Domain.Monitoring;

namespace CoproCommissioning.Web.Pages.Cycles.Monitoring.Contract;

/// <summary>A commissioner adds one of its own commitments ("referral data shared monthly"), monitored like a KPI.</summary>
[CyclePermission(CycleOperation.ManageCycle)]
public sealed class AddCommitmentModel(CoproDbContext db, TimeProvider clock, ILogger<AddCommitmentModel> logger)
    : AddMeasurePageModel(db, clock, logger, KpiOwner.Commissioner)
{
    public Task<IActionResult> OnGetAsync(CancellationToken ct) => ShowNewAsync(ct);

    [CyclePermission(CycleOperation.ManageCycle)]
    public Task<IActionResult> OnPostAsync(CancellationToken ct) => AddAsync(ct);
}
