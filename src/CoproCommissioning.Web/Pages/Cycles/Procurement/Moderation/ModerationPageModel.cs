using System.Globalization;
using CoproCommissioning.Domain.Procurement;

namespace CoproCommissioning.Web.Pages.Cycles.Procurement.Moderation;

/// <summary>
/// A moderation page: the evaluation of a competitive procurement once its deadline has passed, worked out by the
/// domain from every submitted bid and the evaluators' submitted scorecards. Before the deadline, or without a
/// competitive procurement, there is nothing to moderate and the page sends the commissioner to the overview.
/// </summary>
public abstract class ModerationPageModel : ProcurementPageModel
{
    public CommissioningCycle Cycle { get; private set; } = null!;

    /// <summary>The procurement, loaded whole for a change (<see cref="LoadEvaluationAsync"/>); the list reads <see cref="Setup"/> only.</summary>
    public CycleProcurement Procurement { get; private set; } = null!;

    /// <summary>What the evaluation reads of the procurement: the procurement itself, or the same facts read for the list.</summary>
    public IEvaluationSetup Setup { get; private set; } = null!;

    /// <summary>How many bids the list shows a page: each shows every criterion with every evaluator's score and comment.</summary>
    public const int BidsPerPage = 5;

    /// <summary>Each submitted bid's standing, ranked first.</summary>
    public IReadOnlyList<BidStanding> Standings { get; private set; } = [];

    /// <summary>The page of bids shown with their scores, in the order the bids arrived.</summary>
    public PageOf<BidStanding> Shown { get; private set; } = new([], 1, BidsPerPage, 0);

    public PeopleNames Names { get; private set; } = PeopleNames.None;

    private IReadOnlyDictionary<Guid, string> _providers = new Dictionary<Guid, string>();

    /// <summary>The top of the scoring scale: scores read "3 out of 4".</summary>
    public int Top => Setup.Scale.Count == 0 ? 0 : Setup.Scale.Max(l => l.Score);

    public string ModerationUrl => ProcurementUrls.Moderation(CycleId);

    public string PageUrl(int pageNumber) => pageNumber <= 1 ? ModerationUrl : $"{ModerationUrl}?pageNumber={pageNumber.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>Where a bid's scores are listed: its place on the page of bids that shows it.</summary>
    public string BidUrl(Guid bidId)
    {
        var index = InArrivalOrder(Standings).FindIndex(s => s.Bid.Id == bidId);
        return $"{PageUrl(index < 0 ? 1 : (index / BidsPerPage) + 1)}#bid-{bidId}";
    }

    public string ProviderOf(Bid bid)
    {
        ArgumentNullException.ThrowIfNull(bid);
        return _providers.TryGetValue(bid.OrganisationId, out var name) ? name : "A provider no longer recorded";
    }

    /// <summary>
    /// Reads the cycle, its whole procurement and the evaluation, for a change; null when the page can show, otherwise
    /// where to go instead: not found for no cycle, or for ids in the address that <paramref name="isInProcurement"/> does
    /// not find in this cycle's procurement (asked first, so an id from another cycle is never answered otherwise); the
    /// overview when there is nothing to moderate yet.
    /// </summary>
    protected async Task<IActionResult?> LoadEvaluationAsync(
        CoproDbContext db, DateTimeOffset now, bool forChange, CancellationToken ct, Func<CycleProcurement, Task<bool>>? isInProcurement = null)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (await LoadCycleAsync(db, ct) is not { } cycle)
        {
            return NotFound();
        }

        var procurement = await LoadProcurementAsync(db, forChange, ct);
        if (isInProcurement is not null && (procurement is null || !await isInProcurement(procurement)))
        {
            return NotFound();
        }

        if (procurement is null || !procurement.IsCompetitive || !procurement.IsPastDeadline(now))
        {
            return Redirect(OverviewUrl);
        }

        Cycle = cycle;
        Procurement = procurement;
        Setup = procurement;
        var bids = await LoadSubmittedBidsAsync(db, procurement, ct);
        Standings = Evaluation.Of(procurement, bids, await LoadScorecardsAsync(db, procurement, ct), now);
        Shown = InArrivalOrder(Standings).ToPage(1, BidsPerPage);
        await LoadNamesAsync(db, procurement.Moderated, ct);
        var organisationIds = bids.Select(b => b.OrganisationId).Distinct().ToList();
        _providers = await db.Organisations.AsNoTracking().Where(o => organisationIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        return null;
    }

    /// <summary>
    /// Reads what the list shows, without loading the procurement or its scorecards whole: every submitted bid's
    /// standing (the ranking and the unanimous scores are about all of them) from their scores' levels, and the comments
    /// of the page of bids it shows. Null when the page can show, otherwise where to go instead, as
    /// <see cref="LoadEvaluationAsync"/>.
    /// </summary>
    protected async Task<IActionResult?> LoadListAsync(CoproDbContext db, DateTimeOffset now, int pageNumber, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (await LoadCycleAsync(db, ct) is not { } cycle)
        {
            return NotFound();
        }

        var setup = await db.EvaluationSetupAsync(CycleId, ct);
        if (setup is null || !setup.IsCompetitive || !setup.IsPastDeadline(now))
        {
            return Redirect(OverviewUrl);
        }

        Cycle = cycle;
        Setup = setup;
        var procurementId = setup.Id;
        // The ranking names every bidder: their organisations' names come with the bids.
        var listed = await db.Bids.Where(b => b.ProcurementId == procurementId && b.Status == BidStatus.Submitted)
            .ListedWithOrganisationAsync(db, ct);
        var bids = listed.Select(b => b.Bid).OrderBy(b => b.SubmittedAt).ThenBy(b => b.Id).ToList();
        _providers = listed.DistinctBy(b => b.Bid.OrganisationId).ToDictionary(b => b.Bid.OrganisationId, b => b.Organisation);
        var shown = bids.ToPage(pageNumber, BidsPerPage);
        var scores = await db.SubmittedScoresAsync(procurementId, ofBids: null, withCommentsOf: [.. shown.Items.Select(b => b.Id)], ct);
        Standings = Evaluation.OfScores(setup, bids, scores, now);
        Shown = shown.With<BidStanding>([.. shown.Items.Select(b => Standings.Single(s => s.Bid.Id == b.Id))]);
        await LoadNamesAsync(db, setup.Moderated.Where(m => shown.Items.Any(b => b.Id == m.BidId)), ct);
        return null;
    }

    // The panel's names and who agreed the scores shown.
    private async Task LoadNamesAsync(CoproDbContext db, IEnumerable<ModeratedScore> agreed, CancellationToken ct) =>
        Names = await PeopleNames.LoadAsync(db, [.. Setup.Evaluators.Select(e => e.UserId), .. agreed.Select(m => m.ModeratedByUserId)], UserId, ct);

    private static List<BidStanding> InArrivalOrder(IEnumerable<BidStanding> standings) => [.. standings.OrderBy(s => s.Bid.SubmittedAt)];

    /// <summary>"Sam Green, lived-experience evaluator".</summary>
    public string Evaluator(EvaluatorScore score)
    {
        ArgumentNullException.ThrowIfNull(score);
        return $"{Names.Of(score.UserId)}, {ProcurementLabels.Role(score.Role).ToLowerInvariant()}";
    }

    /// <summary>A score as people read it: "3 out of 4", or pass and fail for a pass/fail criterion.</summary>
    public string Score(EvaluationCriterion criterion, int level)
    {
        ArgumentNullException.ThrowIfNull(criterion);
        return criterion.Kind == CriterionKind.PassFail
            ? level == Scorecard.Pass ? "Pass" : "Fail"
            : $"{level.ToString(CultureInfo.InvariantCulture)} out of {Top.ToString(CultureInfo.InvariantCulture)}";
    }

    public static string Spread(CriterionEvaluation evaluation)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        if (evaluation.Scores.Count == 0)
        {
            return "No scores yet";
        }

        if (evaluation.Criterion.Kind == CriterionKind.PassFail)
        {
            return evaluation.Spread == 0 ? "None: every evaluator gave the same" : "Pass and fail both given";
        }

        return evaluation.Spread switch
        {
            0 => "None: every evaluator gave the same",
            1 => "1 point",
            var points => $"{points.ToString(CultureInfo.InvariantCulture)} points",
        };
    }

    /// <summary>The flag beside a spread the panel should discuss, in words, so it does not rely on colour.</summary>
    public static string Flag(CriterionEvaluation evaluation)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        return $"Discuss: scores differ by {evaluation.Spread.ToString(CultureInfo.InvariantCulture)}";
    }

    public static string Outstanding(int count) =>
        count == 1 ? "1 score still to come" : $"{count.ToString(CultureInfo.InvariantCulture)} scores still to come";

    /// <summary>A weighted total as people read it: "72.5 out of 100".</summary>
    public static string Total(decimal total) => $"{total.ToString("0.##", CultureInfo.InvariantCulture)} out of 100";

    public static string HowItCounts(EvaluationCriterion criterion)
    {
        ArgumentNullException.ThrowIfNull(criterion);
        return criterion.Kind == CriterionKind.Scored ? $"{criterion.Weight.ToString(CultureInfo.InvariantCulture)}% of the total" : "Pass or fail";
    }
}
