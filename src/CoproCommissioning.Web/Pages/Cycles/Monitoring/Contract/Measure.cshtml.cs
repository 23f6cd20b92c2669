using CoproCommissioning.Domain.Monitoring;

namespace CoproCommissioning.Web.Pages.Cycles.Monitoring.Contract;

/// <summary>
/// A commissioner changes a KPI or a commitment, or removes one nobody has reported on yet. A measure of another
/// cycle's contract under this address is not found.
/// </summary>
[CyclePermission(CycleOperation.ManageCycle)]
public sealed class MeasureModel(CoproDbContext db, TimeProvider clock, ILogger<MeasureModel> logger) : MeasurePageModel(db, clock)
{
    /// <summary>A return or a result gives a figure for it, so it can be changed but not removed.</summary>
    public bool IsReported { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid kpiId, CancellationToken ct)
    {
        if (await LoadCycleAsync(Db, ct) is null
            || await LoadMonitoringAsync(Db, forChange: false, ct) is not { } monitoring
            || monitoring.FindKpi(kpiId) is not { } kpi)
        {
            return NotFound();
        }

        HasContract = true;
        Owner = kpi.Owner;
        Form = MeasureForm.From(kpi, monitoring.Version);
        IsReported = monitoring.IsReportedOn(kpiId, await IsReportedAsync(monitoring, kpiId, ct));
        return Page();
    }

    [CyclePermission(CycleOperation.ManageCycle)]
    public async Task<IActionResult> OnPostAsync(Guid kpiId, CancellationToken ct)
    {
        // Stays true when there is no contract at all: a measure under this address is then not found either.
        var missing = true;
        var result = await ChangeAsync((monitoring, cycle, target, now) =>
        {
            var kpi = monitoring.FindKpi(kpiId);
            missing = kpi is null;
            Owner = kpi?.Owner ?? Owner;
            return missing ? DomainOutcome.Success() : monitoring.ChangeKpi(cycle, kpiId, Form.ToDraft(target), UserId, Role, now);
        }, ct);
        if (missing)
        {
            return NotFound();
        }

        if (result is not null)
        {
            return result;
        }

        logger.LogInformation("Measure {KpiId} of the contract of cycle {CycleId} changed", kpiId, CycleId);
        TempData.SetSuccess($"{Capitalised(Noun)} saved: {Form.Name.Trim()}.");
        return Redirect($"{OverviewUrl}#{Anchor}");
    }

    [CyclePermission(CycleOperation.ManageCycle)]
    public async Task<IActionResult> OnPostRemoveAsync(Guid kpiId, CancellationToken ct)
    {
        var cycle = await LoadCycleAsync(Db, ct);
        var monitoring = cycle is null ? null : await LoadMonitoringAsync(Db, forChange: true, ct);
        if (cycle is null || monitoring?.FindKpi(kpiId) is not { } kpi)
        {
            return NotFound();
        }

        HasContract = true;
        Owner = kpi.Owner;
        Form = MeasureForm.From(kpi, Form.Version);
        Db.Entry(monitoring).Property(m => m.Version).OriginalValue = Form.Version;
        var inAReturn = await IsReportedAsync(monitoring, kpiId, ct);
        IsReported = monitoring.IsReportedOn(kpiId, inAReturn);
        var now = Clock.GetUtcNow();
        var outcome = monitoring.RemoveKpi(cycle, kpiId, inAReturn, UserId, Role, now);
        ModelState.AddErrors(outcome, nameof(Form));
        if (outcome.Succeeded)
        {
            var saved = await SaveIntoStageAsync(Db, cycle, now, ct);
            if (saved.Succeeded)
            {
                logger.LogInformation("Measure {KpiId} removed from the contract of cycle {CycleId}", kpiId, CycleId);
                TempData.SetSuccess($"{Capitalised(Noun)} removed.");
                return Redirect($"{OverviewUrl}#{Anchor}");
            }

            if (saved.Status == SaveStatus.Conflict)
            {
                ModelState.AddConcurrencyError();
                Form = Form with { Version = (await LoadMonitoringAsync(Db, forChange: false, ct))?.Version ?? Form.Version };
            }
        }

        return Page();
    }

    private string Anchor => Owner == KpiOwner.Provider ? "kpis" : "commitments";

    private static string Capitalised(string noun) => noun == "KPI" ? noun : char.ToUpperInvariant(noun[0]) + noun[1..];

    /// <summary>
    /// Whether any return, draft or submitted, gives a figure for the measure, asked of PostgreSQL without reading a return;
    /// the contract adds its own results (<see cref="CycleMonitoring.IsReportedOn"/>).
    /// </summary>
    private Task<bool> IsReportedAsync(CycleMonitoring monitoring, Guid kpiId, CancellationToken ct)
    {
        var monitoringId = monitoring.Id;
        return Db.ProviderReturns.AsNoTracking()
            .AnyAsync(r => r.MonitoringId == monitoringId && r.Revisions.Any(v => v.KpiValues.Any(k => k.KpiId == kpiId && k.Value != null)), ct);
    }
}
