using CoproCommissioning.Domain.Monitoring;

namespace CoproCommissioning.Web.Pages.Cycles.Monitoring.Alliance;

/// <summary>
/// A risk in the joint register: a named person on the team reviews it (the team's view now and the next review day,
/// which clears an overdue flag) or closes it, saying why. Reviewing checks nobody changed the team since the page was
/// shown, as it rewrites what they may have just written (R8).
/// </summary>
[CyclePermission(CycleOperation.View)]
public sealed class RiskModel(CoproDbContext db, TimeProvider clock, ILogger<RiskModel> logger) : AlliancePageModel(db, clock)
{
    [BindProperty]
    public RiskForm Form { get; set; } = new();

    [BindProperty]
    public CloseInput Closing { get; set; } = new();

    public AllianceRisk Risk { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid riskId, CancellationToken ct)
    {
        if (await LoadAsync(forChange: false, ct) is { } answer)
        {
            return answer;
        }

        if (Team?.FindRisk(riskId) is not { } risk)
        {
            return NotFound();
        }

        Risk = risk;
        Form = RiskForm.From(risk, Team.Version);
        return Page();
    }

    [CyclePermission(CycleOperation.Contribute)]
    public async Task<IActionResult> OnPostAsync(Guid riskId, CancellationToken ct)
    {
        if (await LoadAsync(forChange: true, ct) is { } answer)
        {
            return answer;
        }

        if (Team?.FindRisk(riskId) is null)
        {
            return NotFound();
        }

        var (draft, dateRead) = Form.ToDraft();
        if (!dateRead)
        {
            ModelState.AddModelError($"{nameof(Form)}.{nameof(RiskForm.ReviewOn)}", RiskForm.ReviewOnUnreadable);
        }

        var result = await ChangeAsync((team, now) => team.ReviewRisk(Cycle, riskId, draft, UserId, now), nameof(Form), Form.Version, ct);
        return Done(riskId, result, "Risk reviewed.", "reviewed");
    }

    [CyclePermission(CycleOperation.Contribute)]
    public async Task<IActionResult> OnPostCloseAsync(Guid riskId, CancellationToken ct)
    {
        if (await LoadAsync(forChange: true, ct) is { } answer)
        {
            return answer;
        }

        if (Team?.FindRisk(riskId) is not { } risk)
        {
            return NotFound();
        }

        Form = RiskForm.From(risk, Team.Version);
        var result = await ChangeAsync((team, now) => team.CloseRisk(Cycle, riskId, Closing.ClosingNote, UserId, now), nameof(Closing), null, ct);
        return Done(riskId, result, "Risk closed. It stays in the register.", "closed");
    }

    private IActionResult Done(Guid riskId, IActionResult? result, string success, string what)
    {
        if (Team?.FindRisk(riskId) is not { } risk)
        {
            return NotFound();
        }

        Risk = risk;
        if (result is not null)
        {
            if (Conflicted)
            {
                Form = Form with { Version = Team.Version };
            }

            return result;
        }

        logger.LogInformation("Alliance risk {RiskId} of cycle {CycleId} {What}", riskId, CycleId, what);
        TempData.SetSuccess(success);
        return Redirect($"{AllianceUrl}#risks");
    }

    public sealed record CloseInput
    {
        public string ClosingNote { get; init; } = "";
    }
}
