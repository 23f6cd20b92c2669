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

        var specification = await LoadLatestAsync(db, ct);
        if (specification is null)
        {
            return Page();
        }

        HasSpecification = true;
        LatestVersion = specification.Latest.Number;
        var outcomes = specification.Latest.Outcomes;
        var notes = await SpecificationReads.ChangeNotesAsync(db, CycleId, [.. outcomes.Select(o => (o.OutcomeId, o.ChangedInVersion))], ct);
        var comments = await SpecificationReads.CommentCountsAsync(db, CycleId, cycle.StageOf(StageKind.Specification), ct);
        Outcomes = [.. outcomes.Select(o => new OutcomeEntry(o, notes.For(o.OutcomeId, o.ChangedInVersion), comments.GetValueOrDefault(o.OutcomeId)))];
        return Page();
    }

    public sealed record OutcomeEntry(OutcomeSnapshot Outcome, string ChangeNote, int CommentCount);
}
