namespace CoproCommissioning.Web.Pages.Cycles.Procurement;

/// <summary>A commissioner changes or removes a criterion until bidding opens.</summary>
[CyclePermission(CycleOperation.ManageCycle)]
public sealed class CriterionModel(CoproDbContext db, TimeProvider clock, ILogger<CriterionModel> logger) : CriterionPageModel(db, clock)
{
    public async Task<IActionResult> OnGetAsync(Guid criterionId, CancellationToken ct)
    {
        if (await LoadCycleAsync(Db, ct) is null
            || await LoadProcurementAsync(Db, forChange: false, ct) is not { } procurement
            || procurement.FindCriterion(criterionId) is not { } criterion)
        {
            return NotFound();
        }

        HasProcurement = true;
        Form = CriterionForm.From(criterion, procurement.Version);
        await LoadCitationsAsync(ct);
        return Page();
    }

    [CyclePermission(CycleOperation.ManageCycle)]
    public async Task<IActionResult> OnPostAsync(Guid criterionId, CancellationToken ct)
    {
        // Stays true when there is no procurement at all: a criterion id under this address is then not found either.
        var missing = true;
        var result = await ChangeAsync((procurement, cycle, citations, now) =>
        {
            missing = procurement.FindCriterion(criterionId) is null;
            return missing ? DomainOutcome.Success() : procurement.ChangeCriterion(cycle, criterionId, Form.ToDraft(), citations, UserId, Role, now);
        }, ct);
        if (missing)
        {
            return NotFound();
        }

        if (result is not null)
        {
            return result;
        }

        logger.LogInformation("Criterion {CriterionId} of cycle {CycleId} changed", criterionId, CycleId);
        TempData.SetSuccess($"Criterion saved: {Form.Name.Trim()}.");
        return Redirect($"{OverviewUrl}#criteria");
    }

    [CyclePermission(CycleOperation.ManageCycle)]
    public async Task<IActionResult> OnPostRemoveAsync(Guid criterionId, CancellationToken ct)
    {
        // Stays true when there is no procurement at all: a criterion id under this address is then not found either.
        var missing = true;
        var result = await ChangeAsync((procurement, cycle, _, now) =>
        {
            missing = procurement.FindCriterion(criterionId) is null;
            return missing ? DomainOutcome.Success() : procurement.RemoveCriterion(cycle, criterionId, UserId, Role, now);
        }, ct);
        if (missing)
        {
            return NotFound();
        }

        if (result is not null)
        {
            return result;
        }

        logger.LogInformation("Criterion {CriterionId} of cycle {CycleId} removed", criterionId, CycleId);
        TempData.SetSuccess("Criterion removed.");
        return Redirect($"{OverviewUrl}#criteria");
    }
}
