using CoproCommissioning.Domain.Procurement;
using CoproCommissioning.Web.Pages.Cycles.Procurement.Panel;

namespace CoproCommissioning.Web.Pages.Cycles.Procurement.Award;

/// <summary>
/// A commissioner records the award: the provider(s) chosen, from the ranking on a competitive route or from the
/// cycle's providers on a direct one, and the decision in the procurement stage that made it (R2: who decided and why
/// live on the decision). Once recorded, the page shows the award, and on routes with a standstill where to go next.
/// </summary>
[CyclePermission(CycleOperation.ManageCycle)]
public sealed class AwardModel(CoproDbContext db, TimeProvider clock, ILogger<AwardModel> logger) : AwardPageModel
{
    [BindProperty]
    public AwardInput Form { get; set; } = new();

    public CycleProcurement Procurement { get; private set; } = null!;

    /// <summary>Every submitted bid's standing, best first; empty on a direct route or before the deadline.</summary>
    public IReadOnlyList<BidStanding> Standings { get; private set; } = [];

    /// <summary>The providers the award may name, by name.</summary>
    public IReadOnlyList<ProviderOrganisation> Eligible { get; private set; } = [];

    public IReadOnlyDictionary<Guid, string> OrganisationNames { get; private set; } = new Dictionary<Guid, string>();

    /// <summary>The procurement stage's decisions, latest first.</summary>
    public IReadOnlyList<Decision> Decisions { get; private set; } = [];

    public Decision? AwardDecision { get; private set; }

    public IReadOnlyList<string> DecidedBy { get; private set; } = [];

    public string RecordedBy { get; private set; } = "";

    /// <summary>On a competitive route bids are sealed until the deadline: nothing to rank and nobody to choose yet.</summary>
    public bool IsSealed { get; private set; }

    /// <summary>The award can be recorded, or changed until the intention to award is published.</summary>
    public bool MayChange => !IsSealed && !Procurement.IsIntentionPublished && !IsSignedOff;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var cycle = await LoadCycleWithDecisionsAsync(db, ct);
        if (cycle is null)
        {
            return NotFound();
        }

        if (await LoadProcurementAsync(db, forChange: false, ct) is not { } procurement)
        {
            return Redirect(OverviewUrl);
        }

        await ShowAsync(cycle, procurement, ct);
        Form = new AwardInput { DecisionId = procurement.AwardDecisionId, OrganisationIds = [.. procurement.AwardedOrganisationIds] };
        return Page();
    }

    [CyclePermission(CycleOperation.ManageCycle)]
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var cycle = await LoadCycleWithDecisionsAsync(db, ct);
        if (cycle is null)
        {
            return NotFound();
        }

        if (await LoadProcurementAsync(db, forChange: true, ct) is not { } procurement)
        {
            return Redirect(OverviewUrl);
        }

        var now = clock.GetUtcNow();
        var standings = await StandingsAsync(db, procurement, now, ct);
        var eligible = await EligibleAsync(procurement, standings, ct);
        var outcome = procurement.RecordAward(cycle, Form.DecisionId, Form.OrganisationIds, standings, [.. eligible.Select(o => o.Id)], UserId, Role, now);
        ModelState.AddErrors(outcome, nameof(Form));
        if (ModelState.IsValid)
        {
            var saved = await SaveIntoStageAsync(db, cycle, now, ct);
            if (saved.Succeeded)
            {
                logger.LogInformation("Award of cycle {CycleId} recorded with decision {DecisionId}", CycleId, Form.DecisionId);
                TempData.SetSuccess(procurement.NeedsStandstill
                    ? "The award is recorded. Next, publish the intention to award and record the standstill."
                    : "The award is recorded.");
                return Redirect(ProcurementUrls.Award(CycleId));
            }

            if (saved.Status == SaveStatus.Conflict)
            {
                ModelState.AddConcurrencyError();
            }
        }

        db.ChangeTracker.Clear();
        if (await LoadProcurementAsync(db, forChange: false, ct) is not { } latest)
        {
            return Redirect(OverviewUrl);
        }

        await ShowAsync(cycle, latest, ct);
        return Page();
    }

    private async Task ShowAsync(CommissioningCycle cycle, CycleProcurement procurement, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        Procurement = procurement;
        IsSealed = procurement.IsCompetitive && !procurement.IsPastDeadline(now);
        Standings = await StandingsAsync(db, procurement, now, ct);
        Eligible = await EligibleAsync(procurement, Standings, ct);
        OrganisationNames = await OrganisationNamesAsync(db,
            [.. Standings.Select(s => s.Bid.OrganisationId), .. procurement.AwardedOrganisationIds], ct);
        Decisions = [.. cycle.StageOf(StageKind.Procurement).Decisions.OrderByDescending(d => d.DecidedAt)];
        AwardDecision = procurement.AwardDecisionId is { } id ? cycle.FindDecision(id) : null;
        var names = await PeopleNames.LoadAsync(db,
            [.. AwardDecision?.Participants.Select(p => p.UserId) ?? [], procurement.AwardRecordedByUserId], UserId, ct);
        DecidedBy = AwardDecision is null ? [] : WhoDecided(AwardDecision, names);
        RecordedBy = names.Of(procurement.AwardRecordedByUserId);
    }

    /// <summary>On a competitive route the organisations whose bids were submitted; otherwise the cycle's providers.</summary>
    private async Task<IReadOnlyList<ProviderOrganisation>> EligibleAsync(
        CycleProcurement procurement, IReadOnlyList<BidStanding> standings, CancellationToken ct)
    {
        if (!procurement.IsCompetitive)
        {
            return await ProviderOrganisation.LoadAsync(db, CycleId, ct);
        }

        var names = await OrganisationNamesAsync(db, standings.Select(s => s.Bid.OrganisationId), ct);
        return [.. standings.Select(s => new ProviderOrganisation(s.Bid.OrganisationId, NameOf(names, s.Bid.OrganisationId))).DistinctBy(o => o.Id)];
    }

    public sealed record AwardInput
    {
        public Guid? DecisionId { get; init; }

        public List<Guid> OrganisationIds { get; init; } = [];
    }
}
