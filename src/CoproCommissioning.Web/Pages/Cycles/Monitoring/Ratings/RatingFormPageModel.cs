using CoproCommissioning.Domain.Monitoring;

namespace CoproCommissioning.Web.Pages.Cycles.Monitoring.Ratings;

/// <summary>
/// What giving ratings and logging them on a member's behalf share: the period (another contract's is not found), the
/// outcomes to rate, what was typed as the domain's draft, each refusal beside its answer, and saving with the stage's
/// concurrency check, what was typed kept on any refusal.
/// </summary>
public abstract class RatingFormPageModel(CoproDbContext db, TimeProvider clock) : RatingsPageModel
{
    public const string ConflictMessage =
        "These ratings were changed somewhere else while you were working, so nothing was saved. What you chose and typed is below: check it, then save again.";

    [BindProperty]
    public RatingForm Form { get; set; } = new();

    public CycleMonitoring Monitoring { get; private set; } = null!;

    public ReportingPeriod Period { get; private set; } = null!;

    public bool HasStarted { get; private set; }

    /// <summary>Ratings can be given or changed: the period has begun and the stage is not signed off.</summary>
    public bool MayChange => HasStarted && !IsSignedOff;

    protected CoproDbContext Db => db;

    protected TimeProvider Clock => clock;

    protected CommissioningCycle Cycle { get; private set; } = null!;

    /// <summary>Loads the cycle, the contract and the period; not found when any is missing or the period is another contract's.</summary>
    protected async Task<IActionResult?> LoadPeriodAsync(Guid periodId, CancellationToken ct)
    {
        if (await LoadCycleAsync(db, ct) is not { } cycle
            || await LoadMonitoringAsync(db, forChange: false, ct) is not { } monitoring
            || monitoring.FindPeriod(periodId) is not { } period)
        {
            return NotFound();
        }

        Cycle = cycle;
        Monitoring = monitoring;
        Period = period;
        HasStarted = period.HasStarted(TodayOf(clock.GetUtcNow()));
        return null;
    }

    /// <summary>What was chosen and typed, for the contract's outcomes only: anything else posted is not one of them.</summary>
    protected PanelRatingDraft Draft() => new(
        Monitoring.Outcomes.ToDictionary(
            o => o.OutcomeId,
            o => Form.Outcomes.GetValueOrDefault(o.OutcomeId) is { } typed ? new PanelOutcomeReport(typed.Rating, typed.WhatItsLike) : new PanelOutcomeReport(null, null)),
        Form.Visibility);

    /// <summary>When and how ratings logged on a member's behalf were gathered; a date that is not a real date is refused here, beside it.</summary>
    protected GatheredRatings Gathered()
    {
        if (!Form.GatheredOn.IsEmpty && !Form.GatheredOn.TryGetDate(out _))
        {
            ModelState.AddModelError($"{nameof(Form)}.{nameof(RatingForm.GatheredOn)}", RatingForm.NotADateMessage);
        }

        return new GatheredRatings(Form.GatheredOn.TryGetDate(out var gatheredOn) ? gatheredOn : null, Form.Channel);
    }

    /// <summary>Puts the domain's refusals beside their answers: one about an outcome beside that outcome's, the member beside the choice of member.</summary>
    protected void AddRefusals(DomainOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        ModelState.AddErrors(outcome.Refusals.Select(refusal => refusal switch
        {
            { SubjectId: { } id, Rule.Field: { } field } when Monitoring.FindOutcome(id) is not null => refusal with { Field = RatingForm.OutcomeField(id, field) },
            { SubjectId: not null } => refusal with { Field = null },
            { Field: "MemberUserId" } => refusal with { Field = nameof(RatingForm.MemberId) },
            _ => refusal,
        }), nameof(Form));
    }

    /// <summary>
    /// Saves <paramref name="rating"/> (added when <paramref name="isNew"/>) with the stage's concurrency check. False with
    /// the reason on the form when it was not saved: a first set for the same member and period saved a moment before is the
    /// domain's "already given", any other clash <see cref="ConflictMessage"/>.
    /// </summary>
    protected async Task<bool> TrySaveAsync(PanelRating rating, bool isNew, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(rating);
        if (isNew)
        {
            db.PanelRatings.Add(rating);
        }
        else
        {
            db.Entry(rating).Property(r => r.Version).OriginalValue = Form.Version;
        }

        var saved = await SaveIntoStageAsync(db, Cycle, now, ct);
        if (saved.Status == SaveStatus.Conflict)
        {
            // Two tabs giving the first ratings at once: one set is kept, and the other is told it has been given.
            if (isNew && await MemberHasRatingAsync(db, Monitoring, Period.Id, rating.MemberUserId, ct))
            {
                ModelState.AddErrors([new Refusal(MonitoringRules.MemberHasRating)], nameof(Form));
            }
            else
            {
                ModelState.AddModelError("", ConflictMessage);
            }
        }

        return saved.Succeeded;
    }
}
