using System.Globalization;

namespace CoproCommissioning.Web.Pages.Cycles.Procurement.Moderation;

/// <summary>
/// Moderation, for a commissioner after the deadline: each bid's criteria with every evaluator's score and comment,
/// the spread (flagged for discussion when wide), what is still to come and what was agreed; agreeing in one go the
/// scores every evaluator gave the same; and the ranking the domain computes from the agreed scores.
/// </summary>
[CyclePermission(CycleOperation.ManageCycle)]
public sealed class IndexModel(CoproDbContext db, TimeProvider clock, ILogger<IndexModel> logger) : ModerationPageModel
{
    [BindProperty]
    public AgreeForm Form { get; set; } = new();

    /// <summary>How many scores "agree the unanimous scores" would agree now.</summary>
    public int UnanimousCount => Standings.Sum(s => s.Criteria.Count(c => c.Agreed is null && c.IsUnanimous));

    public async Task<IActionResult> OnGetAsync(int pageNumber = 1, CancellationToken ct = default)
    {
        if (await LoadListAsync(db, clock.GetUtcNow(), pageNumber, ct) is { } elsewhere)
        {
            return elsewhere;
        }

        Form = new AgreeForm { Version = Setup.Version };
        return Page();
    }

    [CyclePermission(CycleOperation.ManageCycle)]
    public async Task<IActionResult> OnPostAgreeUnanimousAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (await LoadEvaluationAsync(db, now, forChange: true, ct) is { } elsewhere)
        {
            return elsewhere;
        }

        db.Entry(Procurement).Property(p => p.Version).OriginalValue = Form.Version;
        var outcome = Procurement.AgreeUnanimousScores(Cycle, Standings, UserId, Role, now);
        ModelState.AddErrors(outcome, nameof(Form));
        if (ModelState.IsValid)
        {
            var saved = await SaveIntoStageAsync(db, Cycle, now, ct);
            if (saved.Succeeded)
            {
                var count = outcome.Value.Count;
                logger.LogInformation("{Count} unanimous scores agreed in cycle {CycleId}", count, CycleId);
                TempData.SetSuccess(count == 1
                    ? "1 score is agreed: every evaluator gave it."
                    : $"{count.ToString(CultureInfo.InvariantCulture)} scores are agreed: every evaluator gave each of them.");
                return Redirect(ModerationUrl);
            }

            if (saved.Status == SaveStatus.Conflict)
            {
                ModelState.AddConcurrencyError();
            }
        }

        // Show what is saved now, not what this request half-changed.
        db.ChangeTracker.Clear();
        if (await LoadListAsync(db, now, pageNumber: 1, ct) is { } gone)
        {
            return gone;
        }

        Form = new AgreeForm { Version = Setup.Version };
        return Page();
    }

    public sealed record AgreeForm
    {
        public uint Version { get; init; }
    }
}
