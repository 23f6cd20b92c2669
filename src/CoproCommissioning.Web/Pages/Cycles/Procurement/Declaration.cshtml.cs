using CoproCommissioning.Domain.Procurement;
using CoproCommissioning.Web.Pages.Cycles.Procurement.Panel;

namespace CoproCommissioning.Web.Pages.Cycles.Procurement;

/// <summary>
/// An evaluator declares their own interests before anyone sees a bid. Any member may be an evaluator, so the page
/// needs only to view the cycle; the evaluator is the signed-in person, found on the server, and anyone not on the
/// panel is answered as if the page were not there.
/// </summary>
[CyclePermission(CycleOperation.View)]
public sealed class DeclarationModel(CoproDbContext db, TimeProvider clock, ILogger<DeclarationModel> logger) : ProcurementPageModel
{
    public const string UnknownProviderMessage = "Choose providers from the list. A provider you chose is no longer a member of this cycle.";

    [BindProperty]
    public Input Form { get; set; } = new();

    public Evaluator Person { get; private set; } = null!;

    public IReadOnlyList<ProviderOrganisation> Providers { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await LoadCycleAsync(db, ct) is null || (await LoadProcurementAsync(db, forChange: false, ct))?.EvaluatorFor(UserId) is not { } evaluator)
        {
            return NotFound();
        }

        await ShowAsync(evaluator, ct);
        Form = Input.From(evaluator);
        return Page();
    }

    [CyclePermission(CycleOperation.View)]
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var cycle = await LoadCycleAsync(db, ct);
        var procurement = cycle is null ? null : await LoadProcurementAsync(db, forChange: true, ct);
        if (procurement?.EvaluatorFor(UserId) is not { } evaluator)
        {
            return NotFound();
        }

        await ShowAsync(evaluator, ct);
        if (Form.RestrictedOrganisationIds.Any(id => Providers.All(p => p.Id != id)))
        {
            ModelState.AddModelError($"{nameof(Form)}.{nameof(Input.RestrictedOrganisationIds)}", UnknownProviderMessage);
        }

        var now = clock.GetUtcNow();
        var draft = new DeclarationDraft(Form.HasInterest, Form.Interest, Form.Action, Form.RestrictedOrganisationIds);
        var outcome = procurement.Declare(cycle!, evaluator.Id, draft, UserId, now);
        ModelState.AddErrors(outcome, nameof(Form));
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var saved = await SaveIntoStageAsync(db, cycle!, now, ct);
        if (saved.Status == SaveStatus.Conflict)
        {
            ModelState.AddConcurrencyError();
        }

        if (!saved.Succeeded)
        {
            if ((await LoadProcurementAsync(db, forChange: false, ct))?.EvaluatorFor(UserId) is not { } latest)
            {
                return NotFound();
            }

            await ShowAsync(latest, ct);
            return Page();
        }

        logger.LogInformation("Evaluator {EvaluatorId} of cycle {CycleId} declared their interests", evaluator.Id, CycleId);
        TempData.SetSuccess("Your declaration is saved. A commissioner will check it. Bids stay closed to you until they accept it.");
        return Redirect(ProcurementUrls.Declaration(CycleId));
    }

    private async Task ShowAsync(Evaluator evaluator, CancellationToken ct)
    {
        Person = evaluator;
        Providers = await ProviderOrganisation.LoadAsync(db, CycleId, ct);
    }

    /// <summary>The declaration's answers, named as the domain names them so each refusal shows beside its answer.</summary>
    public sealed record Input
    {
        public bool? HasInterest { get; init; }

        public string Interest { get; init => field = value ?? ""; } = "";

        public ConflictAction? Action { get; init; }

        public List<Guid> RestrictedOrganisationIds { get; init; } = [];

        public static Input From(Evaluator evaluator) => new()
        {
            HasInterest = evaluator.HasInterest,
            Interest = evaluator.Interest ?? "",
            Action = evaluator.Action,
            RestrictedOrganisationIds = [.. evaluator.RestrictedOrganisationIds],
        };
    }
}
