using CoproCommissioning.Data;
using CoproCommissioning.Domain.Cycles;
using CoproCommissioning.Domain.Membership;
using CoproCommissioning.Domain.NeedsAssessment;
using CoproCommissioning.Web.Infrastructure.Authorization;
using CoproCommissioning.Web.Infrastructure.Pages;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CoproCommissioning.Web.Pages.Cycles.NeedsAssessment.Evidence;

/// <summary>A commissioner or the champion corrects a piece of evidence; two people editing at once are told (R8).</summary>
[CyclePermission(CycleOperation.LogOnBehalf)]
public sealed class EditModel(CoproDbContext db, IValidator<AddModel.Input> validator, TimeProvider clock, ILogger<EditModel> logger)
    : StageContentPageModel(StageKind.NeedsAssessment)
{
    public const string ConflictMessage =
        "Someone changed this evidence while you were editing. Your changes have not been saved: check the latest version, then save again.";

    [BindProperty]
    public AddModel.Input Form { get; set; } = new();

    /// <summary>What is saved now, shown after a conflict so the person can compare.</summary>
    public AddModel.Input? Latest { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid evidenceId, CancellationToken ct)
    {
        var evidence = await FindAsync(evidenceId, ct);
        if (evidence is null || !await LoadHeadingAsync(db, ct))
        {
            return NotFound();
        }

        Form = ToInput(evidence);
        return Page();
    }

    [CyclePermission(CycleOperation.LogOnBehalf)]
    public async Task<IActionResult> OnPostAsync(Guid evidenceId, CancellationToken ct)
    {
        var evidence = await FindAsync(evidenceId, ct);
        if (evidence is null)
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

        db.Entry(evidence).Property(e => e.Version).OriginalValue = Form.Version;
        var outcome = evidence.Revise(cycle, Form.Source, Form.Kind!.Value, Form.Summary, Form.Link, HttpContext.CycleMember().Role,
            clock.GetUtcNow());
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
            var latest = await FindAsync(evidenceId, ct);
            if (latest is null)
            {
                return NotFound();
            }

            Latest = ToInput(latest);
            Form = Form with { Version = latest.Version };
            ModelState.AddModelError("", ConflictMessage);
            return await LoadHeadingAsync(db, ct) ? Page() : NotFound();
        }

        logger.LogInformation("Evidence {EvidenceId} of cycle {CycleId} changed", evidence.Id, CycleId);
        TempData.SetSuccess("Your changes to this evidence were saved.");
        return RedirectToPage("/Cycles/NeedsAssessment/Evidence/Details", new { cycleId = CycleId, evidenceId });
    }

    private Task<EvidenceItem?> FindAsync(Guid evidenceId, CancellationToken ct)
    {
        var cycleId = CycleId;
        return db.EvidenceItems.SingleOrDefaultAsync(e => e.Id == evidenceId && e.CycleId == cycleId, ct);
    }

    private static AddModel.Input ToInput(EvidenceItem evidence) => new()
    {
        Source = evidence.Source,
        Kind = evidence.Kind,
        Summary = evidence.Summary,
        Link = evidence.Link ?? "",
        Version = evidence.Version,
    };
}
