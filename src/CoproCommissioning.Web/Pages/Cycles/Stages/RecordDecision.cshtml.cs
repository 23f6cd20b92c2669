using CoproCommissioning.Web.Pages.Cycles.Monitoring.Reviews;

namespace CoproCommissioning.Web.Pages.Cycles.Stages;

/// <summary>Records a decision in a stage: its mode, rationale, ladder rung, who took part and the input that shaped it (R2).</summary>
[CyclePermission(CycleOperation.RecordDecision)]
public sealed class RecordDecisionModel(CoproDbContext db, TimeProvider clock, ILogger<RecordDecisionModel> logger)
    : DecisionFormPageModel(db, clock)
{
    public DecisionForm.Choices Choices { get; private set; } = null!;

    /// <summary>
    /// The monitoring review the decision is recorded for, when the commissioner came from one: the page goes back to it
    /// with the new decision chosen, since a review ends in a decision of its stage. Only ever an address in this cycle.
    /// </summary>
    public string? ReviewAddress { get; private set; }

    public async Task<IActionResult> OnGetAsync([FromQuery] Guid? review, CancellationToken ct)
    {
        ReviewAddress = ReviewAddressFor(review);
        if (await LoadCycleAsync(forChange: false, ct) is not { } cycle)
        {
            return NotFound();
        }

        await ShowAsync(cycle, ct);
        Form = new DecisionForm.Input
        {
            DecidedOn = DateParts.From(UkTime.Today(Clock.GetUtcNow())),
            Mode = Choices.ClinicallyLedOnly ? DecisionMode.ClinicallyLed : null,
        };
        return Page();
    }

    [CyclePermission(CycleOperation.RecordDecision)]
    public Task<IActionResult> OnPostAsync([FromQuery] Guid? review, CancellationToken ct)
    {
        ReviewAddress = ReviewAddressFor(review);
        return ChangeAsync(
            (cycle, now) => cycle.RecordDecision(Stage, Details(Choices), User.UserId(), Member.Role, now),
            decision =>
            {
                logger.LogInformation("Decision {DecisionId} recorded in {Stage} of cycle {CycleId}", decision.Id, Stage, CycleId);
                TempData.SetSuccess($"Decision recorded: {decision.Title}");
                return ReviewAddress is null
                    ? RedirectToWorkspace($"decision-{decision.Id}")
                    : Redirect($"{ReviewAddress}?decision={decision.Id}#record-decision");
            },
            ct);
    }

    private string? ReviewAddressFor(Guid? review) =>
        review is { } reviewId && Stage == StageKind.Monitoring ? ReviewsUrls.Review(CycleId, reviewId) : null;

    protected override async Task<bool> ShowAsync(CommissioningCycle cycle, CancellationToken ct)
    {
        Choices = await LoadChoicesAsync(cycle, ct);
        return await base.ShowAsync(cycle, ct);
    }
}
