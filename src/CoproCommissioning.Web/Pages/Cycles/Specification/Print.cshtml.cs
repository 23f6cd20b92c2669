using CoproCommissioning.Domain.Specification;
using CoproCommissioning.Web.Infrastructure.Specification;
using Microsoft.AspNetCore.Html;

namespace CoproCommissioning.Web.Pages.Cycles.Specification;

/// <summary>
/// A version of the specification as a clean page to print or save as PDF: its sections, outcome framework and
/// glossary, and whether it is the approved, signed-off version. Comments and controls are left out.
/// </summary>
[CyclePermission(CycleOperation.View)]
public sealed class PrintModel(CoproDbContext db) : SpecificationPageModel
{
    public int Number { get; private set; }

    public DateTimeOffset SavedAt { get; private set; }

    public bool IsApproved { get; private set; }

    public DateTimeOffset? ApprovedAt { get; private set; }

    public IReadOnlyList<(SectionSnapshot Section, IHtmlContent Body)> Sections { get; private set; } = [];

    public IReadOnlyList<OutcomeSnapshot> Outcomes { get; private set; } = [];

    public IReadOnlyList<GlossaryEntry> Glossary { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int number, CancellationToken ct)
    {
        var cycle = await LoadCycleAsync(db, forChange: false, ct);
        var specification = cycle is null ? null : await LoadVersionsAsync(db, _ => [number], ct);
        var version = specification?.FindVersion(number);
        if (cycle is null || version is null)
        {
            return NotFound();
        }

        Number = version.Number;
        SavedAt = version.SavedAt;
        IsApproved = specification!.ApprovedVersionNumber == number;
        ApprovedAt = IsApproved && specification.ApprovalDecisionId is { } decisionId
            ? await db.Cycles.AsNoTracking()
                .Where(c => c.Id == CycleId)
                .SelectMany(c => c.Stages.SelectMany(s => s.Decisions))
                .Where(d => d.Id == decisionId)
                .Select(d => (DateTimeOffset?)d.DecidedAt)
                .SingleOrDefaultAsync(ct)
            : null;
        // On paper a meaning cannot appear on focus, so terms are listed at the end instead of marked.
        Sections = [.. version.Sections.Select(s => (s, SpecificationMarkdown.Render(s.Body)))];
        Outcomes = version.Outcomes;
        Glossary = [.. (await LoadGlossaryAsync(db, ct)).OrderBy(t => t.Term, StringComparer.CurrentCultureIgnoreCase)];
        return Page();
    }

    public string StatusWords => IsApproved && IsFrozen
        ? "Approved final specification. The specification stage is signed off."
        : IsApproved ? "Approved. The specification stage is not signed off yet." : "Draft: not approved.";
}
