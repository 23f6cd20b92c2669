using System.Globalization;
using CoproCommissioning.Domain.Procurement;

namespace CoproCommissioning.Web.Pages.Cycles.Procurement.Scoring;

/// <summary>
/// An evaluator scores one bid: for each criterion they were asked to score, the bid's answer, the scale and their
/// comment. The bid is one they may read (the seal), or it is not found. One form saves the criteria they filled in,
/// all or nothing: if any is refused, none is saved and what they typed stays. Read-only once they have submitted.
/// </summary>
[CyclePermission(CycleOperation.EvaluateBids)]
public sealed class ScoreBidModel(CoproDbContext db, TimeProvider clock, ILogger<ScoreBidModel> logger) : ScoringPageModel(db, clock)
{
    public const string ClashMessage =
        "Your scores were changed in another tab or window while you were working, so nothing was saved here. Check what is saved now, then save again.";

    [BindProperty]
    public ScoreForm Form { get; set; } = new();

    public Bid Bid { get; private set; } = null!;

    /// <summary>The criteria this evaluator scores for this bid, in the procurement's order.</summary>
    public IReadOnlyList<EvaluationCriterion> Criteria => [.. Assignments.Where(a => a.Bid.Id == Bid.Id).Select(a => a.Criterion)];

    public string Organisation => OrganisationOf(Bid);

    public async Task<IActionResult> OnGetAsync(Guid bidId, CancellationToken ct)
    {
        if (await LoadAsync(bidId, forChange: false, ct) is { } elsewhere)
        {
            return elsewhere;
        }

        Form = ScoreForm.From(OwnVersion, Criteria, criterionId => OwnScore(Bid.Id, criterionId));
        return Page();
    }

    [CyclePermission(CycleOperation.EvaluateBids)]
    public async Task<IActionResult> OnPostAsync(Guid bidId, CancellationToken ct)
    {
        if (await LoadAsync(bidId, forChange: true, ct) is { } elsewhere)
        {
            return elsewhere;
        }

        var scorecard = Own ?? Scorecard.For(Procurement, Me, Now);
        if (Own is null)
        {
            Db.Add(scorecard);
        }
        else
        {
            Db.Entry(scorecard).Property(s => s.Version).OriginalValue = Form.Version;
        }

        var toScore = ToScore();
        if (toScore.Count == 0)
        {
            ModelState.AddModelError("", ProcurementRules.NothingToScore.Message);
        }

        foreach (var criterionId in toScore)
        {
            var typed = Form.Scores.GetValueOrDefault(criterionId) ?? new CriterionScore();
            var level = typed.LevelValue();
            if (level is null && !string.IsNullOrWhiteSpace(typed.Level))
            {
                ModelState.AddModelError($"{nameof(Form)}.{ScoreForm.FieldOf(criterionId, nameof(CriterionScore.Level))}", ProcurementRules.ScoreNotOnScale.Message);
            }

            var outcome = scorecard.Score(Cycle, Procurement, Bid, criterionId, level, typed.Comment, UserId, Now);
            ModelState.AddErrors(outcome.Refusals.Select(BesideItsCriterion), nameof(Form));
        }

        if (!ModelState.IsValid)
        {
            return await ShowAgainAsync(bidId, ct);
        }

        var saved = await Db.TrySaveAsync(ct);
        if (!saved.Succeeded)
        {
            ModelState.AddModelError("", ClashMessage);
            return await ShowAgainAsync(bidId, ct);
        }

        logger.LogInformation("Evaluator {EvaluatorId} of cycle {CycleId} saved {Count} scores for bid {BidId}", Me.Id, CycleId, toScore.Count, Bid.Id);
        TempData.SetSuccess($"Your scores for the bid from {Organisation} are saved.");
        return Redirect(ProcurementUrls.Scoring(CycleId));
    }

    /// <summary>For a change the procurement and the evaluator's scorecard whole; to show the page, only this bid's rows.</summary>
    private async Task<IActionResult?> LoadAsync(Guid bidId, bool forChange, CancellationToken ct)
    {
        if (await (forChange ? LoadScoringAsync(forChange: true, ct, bidId) : LoadScoringBidAsync(bidId, ct)) is { } elsewhere)
        {
            return elsewhere;
        }

        Bid = Readable.Single(b => b.Id == bidId);
        return null;
    }

    /// <summary>
    /// The criteria this save asks the domain about: each assigned one the evaluator filled in, and any other the form
    /// names (which the domain refuses). When nothing was filled in, every assigned criterion, so each says what it needs.
    /// </summary>
    private List<Guid> ToScore()
    {
        var assigned = Criteria.Select(c => c.Id).ToList();
        var filled = assigned.Where(id => Form.Scores.GetValueOrDefault(id) is { IsBlank: false }).ToList();
        var others = Form.Scores.Keys.Where(id => !assigned.Contains(id)).ToList();
        return [.. (filled.Count == 0 && others.Count == 0 ? assigned : filled), .. others];
    }

    /// <summary>A refusal about one criterion's score or comment goes beside that criterion's field.</summary>
    private Refusal BesideItsCriterion(Refusal refusal) =>
        refusal is { SubjectId: { } criterionId, Field: { } field } && Criteria.Any(c => c.Id == criterionId)
            ? refusal with { Field = ScoreForm.FieldOf(criterionId, field) }
            : refusal with { Field = null };

    /// <summary>The form again with what was typed; nothing of this save is kept.</summary>
    private async Task<IActionResult> ShowAgainAsync(Guid bidId, CancellationToken ct)
    {
        Db.ChangeTracker.Clear();
        if (await LoadAsync(bidId, forChange: false, ct) is { } elsewhere)
        {
            return elsewhere;
        }

        Form = Form with { Version = OwnVersion };
        return Page();
    }
}

/// <summary>
/// A score and a comment for each criterion (<c>Scores[criterionId]</c>), and the scorecard's version when the page
/// was shown, so a save in another tab since then is a clash (R8) rather than overwritten.
/// </summary>
public sealed record ScoreForm
{
    public uint Version { get; init; }

    public Dictionary<Guid, CriterionScore> Scores { get; init; } = [];

    /// <summary>The form's name for one criterion's field: the domain names the field, the refusal the criterion.</summary>
    public static string FieldOf(Guid criterionId, string field) => $"{nameof(Scores)}[{criterionId}].{field}";

    /// <summary>The form as saved: <paramref name="saved"/> gives the evaluator's own score for a criterion of this bid, if any.</summary>
    public static ScoreForm From(uint version, IEnumerable<EvaluationCriterion> criteria, Func<Guid, Score?> saved)
    {
        ArgumentNullException.ThrowIfNull(saved);
        return new()
        {
            Version = version,
            Scores = criteria.ToDictionary(c => c.Id, c => saved(c.Id) is { } score
                ? new CriterionScore { Level = score.Level.ToString(CultureInfo.InvariantCulture), Comment = score.Comment }
                : new CriterionScore()),
        };
    }
}

/// <summary>One criterion's score as posted (the value of the radio chosen) and the comment that explains it.</summary>
public sealed record CriterionScore
{
    public string? Level { get; init; }

    public string Comment { get; init => field = value ?? ""; } = "";

    public bool IsBlank => string.IsNullOrWhiteSpace(Level) && string.IsNullOrWhiteSpace(Comment);

    public int? LevelValue() =>
        int.TryParse(Level, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var level) ? level : null;
}
