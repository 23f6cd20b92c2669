using CoproCommissioning.Domain.Monitoring;
using CoproCommissioning.Web.Pages.Cycles.Monitoring.Contract;
using CoproCommissioning.Web.Pages.Cycles.Monitoring.Ratings;
using CoproCommissioning.Web.Pages.Cycles.Monitoring.Returns;
using CoproCommissioning.Web.Pages.Cycles.Monitoring.Reviews;

namespace CoproCommissioning.Web.Pages.Cycles.Monitoring;

/// <summary>
/// The monitoring stage at a glance: before the contract, why it cannot be made yet (for commissioners) or that it is
/// not made; after, its parties and terms, the outcome framework it carries, its KPIs and the commissioner's
/// commitments, the reporting periods with where each party's return stands, and a link to each part of monitoring
/// for the people who use that part.
/// </summary>
[CyclePermission(CycleOperation.View)]
public sealed class IndexModel(CoproDbContext db, TimeProvider clock) : MonitoringPageModel
{
    public CycleMonitoring? Monitoring { get; private set; }

    /// <summary>For a commissioner before the contract: what stops it being made, in the contract's words.</summary>
    public IReadOnlyList<Refusal> WhyNot { get; private set; } = [];

    public IReadOnlyList<(string Name, PartyRole Role)> Parties { get; private set; } = [];

    /// <summary>The parties whose returns the signed-in member is shown, each with its return's state in every period.</summary>
    public IReadOnlyList<PartyReturns> Returns { get; private set; } = [];

    public IReadOnlyList<PartLink> Parts { get; private set; } = [];

    /// <summary>What waits for the signed-in member, first on the page: returns due or late, reviews without a decision, periods to rate, risks to review.</summary>
    public IReadOnlyList<PartLink> NeedsAttention { get; private set; } = [];

    /// <summary>Whether the commissioner may change the contract now: it is theirs, and the stage is not signed off.</summary>
    public bool MayChange => IsCommissioner && !IsSignedOff;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var cycle = await LoadCycleAsync(db, ct);
        if (cycle is null)
        {
            return NotFound();
        }

        var now = clock.GetUtcNow();
        Monitoring = await LoadMonitoringAsync(db, forChange: false, ct);
        if (Monitoring is null)
        {
            if (IsCommissioner)
            {
                WhyNot = (await ContractAward.LoadAsync(db, CycleId, ct)).WhyNot(cycle, UserId, Role, now);
            }

            return Page();
        }

        var organisationIds = Monitoring.Parties.Select(p => p.OrganisationId).OfType<Guid>().ToList();
        var names = await db.Organisations.AsNoTracking().Where(o => organisationIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        Parties = [.. Monitoring.Parties
            .Select(p => (p.OrganisationId is { } id ? names.GetValueOrDefault(id, "An organisation no longer listed") : cycle.CommissioningOrganisation, p.Role))
            .OrderBy(p => p.Role).ThenBy(p => p.Item1, StringComparer.CurrentCulture)];
        Returns = await ReturnStates.LoadAsync(db, Monitoring, Role, OrganisationId, now, ct);
        Parts = PartsFor(Monitoring);
        NeedsAttention = await NeedsAttentionAsync(Monitoring, UkTime.Today(now), ct);
        return Page();
    }

    /// <summary>
    /// What the member can act on now, each linked to where they act: for the commissioning team, returns past their
    /// due date and reviews without a decision; for a provider, its own returns that are due or late; for a panel
    /// member, ended periods they have not rated; for the alliance's team, risks past their review date.
    /// </summary>
    private async Task<IReadOnlyList<PartLink>> NeedsAttentionAsync(CycleMonitoring monitoring, DateOnly today, CancellationToken ct)
    {
        List<PartLink> items = [];
        var provider = CyclePermissions.Allows(Role, CycleOperation.SubmitProviderReturn) && monitoring.IsReturningParty(OrganisationId);
        var team = CyclePermissions.Allows(Role, CycleOperation.ReadTeamOnlyInput);
        foreach (var party in Returns)
        {
            var own = provider && party.OrganisationId == OrganisationId;
            foreach (var period in monitoring.Periods)
            {
                var state = party.StateIn(period.Id);
                if (own && (state == ReturnState.Overdue || (state is ReturnState.NotStarted or ReturnState.Draft && period.HasReachedLastDay(today))))
                {
                    items.Add(new($"return-{period.Number}", state == ReturnState.Overdue
                            ? $"Your return for period {period.Number} was due on {UkTime.Date(period.DueOn)}"
                            : $"Your return for period {period.Number} is due by {UkTime.Date(period.DueOn)}",
                        ReturnsUrls.Mine(CycleId, period.Id), ReturnLabels.Period(period)));
                }
                else if (!own && team && state == ReturnState.Overdue)
                {
                    items.Add(new($"overdue-{party.OrganisationId}-{period.Number}", $"{party.Name}'s return for period {period.Number} is past its due date",
                        ContractUrls.Period(CycleId, period.Id), $"Due on {UkTime.Date(period.DueOn)}: ask for it, or record why it is missing."));
                }
            }
        }

        if (IsCommissioner)
        {
            items.AddRange(monitoring.Reviews.Where(r => !r.IsDecided).Select(r => new PartLink($"review-{r.Id}",
                $"The review held on {UkTime.Date(r.HeldOn)} has no decision yet", ReviewsUrls.Review(CycleId, r.Id),
                "Record the decision it ended in, with the returns and ratings it rests on.")));
        }

        if (CyclePermissions.Allows(Role, CycleOperation.GiveLivedExperienceInput))
        {
            var monitoringId = monitoring.Id;
            var rated = await db.PanelRatings.AsNoTracking().Where(r => r.MonitoringId == monitoringId && r.MemberUserId == UserId)
                .Select(r => r.PeriodId).ToListAsync(ct);
            items.AddRange(monitoring.Periods.Where(p => p.HasReachedLastDay(today) && !rated.Contains(p.Id)).Select(p => new PartLink($"rate-{p.Number}",
                $"You have not rated period {p.Number} yet", RatingsUrls.Rate(CycleId, p.Id), ReturnLabels.Period(p))));
        }

        if (monitoring.IsAlliance && (team || provider))
        {
            var cycleId = CycleId;
            var overdue = await db.AllianceTeams.AsNoTracking().Where(t => t.CycleId == cycleId)
                .SelectMany(t => EF.Property<List<AllianceRisk>>(t, "_risks")).CountAsync(r => r.ClosedAt == null && r.ReviewOn < today, ct);
            if (overdue > 0)
            {
                items.Add(new("risks", overdue == 1 ? "1 alliance risk is past its review date" : $"{overdue} alliance risks are past their review date",
                    $"{MonitoringUrls.Alliance(CycleId)}#risks", "Review each with its owner and record the actions."));
            }
        }

        return items;
    }

    /// <summary>
    /// The parts of monitoring the signed-in member uses, each linked only for the roles that may use it: returns for the
    /// commissioning team and the contract's own providers; the panel's ratings for panel members and those who log
    /// them on their behalf; the alliance's team for the commissioning team and the alliance's members; signing off
    /// for the commissioners who may. The outcomes, reviews and lessons are the cycle's record, open to every member.
    /// </summary>
    private IReadOnlyList<PartLink> PartsFor(CycleMonitoring monitoring)
    {
        var provider = CyclePermissions.Allows(Role, CycleOperation.SubmitProviderReturn) && monitoring.IsReturningParty(OrganisationId);
        var team = CyclePermissions.Allows(Role, CycleOperation.ReadTeamOnlyInput);
        List<PartLink> parts = [];
        if (CyclePermissions.Allows(Role, CycleOperation.ReadProviderReturns) || provider)
        {
            parts.Add(new("returns", provider ? "Your organisation's returns" : "Providers' returns", MonitoringUrls.Returns(CycleId),
                "Each provider's report on the outcomes and KPIs, period by period."));
        }

        if (CyclePermissions.Allows(Role, CycleOperation.GiveLivedExperienceInput) || CyclePermissions.Allows(Role, CycleOperation.LogOnBehalf))
        {
            parts.Add(new("ratings", CyclePermissions.Allows(Role, CycleOperation.GiveLivedExperienceInput) ? "Your ratings of the outcomes" : "The panel's ratings",
                MonitoringUrls.Ratings(CycleId), "How people with lived experience rate each outcome from their side."));
        }

        parts.Add(new("outcomes", "Outcomes over time", MonitoringUrls.Outcomes(CycleId),
            "Providers' and the panel's ratings, and each KPI against its target, period by period."));
        parts.Add(new("reviews", "Review meetings and decisions", MonitoringUrls.Reviews(CycleId),
            "Whether to continue, vary, extend or decommission the service, and why."));
        if (monitoring.IsAlliance && (team || provider))
        {
            parts.Add(new("alliance", "The alliance leadership team", MonitoringUrls.Alliance(CycleId),
                "Its decisions, joint risk register, disputes and health checks."));
        }

        parts.Add(new("lessons", "Lessons learned", MonitoringUrls.Lessons(CycleId), "What this cycle taught, carried into the next one."));
        if (CyclePermissions.Allows(Role, CycleOperation.SignOff))
        {
            parts.Add(new("next-cycle", "Sign off monitoring and start the next cycle", MonitoringUrls.NextCycle(CycleId),
                "What is still needed, and the next cycle for the same service."));
        }

        return parts;
    }

    public sealed record PartLink(string Id, string Text, string Url, string Description);
}
