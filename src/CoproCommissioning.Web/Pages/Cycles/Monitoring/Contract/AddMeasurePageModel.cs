using CoproCommissioning.Domain.Monitoring;

namespace CoproCommissioning.Web.Pages.Cycles.Monitoring.Contract;

/// <summary>Adding a KPI or a commitment: the two pages differ only in whose measure it is (<paramref name="owner"/>).</summary>
[CyclePermission(CycleOperation.ManageCycle)]
public abstract class AddMeasurePageModel(CoproDbContext db, TimeProvider clock, ILogger logger, KpiOwner owner) : MeasurePageModel(db, clock)
{
    protected async Task<IActionResult> ShowNewAsync(CancellationToken ct)
    {
        Owner = owner;
        if (await LoadCycleAsync(Db, ct) is null)
        {
            return NotFound();
        }

        var monitoring = await LoadMonitoringAsync(Db, forChange: false, ct);
        HasContract = monitoring is not null;
        Form = Form with { Version = monitoring?.Version ?? 0 };
        return Page();
    }

    protected async Task<IActionResult> AddAsync(CancellationToken ct)
    {
        Owner = owner;
        Guid added = default;
        var result = await ChangeAsync((monitoring, cycle, target, now) =>
        {
            var outcome = monitoring.AddKpi(cycle, Owner, Form.ToDraft(target), UserId, Role, now);
            added = outcome.Succeeded ? outcome.Value.Id : default;
            return outcome;
        }, ct);
        if (result is not null)
        {
            return result;
        }

        logger.LogInformation("Measure {KpiId} ({Owner}) added to the contract of cycle {CycleId}", added, Owner, CycleId);
        TempData.SetSuccess($"{(Owner == KpiOwner.Provider ? "KPI" : "Commitment")} added: {Form.Name.Trim()}.");
        return Redirect($"{OverviewUrl}#{(Owner == KpiOwner.Provider ? "kpis" : "commitments")}");
    }
}
