using CoproCommissioning.Domain.Monitoring;

namespace CoproCommissioning.Web.Pages.Cycles.Monitoring.Alliance;

/// <summary>A named person raises a dispute for their party, with the route the alliance agreement gives for resolving it.</summary>
[CyclePermission(CycleOperation.Contribute)]
public sealed class RaiseDisputeModel(CoproDbContext db, TimeProvider clock, ILogger<RaiseDisputeModel> logger) : AlliancePageModel(db, clock)
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

        var (result, dispute) = await AddAsync((team, now) => team.RaiseDispute(Cycle, Form.Summary, Form.Route, UserId, now), nameof(Form), ct);
        if (result is not null)
        {
            return result;
        }

        logger.LogInformation("Dispute {DisputeId} raised in the alliance of cycle {CycleId}", dispute!.Id, CycleId);
        TempData.SetSuccess($"Dispute raised, to be resolved {AllianceLabels.Of(dispute.Route).ToLowerInvariant()}.");
        return Redirect($"{AllianceUrl}#disputes");
    }

    public sealed record Input
    {
        public string Summary { get; init; } = "";

        public DisputeRoute? Route { get; init; }
    }
}
