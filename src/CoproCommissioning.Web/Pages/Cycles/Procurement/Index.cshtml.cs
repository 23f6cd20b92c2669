using CoproCommissioning.Domain.Procurement;
using CoproCommissioning.Web.Pages.Cycles.CoDesign;

namespace CoproCommissioning.Web.Pages.Cycles.Procurement;

/// <summary>
/// The procurement stage at a glance: the route and why, the evaluation criteria with their weights, the scoring scale,
/// the evaluation panel (not shown to providers, who may bid) and what still stops bidding opening.
/// </summary>
[CyclePermission(CycleOperation.View)]
public sealed class IndexModel(CoproDbContext db, TimeProvider clock, ILogger<IndexModel> logger) : ProcurementPageModel
{
    public CycleProcurement? Procurement { get; private set; }

    public PeopleNames Names { get; private set; } = PeopleNames.None;

    public IReadOnlyList<Refusal> BiddingBlockers { get; private set; } = [];

    /// <summary>Providers may bid, so they are not told who evaluates.</summary>
    public bool SeesPanel => Role != CycleRole.Provider;

    public Evaluator? Me { get; private set; }

    /// <summary>Whether the deadline for bids has passed, so bids can be read, scored and moderated.</summary>
    public bool IsPastDeadline { get; private set; }

    public bool HasStandstillEnded { get; private set; }

    /// <summary>The organisations the award names, by name.</summary>
    public IReadOnlyList<string> AwardedTo { get; private set; } = [];

    public bool IsProvider => CyclePermissions.Allows(Role, CycleOperation.SubmitBid);

    [BindProperty]
    public BiddingForm Bidding { get; set; } = new();

    [BindProperty]
    public AssessmentForm Assessment { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await LoadCycleAsync(db, ct) is null)
        {
            return NotFound();
        }

        await ShowAsync(ct);
        return Page();
    }

    /// <summary>Starts the criteria from the Provider Selection Regime's key criteria and a co-production criterion.</summary>
    [CyclePermission(CycleOperation.ManageCycle)]
    public Task<IActionResult> OnPostStartingSetAsync(CancellationToken ct) => ChangeAsync(
        (procurement, cycle, now) => procurement.AddStartingSet(cycle, UserId, Role, now),
        "The starting criteria are added. Rewrite them with the panel, and keep the weights at 100%.",
        formPrefix: "",
        ct);

    [CyclePermission(CycleOperation.ManageCycle)]
    public Task<IActionResult> OnPostOpenBiddingAsync(CancellationToken ct) => ChangeAsync(
        (procurement, cycle, now) =>
        {
            if (!Bidding.Deadline.IsEmpty && !Bidding.Deadline.TryGetDate(out _))
            {
                ModelState.AddModelError("Bidding.Deadline", "Enter a real date, for example 27 3 2027.");
            }

            var deadline = Bidding.Deadline.TryGetDate(out var date) && CoDesignLabels.TryParseTime(Bidding.DeadlineTime, out var time)
                ? UkTime.StartOfDay(date).Add(time.ToTimeSpan()).ToUniversalTime()
                : (DateTimeOffset?)null;
            return procurement.OpenBidding(cycle, deadline, UserId, Role, now);
        },
        "Bidding is open. Nobody can read a bid until the deadline has passed.",
        nameof(Bidding),
        ct);

    /// <summary>Under the Procurement Act 2023, the authority's conflicts of interest assessment, before bidding opens.</summary>
    [CyclePermission(CycleOperation.ManageCycle)]
    public Task<IActionResult> OnPostConflictsAssessmentAsync(CancellationToken ct) => ChangeAsync(
        (procurement, cycle, now) => procurement.RecordConflictsAssessment(cycle, Assessment.ConflictsAssessment, UserId, Role, now),
        "The conflicts of interest assessment is recorded.",
        nameof(Assessment),
        ct);

    /// <summary>One change from a form on the overview; its refusals go beside the fields of the form named <paramref name="formPrefix"/>.</summary>
    private async Task<IActionResult> ChangeAsync(
        Func<CycleProcurement, CommissioningCycle, DateTimeOffset, DomainOutcome> change, string success, string formPrefix, CancellationToken ct)
    {
        var cycle = await LoadCycleAsync(db, ct);
        if (cycle is null)
        {
            return NotFound();
        }

        var procurement = await LoadProcurementAsync(db, forChange: true, ct);
        if (procurement is null)
        {
            ModelState.AddModelError("", ProcurementRules.RouteNotRecorded.Message);
            await ShowAsync(ct);
            return Page();
        }

        var now = clock.GetUtcNow();
        var outcome = change(procurement, cycle, now);
        if (outcome.Succeeded && ModelState.IsValid)
        {
            var saved = await SaveIntoStageAsync(db, cycle, now, ct);
            if (saved.Succeeded)
            {
                logger.LogInformation("Procurement of cycle {CycleId} changed", CycleId);
                TempData.SetSuccess(success);
                return Redirect(OverviewUrl);
            }

            if (saved.Status == SaveStatus.Conflict)
            {
                ModelState.AddConcurrencyError();
            }
        }
        else
        {
            ModelState.AddErrors(outcome, formPrefix);
        }

        db.ChangeTracker.Clear();
        await ShowAsync(ct);
        return Page();
    }

    private async Task ShowAsync(CancellationToken ct)
    {
        Procurement = await LoadProcurementAsync(db, forChange: false, ct);
        if (Procurement is null)
        {
            return;
        }

        BiddingBlockers = Procurement.IsBiddingOpen ? [] : Procurement.BiddingBlockers();
        Me = Procurement.EvaluatorFor(UserId);
        var now = clock.GetUtcNow();
        IsPastDeadline = Procurement.IsPastDeadline(now);
        HasStandstillEnded = Procurement.HasStandstillEnded(now);
        var awarded = Procurement.AwardedOrganisationIds;
        AwardedTo = awarded.Count == 0 ? [] : await db.Organisations.AsNoTracking()
            .Where(o => awarded.Contains(o.Id)).OrderBy(o => o.Name).Select(o => o.Name).ToListAsync(ct);
        Names = await PeopleNames.LoadAsync(db, [.. Procurement.Evaluators.Select(e => e.UserId), Procurement.RouteChosenByUserId], UserId, ct);
    }

    public sealed record AssessmentForm
    {
        public string ConflictsAssessment { get; init; } = "";
    }

    public sealed record BiddingForm
    {
        public DateParts Deadline { get; init; } = new();

        public string DeadlineTime { get; init; } = "12pm";
    }
}
