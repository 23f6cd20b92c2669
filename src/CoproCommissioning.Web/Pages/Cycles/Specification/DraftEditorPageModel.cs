using CoproCommissioning.Domain.Specification;

namespace CoproCommissioning.Web.Pages.Cycles.Specification;

/// <summary>
/// A page that saves the draft as a new version (the sections editor, the outcome editor): the one shape of check →
/// save → clash. Every refusal comes back at once, beside its field. If someone else saved a version meanwhile, or
/// the same version number a moment before, nothing is saved and the page shows theirs with what this person typed
/// kept (R8); a sign-off that won the race is explained on the form.
/// </summary>
public abstract class DraftEditorPageModel(CoproDbContext db, TimeProvider clock) : SpecificationPageModel
{
    protected CoproDbContext Db => db;

    public bool HasSpecification => LatestVersion > 0;

    /// <summary>The latest saved version; 0 when there is no draft yet.</summary>
    public int LatestVersion { get; private set; }

    /// <summary>Sets what the page shows besides the form, for this cycle and specification (null before the first draft).</summary>
    protected abstract Task ShowAsync(CommissioningCycle cycle, ServiceSpecification? specification, CancellationToken ct);

    /// <summary>Refusals beside the fields they concern.</summary>
    protected abstract void PlaceRefusals(DomainOutcome refused);

    /// <summary>After a clash: what this person typed, to be saved on top of <paramref name="latest"/> (null if there is none).</summary>
    protected abstract void KeepTypedOver(SpecificationVersion? latest);

    protected async Task<IActionResult> ShowPageAsync(CommissioningCycle cycle, ServiceSpecification? specification, CancellationToken ct)
    {
        LatestVersion = specification?.Latest.Number ?? 0;
        await ShowAsync(cycle, specification, ct);
        return Page();
    }

    /// <summary>
    /// Saves <paramref name="draft"/> as the version after <paramref name="basedOnVersion"/> (the first draft when there is
    /// no specification yet), or shows the form again with what to fix. Answers that could not be read are already on
    /// the form; the domain still judges the rest, so every message shows at once.
    /// </summary>
    protected async Task<IActionResult> SaveVersionAsync(
        CommissioningCycle cycle, ServiceSpecification? specification, int basedOnVersion, VersionDraft draft,
        Func<SpecificationVersion, IActionResult> saved, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var started = specification is null ? ServiceSpecification.Start(cycle, draft, UserId, Role, now) : null;
        var outcome = started is null
            ? specification!.SaveVersion(cycle, basedOnVersion, draft, UserId, Role, now)
            : started.Succeeded ? DomainOutcome.Success(started.Value.Latest) : DomainOutcome.Refused<SpecificationVersion>(started.Refusals);
        if (outcome.BrokenRules.Contains(SpecificationRules.DraftChanged))
        {
            return await ClashAsync(ct);
        }

        PlaceRefusals(outcome);
        if (!ModelState.IsValid)
        {
            return await ShowPageAsync(cycle, specification, ct);
        }

        if (started is not null)
        {
            db.Specifications.Add(started.Value);
        }

        var stored = await SaveIntoStageAsync(db, cycle, now, ct);
        if (stored.Status == SaveStatus.Conflict)
        {
            return await ClashAsync(ct);
        }

        return stored.Succeeded
            ? saved(outcome.Value)
            : await ShowPageAsync((await LoadCycleAsync(db, forChange: false, ct))!, await LoadLatestAsync(db, ct), ct);
    }

    private async Task<IActionResult> ClashAsync(CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var cycle = await LoadCycleAsync(db, forChange: false, ct);
        var latest = await LoadLatestAsync(db, ct);
        ModelState.AddModelError("", SpecificationRules.DraftChanged.Message);
        ModelState.Remove("Form.BasedOnVersion");
        KeepTypedOver(latest?.Latest);
        return await ShowPageAsync(cycle!, latest, ct);
    }
}
