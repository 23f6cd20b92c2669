using CoproCommissioning.Domain.Specification;

namespace CoproCommissioning.Web.Pages.Cycles.Specification;

/// <summary>The co-produced outcome framework in the latest version: "I" statements, how each is measured and rated.</summary>
[CyclePermission(CycleOperation.View)]
public sealed class OutcomesModel(CoproDbContext db) : SpecificationPageModel
{
    public bool HasSpecification { get; private set; }

    public int LatestVersion { get; private set; }

    public IReadOnlyList<OutcomeEntry> Outcomes { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var cycle = await LoadCycleAsync(db, forChange: false, ct);
        if (cycle is null)
        {
            return NotFound();
        }

        var specification = await LoadSpecificationAsync(db, forChange: false, ct);
        if (specification is null)
        {
            return Page();
        }

        HasSpecification = true;
        LatestVersion = specification.Latest.Number;
        var comments = cycle.StageOf(StageKind.Specification).Contributions
            .Where(c => c.TargetKind == TargetKind.SpecificationOutcome && c.TargetId is not null)
            .Select(c => c.TargetId!.Value)
            .ToList();
        Outcomes = [.. specification.Latest.Outcomes.Select(o => new OutcomeEntry(
            o,
            SpecificationText.ChangeNote(specification, o, cycle),
            specification.HistoryOfOutcome(o.OutcomeId).Sum(h => comments.Count(id => id == h.Id))))];
        return Page();
    }

    public sealed record OutcomeEntry(OutcomeSnapshot Outcome, string ChangeNote, int CommentCount);
}
