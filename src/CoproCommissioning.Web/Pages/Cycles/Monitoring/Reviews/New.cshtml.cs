using CoproCommissioning.Domain.Monitoring;

namespace CoproCommissioning.Web.Pages.Cycles.Monitoring.Reviews;

/// <summary>A commissioner records a review meeting of the contract: when, who took part, the minutes and the periods it looked at.</summary>
[CyclePermission(CycleOperation.ManageCycle)]
public sealed class NewModel(CoproDbContext db, TimeProvider clock, ILogger<NewModel> logger) : ReviewsPageModel(db, clock)
{
    [BindProperty]
    public ReviewForm Form { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await LoadCycleAsync(Db, ct) is null)
        {
            return NotFound();
        }

        if ((Monitoring = await LoadMonitoringAsync(Db, forChange: false, ct)) is { } monitoring)
        {
            await LoadChoicesAsync(monitoring, [], ct);
            Form = new ReviewForm { HeldOn = DateParts.From(UkTime.Today(Clock.GetUtcNow())) };
        }

        return Page();
    }

    [CyclePermission(CycleOperation.ManageCycle)]
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await LoadCycleAsync(Db, ct) is not { } cycle)
        {
            return NotFound();
        }

        if ((Monitoring = await LoadMonitoringAsync(Db, forChange: true, ct)) is not { } monitoring)
        {
            return Page();
        }

        await LoadChoicesAsync(monitoring, Form.PeriodIds, ct);
        Review? recorded = null;
        var saved = await SaveAsync(cycle, monitoring, null, now =>
        {
            var outcome = monitoring.RecordReview(cycle, Draft(Form), UserId, Role, now);
            recorded = outcome.Succeeded ? outcome.Value : null;
            return outcome;
        }, ct);
        if (!saved || recorded is null)
        {
            return Page();
        }

        logger.LogInformation("Review {ReviewId} of the contract of cycle {CycleId} recorded", recorded.Id, CycleId);
        TempData.SetSuccess($"Review recorded: held on {UkTime.Date(recorded.HeldOn)}. Record the decision it ended in below.");
        return Redirect(ReviewsUrls.Review(CycleId, recorded.Id));
    }
}
