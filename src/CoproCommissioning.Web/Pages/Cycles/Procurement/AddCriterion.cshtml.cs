namespace CoproCommissioning.Web.Pages.Cycles.Procurement;

/// <summary>A commissioner adds an evaluation criterion, citing the sections it tests and the input that shaped it.</summary>
[CyclePermission(CycleOperation.ManageCycle)]
public sealed class AddCriterionModel(CoproDbContext db, TimeProvider clock, ILogger<AddCriterionModel> logger) : CriterionPageModel(db, clock)
{
    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await LoadCycleAsync(Db, ct) is null)
        {
            return NotFound();
        }

        var procurement = await LoadProcurementAsync(Db, forChange: false, ct);
        HasProcurement = procurement is not null;
        Form = Form with { Version = procurement?.Version ?? 0 };
        await LoadCitationsAsync(ct);
        return Page();
    }

    [CyclePermission(CycleOperation.ManageCycle)]
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Guid added = default;
        var result = await ChangeAsync((procurement, cycle, citations, now) =>
        {
            var outcome = procurement.AddCriterion(cycle, Form.ToDraft(), citations, UserId, Role, now);
            added = outcome.Succeeded ? outcome.Value.Id : default;
            return outcome;
        }, ct);
        if (result is not null)
        {
            return result;
        }

        logger.LogInformation("Criterion {CriterionId} added to the procurement of cycle {CycleId}", added, CycleId);
        TempData.SetSuccess($"Criterion added: {Form.Name.Trim()}.");
        return Redirect($"{OverviewUrl}#criteria");
    }
}
