using CoproCommissioning.Domain.Monitoring;

namespace CoproCommissioning.Web.Pages.Cycles.Monitoring.Ratings;

/// <summary>
/// The champion or a commissioner logs a panel member's ratings gathered at a forum, by phone or on paper, with the day
/// and the way they were gathered, or changes ratings logged before (<c>ratingId</c>, found only among this period's
/// ratings). The member is chosen from the cycle's panel members by membership, never by account id.
/// </summary>
[CyclePermission(CycleOperation.LogOnBehalf)]
public sealed class OnBehalfModel(CoproDbContext db, TimeProvider clock, ILogger<OnBehalfModel> logger) : RatingFormPageModel(db, clock)
{
    // Asked of the domain when no panel member was chosen, so it says so beside the choice along with every other refusal.
    private static readonly Contributor NobodyChosen = new("no-panel-member-chosen", CycleRole.Observer);

    /// <summary>The cycle's panel members, whose ratings may be logged.</summary>
    public IReadOnlyList<CycleMemberRow> PanelMembers { get; private set; } = [];

    /// <summary>The ratings being changed; null when logging new ones.</summary>
    public PanelRating? Existing { get; private set; }

    /// <summary>Whose the ratings being changed are, as the person logging sees them.</summary>
    public string ExistingMemberName { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(Guid periodId, Guid? ratingId, CancellationToken ct)
    {
        if (await LoadAsync(periodId, ratingId, forChange: false, ct) is { } elsewhere)
        {
            return elsewhere;
        }

        Form = Existing is null ? new RatingForm { GatheredOn = DateParts.From(UkTime.Today(Clock.GetUtcNow())) } : RatingForm.From(Existing);
        return Page();
    }

    [CyclePermission(CycleOperation.LogOnBehalf)]
    public async Task<IActionResult> OnPostAsync(Guid periodId, Guid? ratingId, CancellationToken ct)
    {
        if (await LoadAsync(periodId, ratingId, forChange: true, ct) is { } elsewhere)
        {
            return elsewhere;
        }

        var now = Clock.GetUtcNow();
        var gathered = Gathered();
        PanelRating rating;
        if (Existing is null)
        {
            var chosen = PanelMembers.Find(Form.MemberId);
            var member = chosen is null ? NobodyChosen : new Contributor(chosen.UserId, chosen.Role);
            var hasRating = chosen is not null && await MemberHasRatingAsync(Db, Monitoring, Period.Id, chosen.UserId, ct);
            var logged = PanelRating.LogOnBehalf(Cycle, Monitoring, Period.Id, member, Draft(), gathered, hasRating, UserId, Role, now);
            AddRefusals(logged);
            if (!logged.Succeeded)
            {
                return await ShowAgainAsync(periodId, ratingId, ct);
            }

            rating = logged.Value;
        }
        else
        {
            Db.Entry(Existing).Property(r => r.Version).OriginalValue = Form.Version;
            AddRefusals(Existing.Revise(Cycle, Monitoring, Draft(), gathered, UserId, Role, now));
            rating = Existing;
        }

        if (!ModelState.IsValid || !await TrySaveAsync(rating, isNew: Existing is null, now, ct))
        {
            return await ShowAgainAsync(periodId, ratingId, ct);
        }

        logger.LogInformation("Panel rating {RatingId} for period {PeriodId} of cycle {CycleId} logged on a member's behalf", rating.Id, Period.Id, CycleId);
        var names = await PeopleNames.LoadAsync(Db, [rating.MemberUserId], UserId, ct);
        TempData.SetSuccess($"Ratings for period {Period.Number} logged for {names.Of(rating.MemberUserId)}.");
        return Redirect(MonitoringUrls.Ratings(CycleId));
    }

    /// <summary>The form again as typed, with the version of the ratings as saved now, so saving again is deliberate.</summary>
    private async Task<IActionResult> ShowAgainAsync(Guid periodId, Guid? ratingId, CancellationToken ct)
    {
        Db.ChangeTracker.Clear();
        if (await LoadAsync(periodId, ratingId, forChange: false, ct) is { } elsewhere)
        {
            return elsewhere;
        }

        Form = Form with { Version = Existing?.Version ?? 0 };
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(Guid periodId, Guid? ratingId, bool forChange, CancellationToken ct)
    {
        if (await LoadPeriodAsync(periodId, ct) is { } elsewhere)
        {
            return elsewhere;
        }

        if (ratingId is { } id)
        {
            Existing = (await LoadReadableRatingsAsync(Db, Monitoring, Period.Id, forChange, ct)).SingleOrDefault(r => r.Id == id);
            if (Existing is null)
            {
                return NotFound();
            }

            ExistingMemberName = (await PeopleNames.LoadAsync(Db, [Existing.MemberUserId], UserId, ct)).Of(Existing.MemberUserId);
        }

        PanelMembers = [.. (await CycleMemberRow.LoadAsync(Db, CycleId, UserId, ct))
            .Where(m => CyclePermissions.Allows(m.Role, CycleOperation.GiveLivedExperienceInput))];
        return null;
    }
}
