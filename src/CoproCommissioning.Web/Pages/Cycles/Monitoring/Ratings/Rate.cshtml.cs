using CoproCommissioning.Domain.Monitoring;

namespace CoproCommissioning.Web.Pages.Cycles.Monitoring.Ratings;

/// <summary>
/// A panel member gives their own ratings of the outcomes for a period, or changes them (ratings logged on their behalf
/// included: they are the member's): for each outcome a level, with what each level means for it, and what it's like in
/// their own words, shared with everyone or with the commissioning team only.
/// </summary>
[CyclePermission(CycleOperation.GiveLivedExperienceInput)]
public sealed class RateModel(CoproDbContext db, TimeProvider clock, ILogger<RateModel> logger) : RatingFormPageModel(db, clock)
{
    /// <summary>The member's ratings for the period; null until they give them.</summary>
    public PanelRating? Own { get; private set; }

    public PeopleNames Names { get; private set; } = PeopleNames.None;

    public async Task<IActionResult> OnGetAsync(Guid periodId, CancellationToken ct)
    {
        if (await LoadAsync(periodId, forChange: false, ct) is { } elsewhere)
        {
            return elsewhere;
        }

        if (Own is not null)
        {
            Form = RatingForm.From(Own);
        }

        return Page();
    }

    [CyclePermission(CycleOperation.GiveLivedExperienceInput)]
    public async Task<IActionResult> OnPostAsync(Guid periodId, CancellationToken ct)
    {
        if (await LoadAsync(periodId, forChange: true, ct) is { } elsewhere)
        {
            return elsewhere;
        }

        var now = Clock.GetUtcNow();
        PanelRating rating;
        if (Own is null)
        {
            var given = PanelRating.Give(Cycle, Monitoring, Period.Id, Draft(), memberHasRating: false, UserId, Role, now);
            AddRefusals(given);
            if (!given.Succeeded)
            {
                return await ShowAgainAsync(periodId, ct);
            }

            rating = given.Value;
        }
        else
        {
            Db.Entry(Own).Property(r => r.Version).OriginalValue = Form.Version;
            AddRefusals(Own.Revise(Cycle, Monitoring, Draft(), gathered: null, UserId, Role, now));
            rating = Own;
        }

        if (!ModelState.IsValid || !await TrySaveAsync(rating, isNew: Own is null, now, ct))
        {
            return await ShowAgainAsync(periodId, ct);
        }

        logger.LogInformation("Panel rating {RatingId} for period {PeriodId} of cycle {CycleId} saved by its member", rating.Id, Period.Id, CycleId);
        TempData.SetSuccess($"Your ratings for period {Period.Number} are saved. Thank you: the commissioning team reads them beside the providers' own.");
        return Redirect(MonitoringUrls.Ratings(CycleId));
    }

    /// <summary>The form again as typed, with the version of the ratings as saved now, so saving again is deliberate.</summary>
    private async Task<IActionResult> ShowAgainAsync(Guid periodId, CancellationToken ct)
    {
        Db.ChangeTracker.Clear();
        if (await LoadAsync(periodId, forChange: false, ct) is { } elsewhere)
        {
            return elsewhere;
        }

        Form = Form with { Version = Own?.Version ?? 0 };
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(Guid periodId, bool forChange, CancellationToken ct)
    {
        if (await LoadPeriodAsync(periodId, ct) is { } elsewhere)
        {
            return elsewhere;
        }

        Own = (await LoadReadableRatingsAsync(Db, Monitoring, Period.Id, forChange, ct)).SingleOrDefault(r => r.MemberUserId == UserId);
        Names = Own is { RecordedByUserId: { } recordedBy } ? await PeopleNames.LoadAsync(Db, [recordedBy], UserId, ct) : PeopleNames.None;
        return null;
    }
}
