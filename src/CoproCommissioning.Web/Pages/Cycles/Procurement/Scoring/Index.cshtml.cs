using System.Globalization;
using CoproCommissioning.Domain.Procurement;

namespace CoproCommissioning.Web.Pages.Cycles.Procurement.Scoring;

/// <summary>
/// The signed-in evaluator's scorecard: before the deadline, what they will score and what they still need; after it,
/// the bids they score with their progress, and submitting; once submitted, their scores beside the other evaluators'
/// submitted ones. A member who is not on the panel, or a cycle without a procurement, goes to the overview.
/// </summary>
[CyclePermission(CycleOperation.EvaluateBids)]
public sealed class IndexModel(CoproDbContext db, TimeProvider clock, ILogger<IndexModel> logger) : ScoringPageModel(db, clock)
{
    [BindProperty]
    public SubmitForm Form { get; set; } = new();

    /// <summary>The criteria assigned to this evaluator, in the procurement's order.</summary>
    public IReadOnlyList<EvaluationCriterion> MyCriteria => [.. Setup.Criteria.Where(c => Me.CriterionIds.Contains(c.Id))];

    public int ScoredCount(Bid bid) => Assignments.Count(a => a.Bid.Id == bid.Id && OwnScore(bid.Id, a.Criterion.Id) is not null);

    public string PageUrl(int pageNumber) =>
        pageNumber <= 1 ? ProcurementUrls.Scoring(CycleId) : $"{ProcurementUrls.Scoring(CycleId)}?pageNumber={pageNumber.ToString(CultureInfo.InvariantCulture)}";

    public async Task<IActionResult> OnGetAsync(int pageNumber = 1, CancellationToken ct = default)
    {
        if (await LoadScoringListAsync(pageNumber, ct) is { } elsewhere)
        {
            return elsewhere;
        }

        Form = new SubmitForm { Version = OwnVersion };
        return Page();
    }

    /// <summary>Submits the scorecard: every assigned score given, then fixed.</summary>
    [CyclePermission(CycleOperation.EvaluateBids)]
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await LoadScoringAsync(forChange: true, ct) is { } elsewhere)
        {
            return elsewhere;
        }

        var scorecard = Own ?? Scorecard.For(Procurement, Me, Now);
        if (Own is not null)
        {
            Db.Entry(scorecard).Property(s => s.Version).OriginalValue = Form.Version;
        }
        else
        {
            Db.Add(scorecard);
        }

        ModelState.AddErrors(scorecard.Submit(Cycle, Procurement, Assignments.Select(a => a.Bid).Distinct(), UserId, Now), nameof(Form));
        if (!ModelState.IsValid)
        {
            return await ShowAgainAsync(ct);
        }

        var saved = await Db.TrySaveAsync(ct);
        if (!saved.Succeeded)
        {
            ModelState.AddModelError("", ScoreBidModel.ClashMessage);
            return await ShowAgainAsync(ct);
        }

        logger.LogInformation("Evaluator {EvaluatorId} of cycle {CycleId} submitted their scores", Me.Id, CycleId);
        TempData.SetSuccess("Your scores are submitted. You can now see the other evaluators' submitted scores.");
        return Redirect(ProcurementUrls.Scoring(CycleId));
    }

    /// <summary>The page again with what was refused, as it is saved now.</summary>
    private async Task<IActionResult> ShowAgainAsync(CancellationToken ct)
    {
        Db.ChangeTracker.Clear();
        if (await LoadScoringListAsync(pageNumber: 1, ct) is { } elsewhere)
        {
            return elsewhere;
        }

        Form = new SubmitForm { Version = OwnVersion };
        return Page();
    }

    /// <summary>The scorecard's version when the page was shown: a save in another tab since then is a clash (R8).</summary>
    public sealed record SubmitForm
    {
        public uint Version { get; init; }
    }
}
