using CoproCommissioning.Domain.Monitoring;

namespace CoproCommissioning.Web.Pages.Cycles.Monitoring.Reviews;

/// <summary>A commissioner corrects what was recorded about a review meeting; two people at once are told (R8).</summary>
[CyclePermission(CycleOperation.ManageCycle)]
public sealed class EditModel(CoproDbContext db, TimeProvider clock, ILogger<EditModel> logger) : ReviewsPageModel(db, clock)
{
    [BindProperty]
    public ReviewForm Form { get; set; } = new();

    public Review Review { get; private set; } = null!;

    /// <summary>After someone else changed the contract first: the review as it is saved now.</summary>
    public Review? Latest { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid reviewId, CancellationToken ct)
    {
        if (await LoadCycleAsync(Db, ct) is null
            || (Monitoring = await LoadMonitoringAsync(Db, forChange: false, ct)) is not { } monitoring
            || monitoring.FindReview(reviewId) is not { } review)
        {
            return NotFound();
        }

        Review = review;
        await LoadChoicesAsync(monitoring, review.PeriodIds, ct);
        Form = ReviewForm.From(review, Members, monitoring.Version);
        return Page();
    }

    [CyclePermission(CycleOperation.ManageCycle)]
    public async Task<IActionResult> OnPostAsync(Guid reviewId, CancellationToken ct)
    {
        if (await LoadCycleAsync(Db, ct) is not { } cycle
            || (Monitoring = await LoadMonitoringAsync(Db, forChange: true, ct)) is not { } monitoring
            || monitoring.FindReview(reviewId) is not { } review)
        {
            return NotFound();
        }

        Review = review;
        await LoadChoicesAsync(monitoring, [.. review.PeriodIds, .. Form.PeriodIds], ct);
        // People who took part and have since left the cycle aren't on the form: they stay on the record of the meeting.
        var kept = review.Participants.Where(p => Members.All(m => m.UserId != p.UserId)).ToList();
        if (await SaveAsync(cycle, monitoring, Form.Version, now => monitoring.ChangeReview(cycle, reviewId, Draft(Form, kept), UserId, Role, now), ct))
        {
            logger.LogInformation("Review {ReviewId} of the contract of cycle {CycleId} changed", reviewId, CycleId);
            TempData.SetSuccess("Your changes to the review were saved.");
            return Redirect(ReviewsUrls.Review(CycleId, reviewId));
        }

        if (HadConflict)
        {
            if (Monitoring?.FindReview(reviewId) is not { } latest)
            {
                return NotFound();
            }

            Latest = latest;
            Form = Form with { Version = Monitoring.Version };
        }

        return Page();
    }
}
