using CoproCommissioning.Domain.Specification;
using CoproCommissioning.Web.Infrastructure.Specification;

namespace CoproCommissioning.Web.Pages.Cycles.Specification;

/// <summary>A commissioner agrees a suggested term (rewording it if needed), changes an agreed one, or removes it.</summary>
[CyclePermission(CycleOperation.ManageCycle)]
public sealed class GlossaryTermModel(CoproDbContext db, TimeProvider clock, ILogger<GlossaryTermModel> logger) : SpecificationPageModel
{
    [BindProperty]
    public GlossaryTermForm Form { get; set; } = new();

    /// <summary>The term's concurrency token when the form was shown (R8).</summary>
    [BindProperty]
    public uint SeenVersion { get; set; }

    public bool IsAgreed { get; private set; }

    /// <summary>After a clash: the wording someone else saved meanwhile.</summary>
    public GlossaryTermForm? Newer { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid termId, CancellationToken ct)
    {
        var term = await db.GlossaryTerms.AsNoTracking().SingleOrDefaultAsync(t => t.Id == termId && t.CycleId == CycleId, ct);
        if (term is null || await LoadCycleAsync(db, forChange: false, ct) is null)
        {
            return NotFound();
        }

        return ShowSaved(term);
    }

    [CyclePermission(CycleOperation.ManageCycle)]
    public async Task<IActionResult> OnPostAsync(Guid termId, CancellationToken ct)
    {
        var cycle = await LoadCycleAsync(db, forChange: false, ct);
        var term = await db.GlossaryTerms.SingleOrDefaultAsync(t => t.Id == termId && t.CycleId == CycleId, ct);
        if (cycle is null || term is null)
        {
            return NotFound();
        }

        IsAgreed = term.IsAgreed;
        var others = await db.GlossaryTerms.AsNoTracking()
            .Where(t => t.CycleId == CycleId && t.Id != termId).Select(t => t.Term).ToListAsync(ct);
        var now = clock.GetUtcNow();
        var outcome = term.Agree(cycle, others, Form.Term, Form.Meaning, UserId, Role, now);
        if (!outcome.Succeeded)
        {
            ModelState.AddErrors(outcome, nameof(Form));
            return Page();
        }

        db.Entry(term).Property(t => t.Version).OriginalValue = SeenVersion;
        var saved = await SaveIntoStageAsync(db, cycle, now, ct);
        if (saved.Status == SaveStatus.Conflict)
        {
            return await ClashAsync(termId, ct);
        }

        if (!saved.Succeeded)
        {
            return Page();
        }

        logger.LogInformation("Glossary term {TermId} of cycle {CycleId} agreed", termId, CycleId);
        TempData.SetSuccess($"\u201c{term.Term}\u201d is agreed. It is explained wherever it appears in the specification.");
        return Redirect(SpecificationUrls.Glossary(CycleId));
    }

    [CyclePermission(CycleOperation.ManageCycle)]
    public async Task<IActionResult> OnPostRemoveAsync(Guid termId, CancellationToken ct)
    {
        var cycle = await LoadCycleAsync(db, forChange: false, ct);
        var term = await db.GlossaryTerms.SingleOrDefaultAsync(t => t.Id == termId && t.CycleId == CycleId, ct);
        if (cycle is null || term is null)
        {
            return NotFound();
        }

        var removed = term.Remove(cycle, Role);
        if (!removed.Succeeded)
        {
            ModelState.AddErrors(removed, nameof(Form));
            return ShowSaved(term);
        }

        var saved = await SaveIntoStageAsync(db, cycle, clock.GetUtcNow(), ct);
        if (saved.Status == SaveStatus.Conflict)
        {
            ModelState.AddConcurrencyError();
        }

        if (!saved.Succeeded)
        {
            return ShowSaved(term);
        }

        logger.LogInformation("Glossary term {TermId} removed from cycle {CycleId}", termId, CycleId);
        TempData.SetSuccess($"\u201c{term.Term}\u201d removed from the glossary.");
        return Redirect(SpecificationUrls.Glossary(CycleId));
    }

    private IActionResult ShowSaved(GlossaryTerm term)
    {
        Form = GlossaryTermForm.From(term);
        SeenVersion = term.Version;
        IsAgreed = term.IsAgreed;
        return Page();
    }

    private async Task<IActionResult> ClashAsync(Guid termId, CancellationToken ct)
    {
        var latest = await db.GlossaryTerms.AsNoTracking().SingleOrDefaultAsync(t => t.Id == termId, ct);
        if (latest is null)
        {
            ModelState.AddModelError("", "Someone else removed this term while you were working on it.");
            return Page();
        }

        ModelState.AddModelError("", "Someone else changed this term while you were working on it. Their wording is shown below and yours is kept: check both and save again.");
        Newer = GlossaryTermForm.From(latest);
        ModelState.Remove(nameof(SeenVersion));
        SeenVersion = latest.Version;
        IsAgreed = latest.IsAgreed;
        return Page();
    }
}
