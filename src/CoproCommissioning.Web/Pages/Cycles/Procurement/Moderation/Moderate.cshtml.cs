using System.Globalization;
using CoproCommissioning.Domain.Procurement;

namespace CoproCommissioning.Web.Pages.Cycles.Procurement.Moderation;

/// <summary>
/// A commissioner records the score the panel agreed for one criterion of one bid, beside every evaluator's own score
/// and comment, which never change. The bid and the criterion are found in the evaluation of this cycle's
/// procurement, so a bid that was not submitted, or an id from another cycle, is not found.
/// </summary>
[CyclePermission(CycleOperation.ManageCycle)]
public sealed class ModerateModel(CoproDbContext db, TimeProvider clock, ILogger<ModerateModel> logger) : ModerationPageModel
{
    [BindProperty]
    public ModerateForm Form { get; set; } = new();

    public BidStanding Standing { get; private set; } = null!;

    public CriterionEvaluation Evaluation { get; private set; } = null!;

    /// <summary>The bid's answer to the criterion, read through the seal like every page that shows a bid.</summary>
    public string Answer { get; private set; } = "";

    public string Provider => ProviderOf(Standing.Bid);

    public bool IsClosed => Procurement.IsAwardRecorded || IsSignedOff;

    /// <summary>The scores to choose from: the scale, or pass and fail.</summary>
    public IReadOnlyList<Choice> Choices => Evaluation.Criterion.Kind == CriterionKind.PassFail
        ?
        [
            new(Scorecard.Pass.ToString(CultureInfo.InvariantCulture), "Pass", Form.Level == Scorecard.Pass),
            new(Scorecard.Fail.ToString(CultureInfo.InvariantCulture), "Fail", Form.Level == Scorecard.Fail),
        ]
        : [.. Procurement.Scale.OrderBy(l => l.Score).Select(l => new Choice(l.Score.ToString(CultureInfo.InvariantCulture), Score(Evaluation.Criterion, l.Score),
            Form.Level == l.Score, l.Description))];

    public async Task<IActionResult> OnGetAsync(Guid bidId, Guid criterionId, CancellationToken ct)
    {
        if (await FindAsync(bidId, criterionId, clock.GetUtcNow(), forChange: false, ct) is { } elsewhere)
        {
            return elsewhere;
        }

        Form = new ModerateForm { Level = Evaluation.Agreed?.Level, Reason = Evaluation.Agreed?.Reason ?? "", Version = Procurement.Version };
        return Page();
    }

    [CyclePermission(CycleOperation.ManageCycle)]
    public async Task<IActionResult> OnPostAsync(Guid bidId, Guid criterionId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (await FindAsync(bidId, criterionId, now, forChange: true, ct) is { } elsewhere)
        {
            return elsewhere;
        }

        db.Entry(Procurement).Property(p => p.Version).OriginalValue = Form.Version;
        ModelState.AddErrors(Procurement.Moderate(Cycle, Evaluation, Standing.Bid, Form.Level, Form.Reason, UserId, Role, now), nameof(Form));
        if (ModelState.IsValid)
        {
            var saved = await SaveIntoStageAsync(db, Cycle, now, ct);
            if (saved.Succeeded)
            {
                logger.LogInformation("Criterion {CriterionId} of bid {BidId} moderated in cycle {CycleId}", criterionId, bidId, CycleId);
                TempData.SetSuccess($"The agreed score for {Evaluation.Criterion.Name} in the bid from {Provider} is recorded.");
                return Redirect(BidUrl(bidId));
            }

            if (saved.Status == SaveStatus.Conflict)
            {
                ModelState.AddConcurrencyError();
            }

            // Show what is saved now beside what was typed.
            db.ChangeTracker.Clear();
            if (await FindAsync(bidId, criterionId, now, forChange: false, ct) is { } gone)
            {
                return gone;
            }

            Form = Form with { Version = Procurement.Version };
        }

        return Page();
    }

    private async Task<IActionResult?> FindAsync(Guid bidId, Guid criterionId, DateTimeOffset now, bool forChange, CancellationToken ct)
    {
        var found = await LoadEvaluationAsync(db, now, forChange, ct, async procurement =>
            procurement.FindCriterion(criterionId) is not null
            && await db.Bids.AnyAsync(b => b.Id == bidId && b.ProcurementId == procurement.Id, ct));
        if (found is { } elsewhere)
        {
            return elsewhere;
        }

        var standing = Standings.SingleOrDefault(s => s.Bid.Id == bidId);
        var evaluation = standing?.Criteria.SingleOrDefault(c => c.Criterion.Id == criterionId);
        var readable = standing is null ? null : (await LoadReadableBidsAsync(db, Procurement, now, forChange: false, ct)).SingleOrDefault(b => b.Id == bidId);
        if (standing is null || evaluation is null || readable is null)
        {
            return NotFound();
        }

        Standing = standing;
        Evaluation = evaluation;
        Answer = readable.ResponseTo(criterionId) ?? "";
        return null;
    }

    public sealed record ModerateForm
    {
        public int? Level { get; init; }

        public string Reason { get; init => field = value ?? ""; } = "";

        public uint Version { get; init; }
    }
}
