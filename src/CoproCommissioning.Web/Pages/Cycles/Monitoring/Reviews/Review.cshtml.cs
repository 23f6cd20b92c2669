using CoproCommissioning.Data.Configurations;
using CoproCommissioning.Domain.Monitoring;
using CoproCommissioning.Web.Pages.Cycles.Monitoring.Outcomes;
using CoproCommissioning.Web.Pages.Cycles.Procurement.Award;

namespace CoproCommissioning.Web.Pages.Cycles.Monitoring.Reviews;

/// <summary>
/// One review: when it was held, who took part and its minutes; what it rested on (the providers' ratings and the
/// panel's for the periods it looked at, the differences flagged, the KPIs against their targets, each as the member
/// may see them); and its decision. A commissioner records the decision by choosing one recorded in the monitoring
/// stage (so who made it and the input that shaped it are kept there, R2) and saying what it decided about the contract.
/// </summary>
[CyclePermission(CycleOperation.View)]
public sealed class ReviewModel(CoproDbContext db, TimeProvider clock, ILogger<ReviewModel> logger) : ReviewsPageModel(db, clock)
{
    [BindProperty]
    public ReviewDecisionForm Form { get; set; } = new();

    public Review Review { get; private set; } = null!;

    public OutcomesOverTime Outcomes { get; private set; } = null!;

    /// <summary>The monitoring stage's decisions no other review ended in, latest first: what this review may end in.</summary>
    public IReadOnlyList<DecisionChoice> Decisions { get; private set; } = [];

    /// <summary>The decision the review ended in, as recorded in the monitoring stage.</summary>
    public DecisionChoice? ReviewDecision { get; private set; }

    public IReadOnlyList<string> TookPart { get; private set; } = [];

    public IReadOnlyList<string> DecidedBy { get; private set; } = [];

    public PeopleNames Names { get; private set; } = PeopleNames.None;

    /// <summary>The returns and panel ratings of the review's periods the member may read: what the decision may cite.</summary>
    public ReviewSourceList Sources { get; private set; } = null!;

    public bool MayDecide => IsCommissioner && !IsSignedOff;

    // A decision just recorded for this review (RecordDecision comes back with it) is chosen for the commissioner, if the
    // review may end in it.
    public async Task<IActionResult> OnGetAsync(Guid reviewId, [FromQuery] Guid? decision, CancellationToken ct)
    {
        if (await LoadCycleAsync(Db, ct) is not { } cycle
            || (Monitoring = await LoadMonitoringAsync(Db, forChange: false, ct)) is not { } monitoring
            || monitoring.FindReview(reviewId) is not { } review)
        {
            return NotFound();
        }

        await ShowAsync(cycle, monitoring, review, ct);
        Form = ReviewDecisionForm.From(review, monitoring.Version);
        if (decision is { } just && Decisions.Any(d => d.Id == just))
        {
            Form = Form with { DecisionId = just };
        }

        return Page();
    }

    [CyclePermission(CycleOperation.ManageCycle)]
    public async Task<IActionResult> OnPostAsync(Guid reviewId, CancellationToken ct)
    {
        if (await LoadCycleWithDecisionAsync(Form.DecisionId, ct) is not { } cycle
            || (Monitoring = await LoadMonitoringAsync(Db, forChange: true, ct)) is not { } monitoring
            || monitoring.FindReview(reviewId) is not { } review)
        {
            return NotFound();
        }

        var sources = (await ReviewSourceList.LoadAsync(Db, CycleId, monitoring, review, Viewer, ct)).Sources;
        if (await SaveAsync(cycle, monitoring, Form.Version, now => monitoring.DecideReview(cycle, reviewId, Form.ToDraft(), sources, UserId, Role, now), ct))
        {
            logger.LogInformation("Review {ReviewId} of cycle {CycleId} decided with decision {DecisionId}", reviewId, CycleId, Form.DecisionId);
            TempData.SetSuccess($"The review's decision is recorded: {ReviewLabels.Of(Form.Type!.Value).ToLowerInvariant()}.");
            return Redirect(ReviewsUrls.Review(CycleId, reviewId));
        }

        // After a clash, Monitoring is what the other person saved: the page shows it, and the form keeps what was typed.
        if (Monitoring.FindReview(reviewId) is not { } latest)
        {
            return NotFound();
        }

        Form = HadConflict ? Form with { Version = Monitoring.Version } : Form;
        await ShowAsync(cycle, Monitoring, latest, ct);
        return Page();
    }

    private Viewer Viewer => new(UserId, Role, OrganisationId);

    /// <summary>
    /// The cycle with its stages' statuses and, of the monitoring stage's decisions, only the one the review is to end in,
    /// not tracked: <see cref="CycleMonitoring.DecideReview"/> checks the decision it names is in the monitoring stage.
    /// </summary>
    private async Task<CommissioningCycle?> LoadCycleWithDecisionAsync(Guid? decisionId, CancellationToken ct) =>
        ForHeading(await Db.Cycles.Include(c => c.Stages).ThenInclude(s => s.Decisions.Where(d => d.StageKind == StageKind.Monitoring && d.Id == decisionId))
            .AsSplitQuery().AsNoTracking()
            .SingleOrDefaultAsync(c => c.Id == CycleId, ct));

    private async Task ShowAsync(CommissioningCycle cycle, CycleMonitoring monitoring, Review review, CancellationToken ct)
    {
        Review = review;
        var periods = review.PeriodIds.Select(monitoring.FindPeriod).OfType<ReportingPeriod>().OrderBy(p => p.StartsOn).ToList();
        Outcomes = await OutcomesOverTime.LoadAsync(Db, OutcomesContract.Of(monitoring), periods, Viewer, ct, review.DecidedAt);
        Sources = await ReviewSourceList.LoadAsync(Db, CycleId, monitoring, review, Viewer, ct);
        // The decisions to choose from as their titles and dates; only the one the review ended in with who made it.
        var used = monitoring.Reviews.Where(r => r.Id != review.Id).Select(r => r.DecisionId).OfType<Guid>().ToHashSet();
        // By the stage's key, which the cycle read for the heading holds: found from the cycle's id through its stages,
        // PostgreSQL estimated a stage's share of every decision and read them all (2,000 at scale 100) to find one.
        var stageId = cycle.StageOf(StageKind.Monitoring).Id;
        var decisions = Db.Set<Decision>().AsNoTracking().Where(d => EF.Property<Guid>(d, StageConfiguration.StageKey) == stageId);
        Decisions = [.. (await decisions.OrderByDescending(d => d.DecidedAt).Select(d => new DecisionChoice(d.Id, d.Title, d.DecidedAt)).ToListAsync(ct))
            .Where(d => !used.Contains(d.Id))];
        var decided = review.DecisionId is { } decisionId
            ? await decisions.Where(d => d.Id == decisionId)
                .Select(d => new { d.Id, d.Title, d.DecidedAt, Participants = d.Participants.ToList(), Groups = d.Groups.ToList() })
                .AsSingleQuery()
                .SingleOrDefaultAsync(ct)
            : null;
        ReviewDecision = decided is null ? null : new DecisionChoice(decided.Id, decided.Title, decided.DecidedAt);
        Names = await PeopleNames.LoadAsync(Db,
            [.. review.Participants.Select(p => p.UserId), review.RecordedByUserId, review.DecidedByUserId, .. decided?.Participants.Select(p => p.UserId) ?? []],
            UserId, ct);
        TookPart = [.. review.Participants.Select(p => $"{Names.Of(p.UserId)}, {Labels.Of(p.Role).ToLowerInvariant()}")];
        // Who made the decision, in the words of the award's record.
        DecidedBy = decided is null ? [] : AwardPageModel.WhoDecided(decided.Participants, decided.Groups, Names);
    }
}

/// <summary>A decision in the monitoring stage as the review page names it: to choose from, and the one the review ended in.</summary>
public sealed record DecisionChoice(Guid Id, string Title, DateTimeOffset DecidedAt);
