using CoproCommissioning.Domain.Monitoring;

namespace CoproCommissioning.Web.Pages.Cycles.Monitoring.Contract;

/// <summary>A commissioner adds a KPI the providers report a figure for in their returns.</summary>
[CyclePermission(CycleOperation.ManageCycle)]
public sealed class AddKpiModel(CoproDbContext db, TimeProvider clock, ILogger<AddKpiModel> logger)
    : AddMeasurePageModel(db, clock, logger, KpiOwner.Provider)
{
    public Task<IActionResult> OnGetAsync(CancellationToken ct) => ShowNewAsync(ct);

    [CyclePermission(CycleOperation.ManageCycle)]
    public Task<IActionResult> OnPostAsync(CancellationToken ct) => AddAsync(ct);
}
