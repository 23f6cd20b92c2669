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

    public CycleProcurement Procurement { get; private set; } = null!;

    /// <summary>Each submitted bid's standing, ranked first.</summary>
    public IReadOnlyList<BidStanding> Standings { get; private set; } = [];

    public PeopleNames Names { get; private set; } = PeopleNames.None;

    private IReadOnlyDictionary<Guid, string> _providers = new Dictionary<Guid, string>();

    /// <summary>The top of the scoring scale: scores read "3 out of 4".</summary>
    public int Top => Procurement.Scale.Count == 0 ? 0 : Procurement.Scale.Max(l => l.Score);

    public string ModerationUrl => ProcurementUrls.Moderation(CycleId);

    public string ProviderOf(Bid bid)
    {
        ArgumentNullException.ThrowIfNull(bid);
        return _providers.TryGetValue(bid.OrganisationId, out var name) ? name : "A provider no longer recorded";
    }

    /// <summary>
    /// Reads the cycle, its procurement and the evaluation; null when the page can show, otherwise where to go
    /// instead: not found for no cycle, or for ids in the address that <paramref name="isInProcurement"/> does not
    /// find in this cycle's procurement (asked first, so an id from another cycle is never answered otherwise); the
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
        Standings = Evaluation.Of(procurement, await LoadSubmittedBidsAsync(db, procurement, ct), await LoadScorecardsAsync(db, procurement, ct), now);
        Names = await PeopleNames.LoadAsync(db,
            [.. procurement.Evaluators.Select(e => e.UserId), .. procurement.Moderated.Select(m => m.ModeratedByUserId)], UserId, ct);
        var organisationIds = Standings.Select(s => s.Bid.OrganisationId).Distinct().ToList();
        _providers = await db.Organisations.AsNoTracking().Where(o => organisationIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        return null;
    }

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
