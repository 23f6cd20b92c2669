namespace CoproCommissioning.Web.Pages.Cycles.Monitoring.Alliance;

/// <summary>A named person on the team adds a risk to the joint register: in an alliance the risk is everyone's.</summary>
[CyclePermission(CycleOperation.Contribute)]
public sealed class AddRiskModel(CoproDbContext db, TimeProvider clock, ILogger<AddRiskModel> logger) : AlliancePageModel(db, clock)
{
    [BindProperty]
    public RiskForm Form { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await LoadAsync(forChange: false, ct) is { } answer)
        {
            return answer;
        }

        Form = new RiskForm { OwnerMemberId = Me?.Id };
        return Page();
    }

    [CyclePermission(CycleOperation.Contribute)]
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await LoadAsync(forChange: true, ct) is { } answer)
        {
            return answer;
        }

        var (draft, dateRead) = Form.ToDraft();
        if (!dateRead)
        {
            ModelState.AddModelError($"{nameof(Form)}.{nameof(RiskForm.ReviewOn)}", RiskForm.ReviewOnUnreadable);
        }

        var (result, risk) = await AddAsync((team, now) => team.AddRisk(Cycle, draft, UserId, now), nameof(Form), ct);
        if (result is not null)
        {
            return result;
        }

        logger.LogInformation("Risk {RiskId} added to the alliance register of cycle {CycleId}", risk!.Id, CycleId);
        TempData.SetSuccess($"Risk added to the register, with a score of {risk.Score}.");
        return Redirect($"{AllianceUrl}#risks");
    }
}
