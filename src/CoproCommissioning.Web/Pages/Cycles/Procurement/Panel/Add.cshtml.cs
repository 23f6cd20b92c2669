using CoproCommissioning.Domain.Procurement;

namespace CoproCommissioning.Web.Pages.Cycles.Procurement.Panel;

/// <summary>
/// A commissioner adds a member of the cycle to the evaluation panel, with what they bring and the criteria they will
/// score. The person is chosen by membership, so their role in the cycle is read here from the membership, never
/// taken from the form; providers are not offered (they may bid), and the domain refuses one named by a crafted post.
/// </summary>
[CyclePermission(CycleOperation.ManageCycle)]
public sealed class AddModel(CoproDbContext db, TimeProvider clock, ILogger<AddModel> logger) : ProcurementPageModel
{
    [BindProperty]
    public Input Form { get; set; } = new();

    /// <summary>False until a route is recorded: the procurement, and so its panel, starts with the route.</summary>
    public bool HasProcurement { get; private set; }

    /// <summary>Members who could evaluate and are not on the panel yet.</summary>
    public IReadOnlyList<CycleMemberRow> Candidates { get; private set; } = [];

    public IReadOnlyList<EvaluationCriterion> Criteria { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await LoadCycleAsync(db, ct) is null)
        {
            return NotFound();
        }

        await ShowAsync(await LoadProcurementAsync(db, forChange: false, ct), ct);
        return Page();
    }

    [CyclePermission(CycleOperation.ManageCycle)]
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var cycle = await LoadCycleAsync(db, ct);
        if (cycle is null)
        {
            return NotFound();
        }

        var procurement = await LoadProcurementAsync(db, forChange: true, ct);
        var members = await ShowAsync(procurement, ct);
        if (procurement is null)
        {
            return Page();
        }

        var member = members.Find(Form.MemberId);
        var now = clock.GetUtcNow();
        // Someone not found among this cycle's members goes to the domain as no member at all, so the refusal and its
        // words are the domain's; their account is never looked up.
        var outcome = procurement.AddEvaluator(cycle, member?.UserId ?? NoMember, member?.Role, Form.Role, Form.CriterionIds,
            UserId, Role, now);
        ModelState.AddErrors(ForThisForm(outcome.Refusals), nameof(Form));
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var saved = await SaveIntoStageAsync(db, cycle, now, ct);
        if (saved.Status == SaveStatus.Conflict)
        {
            ModelState.AddConcurrencyError();
        }

        if (!saved.Succeeded)
        {
            await ShowAsync(await LoadProcurementAsync(db, forChange: false, ct), ct);
            return Page();
        }

        logger.LogInformation("Evaluator {EvaluatorId} added to the panel of cycle {CycleId}", outcome.Value.Id, CycleId);
        TempData.SetSuccess($"{member!.Name} is on the evaluation panel as {PanelLabels.AsA(outcome.Value.Role)}.");
        return Redirect(OverviewUrl);
    }

    private const string NoMember = "no-member";

    /// <summary>The domain names the person "UserId"; this form chooses them by membership, so the message goes there.</summary>
    internal static IEnumerable<Refusal> ForThisForm(IEnumerable<Refusal> refusals) =>
        refusals.Select(r => r.Field == "UserId" ? r with { Field = nameof(Input.MemberId) } : r);

    /// <summary>Reads what the form offers; returns every member of the cycle, to find the one chosen.</summary>
    private async Task<IReadOnlyList<CycleMemberRow>> ShowAsync(CycleProcurement? procurement, CancellationToken ct)
    {
        HasProcurement = procurement is not null;
        if (procurement is null)
        {
            return [];
        }

        var members = await CycleMemberRow.LoadAsync(db, CycleId, UserId, ct);
        Candidates = [.. members.Where(m => PanelLabels.Roles.Any(r => CycleProcurement.Suits(r, m.Role)) && procurement.EvaluatorFor(m.UserId) is null)];
        Criteria = procurement.Criteria;
        return members;
    }

    public sealed record Input
    {
        /// <summary>The person, by <see cref="CycleMemberRow.MemberId"/>.</summary>
        public Guid? MemberId { get; init; }

        public EvaluatorRole? Role { get; init; }

        public List<Guid> CriterionIds { get; init; } = [];
    }
}
