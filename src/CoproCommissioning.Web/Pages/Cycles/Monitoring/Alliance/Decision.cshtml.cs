using CoproCommissioning.Domain.Monitoring;

namespace CoproCommissioning.Web.Pages.Cycles.Monitoring.Alliance;

/// <summary>
/// A decision of the leadership team and where it stands: who agrees, who disagrees and why, who has not voted. A named
/// person records their party's vote here, and can change it until the decision is carried.
/// </summary>
[CyclePermission(CycleOperation.View)]
public sealed class DecisionModel(CoproDbContext db, TimeProvider clock, ILogger<DecisionModel> logger) : AlliancePageModel(db, clock)
{
    [BindProperty]
    public Input Form { get; set; } = new();

    public AllianceDecision Decision { get; private set; } = null!;

    public AllianceDecisionStatus Standing { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid decisionId, CancellationToken ct)
    {
        if (await LoadAsync(forChange: false, ct) is { } answer)
        {
            return answer;
        }

        if (!Show(decisionId))
        {
            return NotFound();
        }

        if (Me is { } me && Decision.VoteOf(me.Id) is { } vote)
        {
            Form = new Input { Agrees = vote.Agrees, Reason = vote.Reason ?? "" };
        }

        return Page();
    }

    [CyclePermission(CycleOperation.Contribute)]
    public async Task<IActionResult> OnPostAsync(Guid decisionId, CancellationToken ct)
    {
        if (await LoadAsync(forChange: true, ct) is { } answer)
        {
            return answer;
        }

        if (Team?.FindDecision(decisionId) is null)
        {
            return NotFound();
        }

        var result = await ChangeAsync((team, now) => team.Vote(Cycle, decisionId, Form.Agrees, Form.Reason, UserId, now), nameof(Form), null, ct);
        if (!Show(decisionId))
        {
            return NotFound();
        }

        if (result is not null)
        {
            return result;
        }

        logger.LogInformation("Vote recorded on alliance decision {DecisionId} of cycle {CycleId}", decisionId, CycleId);
        TempData.SetSuccess(Decision.IsCarried
            ? "Your vote is recorded. Every member agrees, so the decision is carried."
            : "Your vote is recorded. The decision is carried only when every member agrees.");
        return Redirect(AllianceUrls.Decision(CycleId, decisionId));
    }

    private bool Show(Guid decisionId)
    {
        if (Team?.FindDecision(decisionId) is not { } decision)
        {
            return false;
        }

        Decision = decision;
        Standing = Team.StatusOf(decision);
        return true;
    }

    public sealed record Input
    {
        public bool? Agrees { get; init; }

        public string Reason { get; init; } = "";
    }
}
