using System.Globalization;
using CoproCommissioning.Domain.Procurement;

namespace CoproCommissioning.Web.Pages.Cycles.Procurement;

/// <summary>
/// What adding and changing a criterion share: the form, what it may cite (the specification's sections and the
/// lived-experience input of the cycle), and saving with the procurement's and the cycle's version checks (R8).
/// </summary>
[CyclePermission(CycleOperation.ManageCycle)]
public abstract class CriterionPageModel(CoproDbContext db, TimeProvider clock) : ProcurementPageModel
{
    /// <summary>The most pieces of input offered to cite: the newest, so the form stays one a person can read.</summary>
    public const int MostInputOffered = 100;

    [BindProperty]
    public CriterionForm Form { get; set; } = new();

    public IReadOnlyList<Choice> Sections { get; private set; } = [];

    public IReadOnlyList<Choice> Input { get; private set; } = [];

    public bool HasProcurement { get; protected set; }

    protected CoproDbContext Db => db;

    /// <summary>Reads what the form cites and offers; the sets are what the domain accepts.</summary>
    protected async Task<CriterionCitations> LoadCitationsAsync(CancellationToken ct)
    {
        var sections = await db.Specifications.AsNoTracking()
            .Where(s => s.CycleId == CycleId)
            .SelectMany(s => s.Versions.OrderByDescending(v => v.Number).Take(1))
            .SelectMany(v => v.Sections)
            .OrderBy(x => x.Position)
            .Select(x => new { x.SectionId, x.Title })
            .ToListAsync(ct);
        var input = await db.Cycles.AsNoTracking()
            .Where(c => c.Id == CycleId)
            .SelectMany(c => c.Stages).SelectMany(s => s.Contributions)
            .Where(c => c.Voice == Voice.LivedExperience || c.Voice == Voice.Carer)
            .OrderByDescending(c => c.CreatedAt)
            .Take(MostInputOffered)
            .Select(c => new { c.Id, c.Summary, c.StageKind })
            .ToListAsync(ct);
        Sections = [.. sections.Select(s => new Choice(s.SectionId.ToString(), s.Title, Form.SectionIds.Contains(s.SectionId)))];
        Input = [.. input.Select(c => new Choice(c.Id.ToString(), c.Summary, Form.ShapedBy.Contains(c.Id), c.StageKind.ToTitle()))];
        return new CriterionCitations(sections.Select(s => s.SectionId).ToHashSet(), input.Select(c => c.Id).ToHashSet());
    }

    /// <summary>
    /// Loads the procurement for a change, applies <paramref name="change"/> and saves; on a refusal or a clash the page
    /// shows again with what was typed. Returns null when the change was saved.
    /// </summary>
    protected async Task<IActionResult?> ChangeAsync(
        Func<CycleProcurement, CommissioningCycle, CriterionCitations, DateTimeOffset, DomainOutcome> change, CancellationToken ct)
    {
        var cycle = await LoadCycleAsync(db, ct);
        if (cycle is null)
        {
            return NotFound();
        }

        var procurement = await LoadProcurementAsync(db, forChange: true, ct);
        var citations = await LoadCitationsAsync(ct);
        HasProcurement = procurement is not null;
        if (procurement is null)
        {
            return Page();
        }

        db.Entry(procurement).Property(p => p.Version).OriginalValue = Form.Version;
        if (!string.IsNullOrWhiteSpace(Form.Weight) && Form.WeightValue() is null)
        {
            ModelState.AddModelError("Form.Weight", "Enter the weight as a whole number of per cent, for example 15.");
        }

        var now = clock.GetUtcNow();
        var outcome = change(procurement, cycle, citations, now);
        ModelState.AddErrors(outcome, nameof(Form));
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var saved = await SaveIntoStageAsync(db, cycle, now, ct);
        if (saved.Status == SaveStatus.Conflict)
        {
            ModelState.AddConcurrencyError();
        }

        return saved.Succeeded ? null : Page();
    }
}

/// <summary>A criterion as typed; property names are the domain's fields. The weight is kept as typed.</summary>
public sealed record CriterionForm
{
    public string Name { get; init; } = "";

    public string Description { get; init; } = "";

    public CriterionKind? Kind { get; init; }

    public string Weight { get; init; } = "";

    public KeyCriterion? KeyCriterion { get; init; }

    public bool IsCoProduction { get; init; }

    public List<Guid> SectionIds { get; init; } = [];

    public List<Guid> ShapedBy { get; init; } = [];

    public uint Version { get; init; }

    public int? WeightValue() =>
        int.TryParse(Weight.Trim().TrimEnd('%'), NumberStyles.None, CultureInfo.InvariantCulture, out var weight) ? weight : null;

    public CriterionDraft ToDraft() => new(Name, Description, Kind, WeightValue(), KeyCriterion, IsCoProduction, SectionIds, ShapedBy);

    public static CriterionForm From(EvaluationCriterion criterion, uint version) => new()
    {
        Name = criterion.Name,
        Description = criterion.Description,
        Kind = criterion.Kind,
        Weight = criterion.Kind == CriterionKind.Scored ? criterion.Weight.ToString(CultureInfo.InvariantCulture) : "",
        KeyCriterion = criterion.KeyCriterion,
        IsCoProduction = criterion.IsCoProduction,
        SectionIds = [.. criterion.SectionIds],
        ShapedBy = [.. criterion.ShapedBy],
        Version = version,
    };
}
