using CoproCommissioning.Domain.Procurement;

namespace CoproCommissioning.Web.Pages.Cycles.Procurement.Panel;

/// <summary>
/// One evaluator, for a commissioner: the criteria they score, their evaluator training, their declaration of interests
/// (accepted here, after which they may read bids) and taking them off the panel before bidding opens. Each form is its
/// own handler; the evaluator is found within the procurement of the cycle in the address, so an id from another
/// cycle is not found.
/// </summary>
[CyclePermission(CycleOperation.ManageCycle)]
public sealed class EvaluatorModel(CoproDbContext db, TimeProvider clock, ILogger<EvaluatorModel> logger) : ProcurementPageModel
{
    public const string BriefedOnUnreadable = "The date the training was completed must be a real date, for example 27 3 2026.";

    [BindProperty]
    public AssignInput Assign { get; set; } = new();

    [BindProperty]
    public BriefingInput Briefing { get; set; } = new();

    public Evaluator Person { get; private set; } = null!;

    public string Name { get; private set; } = "";

    /// <summary>Their role in the cycle, or null when they are no longer a member.</summary>
    public string? MemberRole { get; private set; }

    public IReadOnlyList<EvaluationCriterion> Criteria { get; private set; } = [];

    public IReadOnlyList<ProviderOrganisation> Providers { get; private set; } = [];

    public string AcceptedBy { get; private set; } = "";

    public bool IsBiddingOpen { get; private set; }

    public string EvaluatorUrl => ProcurementUrls.Evaluator(CycleId, Person.Id);

    public async Task<IActionResult> OnGetAsync(Guid evaluatorId, CancellationToken ct)
    {
        if (await LoadCycleAsync(db, ct) is null
            || (await LoadProcurementAsync(db, forChange: false, ct))?.FindEvaluator(evaluatorId) is not { } evaluator)
        {
            return NotFound();
        }

        await ShowAsync(evaluator, ct);
        Assign = AssignInput.From(evaluator);
        Briefing = BriefingInput.From(evaluator);
        return Page();
    }

    [CyclePermission(CycleOperation.ManageCycle)]
    public Task<IActionResult> OnPostCriteriaAsync(Guid evaluatorId, CancellationToken ct) => ChangeAsync(
        evaluatorId,
        (procurement, cycle, now) => procurement.AssignCriteria(cycle, evaluatorId, Assign.CriterionIds, UserId, Role, now),
        nameof(Assign),
        name => $"The criteria {name} scores are saved.",
        ct);

    [CyclePermission(CycleOperation.ManageCycle)]
    public Task<IActionResult> OnPostBriefingAsync(Guid evaluatorId, CancellationToken ct)
    {
        DateOnly? briefedOn = null;
        if (Briefing.BriefedOn.TryGetDate(out var date))
        {
            briefedOn = date;
        }
        else if (!Briefing.BriefedOn.IsEmpty)
        {
            ModelState.AddModelError($"{nameof(Briefing)}.{nameof(BriefingInput.BriefedOn)}", BriefedOnUnreadable);
        }

        return ChangeAsync(
            evaluatorId,
            (procurement, cycle, now) => procurement.RecordBriefing(cycle, evaluatorId, briefedOn, Briefing.BriefedBy, UserId, Role, now),
            nameof(Briefing),
            name => $"The evaluator training of {name} is recorded.",
            ct);
    }

    [CyclePermission(CycleOperation.ManageCycle)]
    public Task<IActionResult> OnPostAcceptAsync(Guid evaluatorId, CancellationToken ct) => ChangeAsync(
        evaluatorId,
        (procurement, cycle, now) => procurement.AcceptDeclaration(cycle, evaluatorId, UserId, Role, now),
        "",
        name => $"The declaration of {name} is accepted. Once bidding closes they can read the bids it allows.",
        ct);

    [CyclePermission(CycleOperation.ManageCycle)]
    public Task<IActionResult> OnPostRemoveAsync(Guid evaluatorId, CancellationToken ct) => ChangeAsync(
        evaluatorId,
        (procurement, cycle, now) => procurement.RemoveEvaluator(cycle, evaluatorId, UserId, Role, now),
        "",
        name => $"{name} is no longer on the evaluation panel.",
        ct,
        toOverview: true);

    /// <summary>
    /// One form's change: the domain judges it, its refusals show beside that form's fields (typed values kept), and
    /// the other form shows what is saved.
    /// </summary>
    private async Task<IActionResult> ChangeAsync(
        Guid evaluatorId, Func<CycleProcurement, CommissioningCycle, DateTimeOffset, DomainOutcome> change, string prefix,
        Func<string, string> success, CancellationToken ct, bool toOverview = false)
    {
        var cycle = await LoadCycleAsync(db, ct);
        var procurement = cycle is null ? null : await LoadProcurementAsync(db, forChange: true, ct);
        if (procurement?.FindEvaluator(evaluatorId) is not { } evaluator)
        {
            return NotFound();
        }

        await ShowAsync(evaluator, ct);
        KeepOtherForms(evaluator, prefix);
        var now = clock.GetUtcNow();
        var outcome = change(procurement, cycle!, now);
        ModelState.AddErrors(outcome, prefix);
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
            if ((await LoadProcurementAsync(db, forChange: false, ct))?.FindEvaluator(evaluatorId) is not { } latest)
            {
                return NotFound();
            }

            await ShowAsync(latest, ct);
            KeepOtherForms(latest, prefix);
            return Page();
        }

        logger.LogInformation("Evaluator {EvaluatorId} of cycle {CycleId} changed", evaluatorId, CycleId);
        TempData.SetSuccess(success(Name));
        return Redirect(toOverview ? OverviewUrl : ProcurementUrls.Evaluator(CycleId, evaluatorId));
    }

    private void KeepOtherForms(Evaluator evaluator, string prefix)
    {
        if (prefix != nameof(Assign))
        {
            Assign = AssignInput.From(evaluator);
        }

        if (prefix != nameof(Briefing))
        {
            Briefing = BriefingInput.From(evaluator);
        }
    }

    private async Task ShowAsync(Evaluator evaluator, CancellationToken ct)
    {
        Person = evaluator;
        var procurement = await LoadProcurementAsync(db, forChange: false, ct);
        Criteria = procurement?.Criteria ?? [];
        IsBiddingOpen = procurement?.IsBiddingOpen ?? false;
        var members = await CycleMemberRow.LoadAsync(db, CycleId, UserId, ct);
        var names = await PeopleNames.LoadAsync(db, [evaluator.UserId, evaluator.DeclarationAcceptedByUserId], UserId, ct);
        var member = members.FirstOrDefault(m => m.UserId == evaluator.UserId);
        Name = member?.Name ?? names.Of(evaluator.UserId);
        MemberRole = member?.RoleInWords;
        AcceptedBy = evaluator.DeclarationAcceptedByUserId is { } by ? names.Of(by) : "";
        Providers = await ProviderOrganisation.LoadAsync(db, CycleId, ct);
    }

    public sealed record AssignInput
    {
        public List<Guid> CriterionIds { get; init; } = [];

        public static AssignInput From(Evaluator evaluator) => new() { CriterionIds = [.. evaluator.CriterionIds] };
    }

    public sealed record BriefingInput
    {
        public DateParts BriefedOn { get; init; } = new();

        public string BriefedBy { get; init => field = value ?? ""; } = "";

        public static BriefingInput From(Evaluator evaluator) => new()
        {
            BriefedOn = evaluator.BriefedOn is { } on ? DateParts.From(on) : new(),
            BriefedBy = evaluator.BriefedBy ?? "",
        };
    }
}
