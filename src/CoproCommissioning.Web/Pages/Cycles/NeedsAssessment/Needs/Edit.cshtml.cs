using CoproCommissioning.Data;
using CoproCommissioning.Domain.Cycles;
using CoproCommissioning.Domain.Membership;
using CoproCommissioning.Domain.NeedsAssessment;
using CoproCommissioning.Web.Infrastructure.Authorization;
using CoproCommissioning.Web.Infrastructure.Pages;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CoproCommissioning.Web.Pages.Cycles.NeedsAssessment.Needs;

/// <summary>A commissioner or the champion changes a need, its priority or its evidence; two people at once are told (R8).</summary>
[CyclePermission(CycleOperation.LogOnBehalf)]
public sealed class EditModel(CoproDbContext db, IValidator<AddModel.Input> validator, TimeProvider clock, ILogger<EditModel> logger)
    : StageContentPageModel(StageKind.NeedsAssessment)
{
    public const string ConflictMessage =
        "Someone changed this need while you were editing. Your changes have not been saved: check the latest version, then save again.";

    [BindProperty]
    public AddModel.Input Form { get; set; } = new();

    public IReadOnlyList<AddModel.EvidenceOption> EvidenceOptions { get; private set; } = [];

    /// <summary>What is saved now, shown after a conflict so the person can compare.</summary>
    public IdentifiedNeed? Latest { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid needId, CancellationToken ct)
    {
        var need = await FindAsync(needId, ct);
        if (need is null || !await LoadAsync(ct))
        {
            return NotFound();
        }

        Form = new AddModel.Input
        {
            Statement = need.Statement,
            Priority = need.Priority,
            EvidenceIds = [.. need.SupportingEvidence.Select(s => s.EvidenceItemId)],
            Version = need.Version,
        };
        return Page();
    }

    [CyclePermission(CycleOperation.LogOnBehalf)]
    public async Task<IActionResult> OnPostAsync(Guid needId, CancellationToken ct)
    {
        var need = await FindAsync(needId, ct);
        if (need is null)
        {
            return NotFound();
        }

        var check = await validator.ValidateAsync(Form, ct);
        if (!check.IsValid)
        {
            ModelState.AddErrors(check, nameof(Form));
            return await LoadAsync(ct) ? Page() : NotFound();
        }

        var cycle = await LoadCycleAsync(db, ct);
        if (cycle is null)
        {
            return NotFound();
        }

        var evidence = await AddModel.FindEvidenceAsync(db, CycleId, Form.EvidenceIds, ct);
        if (evidence is null)
        {
            ModelState.AddModelError("Form.EvidenceIds", AddModel.UnknownEvidenceMessage);
            return await LoadAsync(ct) ? Page() : NotFound();
        }

        db.Entry(need).Property(n => n.Version).OriginalValue = Form.Version;
        var outcome = need.Revise(cycle, Form.Statement, Form.Priority!.Value, evidence, HttpContext.CycleMember().Role, clock.GetUtcNow());
        if (!outcome.Succeeded)
        {
            ModelState.AddErrors(outcome.Refusals, AddModel.FieldsByCode);
            return await LoadAsync(ct) ? Page() : NotFound();
        }

        // Changing only the evidence list touches only the link rows: bump the need's own row too, so its
        // version (xmin) changes and the check above covers every part of the need.
        db.Entry(need).Property(n => n.Statement).IsModified = true;
        var saved = await SaveStageContentAsync(db, cycle, clock.GetUtcNow(), ct, reportConflict: false);
        if (saved == StageContentSave.StageSignedOff)
        {
            return await LoadAsync(ct) ? Page() : NotFound();
        }

        if (saved == StageContentSave.Conflict)
        {
            Latest = await FindAsync(needId, ct);
            if (Latest is null)
            {
                return NotFound();
            }

            Form = Form with { Version = Latest.Version };
            ModelState.AddModelError("", ConflictMessage);
            return await LoadAsync(ct) ? Page() : NotFound();
        }

        logger.LogInformation("Need {NeedId} of cycle {CycleId} changed", need.Id, CycleId);
        TempData.SetSuccess("Your changes to the need were saved.");
        return RedirectToPage("/Cycles/NeedsAssessment/Needs/Index", new { cycleId = CycleId });
    }

    private Task<IdentifiedNeed?> FindAsync(Guid needId, CancellationToken ct)
    {
        var cycleId = CycleId;
        return db.IdentifiedNeeds.SingleOrDefaultAsync(n => n.Id == needId && n.CycleId == cycleId, ct);
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        EvidenceOptions = await AddModel.EvidenceOptionsAsync(db, CycleId, ct);
        return await LoadHeadingAsync(db, ct);
    }
}
