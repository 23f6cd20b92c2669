using CoproCommissioning.Domain.Procurement;

namespace CoproCommissioning.Web.Pages.Cycles.Procurement;

/// <summary>
/// A commissioner records which rules the procurement follows and the route, answering the Provider Selection Regime's
/// questions, which suggest the process; the domain refuses a route the answers rule out (Process A is mandatory when it applies).
/// </summary>
[CyclePermission(CycleOperation.ManageCycle)]
public sealed class RouteModel(CoproDbContext db, TimeProvider clock, ILogger<RouteModel> logger) : ProcurementPageModel
{
    [BindProperty]
    public RouteForm Form { get; set; } = new();

    /// <summary>The processes the answers on screen allow, suggested one first; empty until every question that arises is answered.</summary>
    public IReadOnlyList<ProcurementRoute> Allowed { get; private set; } = [];

    public bool BiddingOpen { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await LoadCycleAsync(db, ct) is null)
        {
            return NotFound();
        }

        var procurement = await LoadProcurementAsync(db, forChange: false, ct);
        if (procurement is not null)
        {
            Form = RouteForm.From(procurement);
            BiddingOpen = procurement.IsBiddingOpen;
        }

        Allowed = Form.Answers().AllowedRoutes();
        return Page();
    }

    [CyclePermission(CycleOperation.ManageCycle)]
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var cycle = await LoadCycleAsync(db, ct);
        if (cycle is null)
        {
            return NotFound();
        }

        Allowed = Form.Answers().AllowedRoutes();
        var now = clock.GetUtcNow();
        var procurement = await LoadProcurementAsync(db, forChange: true, ct);
        DomainOutcome outcome;
        if (procurement is null)
        {
            var started = CycleProcurement.Start(cycle, Form.ToChoice(), UserId, Role, now);
            outcome = started;
            if (started.Succeeded)
            {
                db.Procurements.Add(started.Value);
            }
        }
        else
        {
            BiddingOpen = procurement.IsBiddingOpen;
            db.Entry(procurement).Property(p => p.Version).OriginalValue = Form.Version;
            outcome = procurement.ChooseRoute(cycle, Form.ToChoice(), UserId, Role, now);
        }

        if (!outcome.Succeeded)
        {
            ModelState.AddErrors(outcome, nameof(Form));
            return Page();
        }

        var saved = await SaveIntoStageAsync(db, cycle, now, ct);
        if (saved.Status == SaveStatus.Conflict)
        {
            ModelState.AddConcurrencyError();
        }

        if (!saved.Succeeded)
        {
            return Page();
        }

        logger.LogInformation("Procurement route recorded for cycle {CycleId}", CycleId);
        TempData.SetSuccess($"Route recorded: {ProcurementRoutes.Name(Form.Route!.Value)}.");
        return Redirect(OverviewUrl);
    }
}

/// <summary>What the route page shows and posts; property names are the domain's fields.</summary>
public sealed record RouteForm
{
    public ProcurementRegime? Regime { get; init; }

    public bool? ExistingProvider { get; init; }

    public bool? OnlyCapableProvider { get; init; }

    public bool? UnrestrictedChoice { get; init; }

    public bool? SatisfactoryAndNoConsiderableChange { get; init; }

    public ProcurementRoute? Route { get; init; }

    public string Reason { get; init; } = "";

    public string Justification { get; init; } = "";

    /// <summary>The procurement's version when the page was shown (PostgreSQL xmin).</summary>
    public uint Version { get; init; }

    public RouteQuestions Answers() => new(ExistingProvider, OnlyCapableProvider, UnrestrictedChoice, SatisfactoryAndNoConsiderableChange);

    public RouteChoice ToChoice() => new(Regime, Route, Answers(), Reason, Justification);

    public static RouteForm From(CycleProcurement procurement) => new()
    {
        Regime = procurement.Regime,
        ExistingProvider = procurement.Answers.ExistingProvider,
        OnlyCapableProvider = procurement.Answers.OnlyCapableProvider,
        UnrestrictedChoice = procurement.Answers.UnrestrictedChoice,
        SatisfactoryAndNoConsiderableChange = procurement.Answers.SatisfactoryAndNoConsiderableChange,
        Route = procurement.Route,
        Reason = procurement.RouteReason,
        Justification = procurement.Justification ?? "",
        Version = procurement.Version,
    };
}
