using CoproCommissioning.Domain.Monitoring;

namespace CoproCommissioning.Web.Pages.Cycles.Monitoring.Alliance;

/// <summary>A dispute between members: a named person changes its route while it is open, or records how it was resolved.</summary>
[CyclePermission(CycleOperation.View)]
public sealed class DisputeModel(CoproDbContext db, TimeProvider clock, ILogger<DisputeModel> logger) : AlliancePageModel(db, clock)
{
    [BindProperty]
    public RouteInput RouteForm { get; set; } = new();

    [BindProperty]
    public ResolveInput Resolution { get; set; } = new();

    public AllianceDispute Dispute { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid disputeId, CancellationToken ct)
    {
        if (await LoadAsync(forChange: false, ct) is { } answer)
        {
            return answer;
        }

        if (Team?.FindDispute(disputeId) is not { } dispute)
        {
            return NotFound();
        }

        Dispute = dispute;
        RouteForm = new RouteInput { Route = dispute.Route, Version = Team.Version };
        return Page();
    }

    [CyclePermission(CycleOperation.Contribute)]
    public async Task<IActionResult> OnPostRouteAsync(Guid disputeId, CancellationToken ct)
    {
        if (await LoadAsync(forChange: true, ct) is { } answer)
        {
            return answer;
        }

        if (Team?.FindDispute(disputeId) is null)
        {
            return NotFound();
        }

        var result = await ChangeAsync((team, now) => team.ChangeDisputeRoute(Cycle, disputeId, RouteForm.Route, UserId, now),
            nameof(RouteForm), RouteForm.Version, ct);
        return Done(disputeId, result, "The dispute's route is changed.", "rerouted");
    }

    [CyclePermission(CycleOperation.Contribute)]
    public async Task<IActionResult> OnPostResolveAsync(Guid disputeId, CancellationToken ct)
    {
        if (await LoadAsync(forChange: true, ct) is { } answer)
        {
            return answer;
        }

        if (Team?.FindDispute(disputeId) is not { } dispute)
        {
            return NotFound();
        }

        RouteForm = new RouteInput { Route = dispute.Route, Version = Team.Version };
        var result = await ChangeAsync((team, now) => team.ResolveDispute(Cycle, disputeId, Resolution.Outcome, UserId, now), nameof(Resolution), null, ct);
        return Done(disputeId, result, "The dispute is resolved and its outcome recorded.", "resolved");
    }

    private IActionResult Done(Guid disputeId, IActionResult? result, string success, string what)
    {
        if (Team?.FindDispute(disputeId) is not { } dispute)
        {
            return NotFound();
        }

        Dispute = dispute;
        if (result is not null)
        {
            if (Conflicted)
            {
                RouteForm = RouteForm with { Version = Team.Version };
            }

            return result;
        }

        logger.LogInformation("Alliance dispute {DisputeId} of cycle {CycleId} {What}", disputeId, CycleId, what);
        TempData.SetSuccess(success);
        return Redirect($"{AllianceUrl}#disputes");
    }

    public sealed record RouteInput
    {
        public DisputeRoute? Route { get; init; }

        /// <summary>The team's version when the page was shown (PostgreSQL xmin).</summary>
        public uint Version { get; init; }
    }

    public sealed record ResolveInput
    {
        public string Outcome { get; init; } = "";
    }
}
