using CoproCommissioning.Data;
using CoproCommissioning.Domain.Cycles;
using CoproCommissioning.Domain.Membership;
using CoproCommissioning.Domain.NeedsAssessment;
using CoproCommissioning.Web.Infrastructure.Authorization;
using CoproCommissioning.Web.Infrastructure.Pages;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CoproCommissioning.Web.Pages.Cycles.NeedsAssessment.Inequalities;

[CyclePermission(CycleOperation.LogOnBehalf)]
public sealed class EditModel(CoproDbContext db, IValidator<AddModel.Input> validator, TimeProvider clock, ILogger<EditModel> logger)
    : StageContentPageModel(StageKind.NeedsAssessment)
{
    public const string ConflictMessage =
        "Someone changed this group while you were editing. Your changes have not been saved: check the latest version, then save again.";

    [BindProperty]
    public AddModel.Input Form { get; set; } = new();

    /// <summary>What is saved now, shown after a conflict so the person can compare.</summary>
    public InequalityGroup? Latest { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid groupId, CancellationToken ct)
    {
        var group = await FindAsync(groupId, ct);
        if (group is null || !await LoadHeadingAsync(db, ct))
        {
            return NotFound();
        }

        Form = new AddModel.Input { Group = group.Group, Description = group.Description, Inequality = group.Inequality, Version = group.Version };
        return Page();
    }

    [CyclePermission(CycleOperation.LogOnBehalf)]
    public async Task<IActionResult> OnPostAsync(Guid groupId, CancellationToken ct)
    {
        var group = await FindAsync(groupId, ct);
        if (group is null)
        {
            return NotFound();
        }

        var check = await validator.ValidateAsync(Form, ct);
        if (!check.IsValid)
        {
            ModelState.AddErrors(check, nameof(Form));
            return await LoadHeadingAsync(db, ct) ? Page() : NotFound();
        }

        var cycle = await LoadCycleAsync(db, ct);
        if (cycle is null)
        {
            return NotFound();
        }

        db.Entry(group).Property(g => g.Version).OriginalValue = Form.Version;
        var outcome = group.Revise(cycle, Form.Group!.Value, Form.Description, Form.Inequality, HttpContext.CycleMember().Role, clock.GetUtcNow());
        if (!outcome.Succeeded)
        {
            ModelState.AddErrors(outcome.Refusals, AddModel.FieldsByCode);
            return await LoadHeadingAsync(db, ct) ? Page() : NotFound();
        }

        var saved = await SaveStageContentAsync(db, cycle, clock.GetUtcNow(), ct, reportConflict: false);
        if (saved == StageContentSave.StageSignedOff)
        {
            return await LoadHeadingAsync(db, ct) ? Page() : NotFound();
        }

        if (saved == StageContentSave.Conflict)
        {
            Latest = await FindAsync(groupId, ct);
            if (Latest is null)
            {
                return NotFound();
            }

            Form = Form with { Version = Latest.Version };
            ModelState.AddModelError("", ConflictMessage);
            return await LoadHeadingAsync(db, ct) ? Page() : NotFound();
        }

        logger.LogInformation("Inequality group {GroupId} of cycle {CycleId} changed", group.Id, CycleId);
        TempData.SetSuccess("Your changes to the group were saved.");
        return RedirectToPage("/Cycles/NeedsAssessment/Inequalities/Index", new { cycleId = CycleId });
    }

    private Task<InequalityGroup?> FindAsync(Guid groupId, CancellationToken ct)
    {
        var cycleId = CycleId;
        return db.InequalityGroups.SingleOrDefaultAsync(g => g.Id == groupId && g.CycleId == cycleId, ct);
    }
}
