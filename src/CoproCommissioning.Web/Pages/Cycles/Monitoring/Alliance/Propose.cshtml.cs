namespace CoproCommissioning.Web.Pages.Cycles.Monitoring.Alliance;

/// <summary>A named person on a complete team puts a decision to it; every member, the proposer included, then votes.</summary>
[CyclePermission(CycleOperation.Contribute)]
public sealed class ProposeModel(CoproDbContext db, TimeProvider clock, ILogger<ProposeModel> logger) : AlliancePageModel(db, clock)
{
    [BindProperty]
    public Input Form { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(forChange: false, ct) ?? Page();

    [CyclePermission(CycleOperation.Contribute)]
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await LoadAsync(forChange: true, ct) is { } answer)
        {
            return answer;
        }

        var (result, decision) = await AddAsync((team, now) => team.Propose(Cycle, Procurement!, Form.Title, Form.Proposal, UserId, now), nameof(Form), ct);
        if (result is not null)
        {
            return result;
        }

        logger.LogInformation("Decision {DecisionId} put to the alliance leadership team of cycle {CycleId}", decision!.Id, CycleId);
        TempData.SetSuccess("The decision is put to the team. It is carried when every member agrees: record your own vote below.");
        return Redirect(AllianceUrls.Decision(CycleId, decision.Id));
    }

    public sealed record Input
    {
        public string Title { get; init; } = "";

        public string Proposal { get; init; } = "";
    }
}
