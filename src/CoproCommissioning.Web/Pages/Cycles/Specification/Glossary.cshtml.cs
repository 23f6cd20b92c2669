using CoproCommissioning.Domain.Specification;
using CoproCommissioning.Web.Infrastructure.Specification;

namespace CoproCommissioning.Web.Pages.Cycles.Specification;

/// <summary>
/// The cycle's glossary: agreed terms (marked in the specification) and suggestions waiting for a commissioner.
/// Anyone taking part can suggest a term; a commissioner's term is agreed at once.
/// </summary>
[CyclePermission(CycleOperation.View)]
public sealed class GlossaryModel(CoproDbContext db, TimeProvider clock, ILogger<GlossaryModel> logger) : SpecificationPageModel
{
    public const int PageSize = 50;

    [BindProperty]
    public GlossaryTermForm Form { get; set; } = new();

    public PageOf<TermRow> Agreed { get; private set; } = null!;

    public PageOf<TermRow> Suggested { get; private set; } = null!;

    public bool CanAdd { get; private set; }

    public async Task<IActionResult> OnGetAsync(int termsPage = 1, int suggestionsPage = 1, CancellationToken ct = default) =>
        await ShowAsync(termsPage, suggestionsPage, ct) ? Page() : NotFound();

    [CyclePermission(CycleOperation.Contribute)]
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var cycle = await LoadCycleAsync(db, forChange: false, ct);
        if (cycle is null)
        {
            return NotFound();
        }

        var others = await db.GlossaryTerms.AsNoTracking().Where(t => t.CycleId == CycleId).Select(t => t.Term).ToListAsync(ct);
        var now = clock.GetUtcNow();
        var outcome = GlossaryTerm.Add(cycle, others, Form.Term, Form.Meaning, UserId, Role, now);
        if (!outcome.Succeeded)
        {
            ModelState.AddErrors(outcome, nameof(Form));
            return await ShowPageAsync(ct);
        }

        // Someone adding the same term a moment before comes back as that rule, beside the term.
        db.GlossaryTerms.Add(outcome.Value);
        var saved = await SaveIntoStageAsync(db, cycle, now, ct);
        if (saved.Status == SaveStatus.Conflict)
        {
            ModelState.AddConcurrencyError();
        }

        if (!saved.Succeeded)
        {
            return await ShowPageAsync(ct);
        }

        logger.LogInformation("Glossary term {TermId} added to cycle {CycleId} as {Status}", outcome.Value.Id, CycleId, outcome.Value.Status);
        TempData.SetSuccess(outcome.Value.IsAgreed
            ? $"\u201c{outcome.Value.Term}\u201d added to the glossary. It is explained wherever it appears in the specification."
            : $"Thank you. \u201c{outcome.Value.Term}\u201d is suggested: a commissioner will agree it with the panel.");
        return Redirect(SpecificationUrls.Glossary(CycleId));
    }

    private async Task<IActionResult> ShowPageAsync(CancellationToken ct) => await ShowAsync(1, 1, ct) ? Page() : NotFound();

    private async Task<bool> ShowAsync(int page, int suggestionsPage, CancellationToken ct)
    {
        var cycle = await LoadCycleAsync(db, forChange: false, ct);
        if (cycle is null)
        {
            return false;
        }

        CanAdd = CyclePermissions.Allows(Role, CycleOperation.Contribute) && !IsFrozen;
        var terms = db.GlossaryTerms.AsNoTracking().Where(t => t.CycleId == CycleId).OrderBy(t => t.Term);
        Agreed = await terms.Where(t => t.Status == GlossaryTermStatus.Agreed)
            .Select(t => new TermRow(t.Id, t.Term, t.Meaning)).ToPageAsync(page, ct, PageSize);
        Suggested = await terms.Where(t => t.Status == GlossaryTermStatus.Proposed)
            .Select(t => new TermRow(t.Id, t.Term, t.Meaning)).ToPageAsync(suggestionsPage, ct, PageSize);
        return true;
    }

    public sealed record TermRow(Guid Id, string Term, string Meaning);
}
