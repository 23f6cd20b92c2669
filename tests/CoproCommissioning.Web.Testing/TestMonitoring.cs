using CoproCommissioning.Data;
using CoproCommissioning.Domain;
using CoproCommissioning.Domain.Cycles;
using CoproCommissioning.Domain.Membership;
using CoproCommissioning.Domain.Monitoring;
using CoproCommissioning.Domain.Procurement;
using CoproCommissioning.Domain.Specification;
using CoproCommissioning.Domain.Testing;
using CoproCommissioning.Web.DemoData;
using Microsoft.EntityFrameworkCore;

namespace CoproCommissioning.Web.Testing;

/// <summary>
/// A cycle of the demo accounts taken through an approved specification (two outcomes) and an awarded procurement into
/// monitoring, with the contract made: £2.4m from 1 April 2026 to 31 March 2028, reported quarterly, so by the real
/// clock of the page tests the first quarters' returns are due. Direct award to the demo provider, or an alliance of the
/// demo provider and Harbour Lights Sanctuary (provider2@). Saved through a context of its own, as another request would.
/// </summary>
public static class TestMonitoring
{
    public static readonly Guid CrisisOutcome = ASpecification.CrisisOutcome;
    public static readonly Guid EnjoyOutcome = Guid.Parse("0196a000-0000-7000-8000-000000000011");
    public static readonly DateOnly StartsOn = new(2026, 4, 1);
    public static readonly DateOnly EndsOn = new(2028, 3, 31);
    public const string KpiName = "People seen within 4 hours";

    private static readonly DateTimeOffset Before = Moments.Now.AddDays(-20);

    /// <summary>What was arranged: the cycle, its contract and periods in order, the second provider (alliance only).</summary>
    public sealed record Monitored(Guid CycleId, Guid MonitoringId, IReadOnlyList<Guid> PeriodIds, Guid? KpiId, Guid? SecondOrganisation, string? SecondProvider);

    public static async Task<Monitored> ContractedAsync(DatabaseFixture fixture, CyclePeople people, bool alliance = false, bool withKpi = true)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        ArgumentNullException.ThrowIfNull(people);
        await using var scope = fixture.Db();
        var db = scope.Context;
        var second = alliance
            ? await db.Users.Where(u => u.Email == DemoProcurementCycle.SanctuaryEmail).Select(u => new { u.Id, u.OrganisationId }).SingleAsync()
            : null;
        var secondOrganisation = second?.OrganisationId ?? (alliance ? throw new InvalidOperationException("provider2@ has no organisation") : null);

        var cycle = ACycle.AtStage(StageKind.Specification).Build();
        var at = Before;
        DateTimeOffset Tick() => at = at.AddMinutes(10);
        var specification = Must(ServiceSpecification.Start(cycle, TestAwards.Framework, people.Commissioner, CycleRole.Commissioner, Tick()));
        var approvedAt = Tick();
        Must(specification.Approve(cycle, 1, TestAwards.Decided("Approve the specification", approvedAt, people), people.Commissioner, CycleRole.Commissioner, approvedAt));
        TestAwards.SignOff(cycle, StageKind.Specification, ServiceSpecification.SignOffConditions(specification), people, Tick);

        var route = alliance
            ? new RouteChoice(ProcurementRegime.AllianceAgreement, ProcurementRoute.AllianceOfExistingProviders, RouteQuestions.Unanswered,
                "The trust and the peer-led charity already run crisis support together.")
            : new RouteChoice(ProcurementRegime.ProviderSelectionRegime, ProcurementRoute.DirectAwardProcessA, new RouteQuestions(true, true, null, null),
                "Only the current crisis team can run it.");
        var procurement = Must(CycleProcurement.Start(cycle, route, people.Commissioner, CycleRole.Commissioner, Tick()));
        var awardedAt = Tick();
        var award = Must(cycle.RecordDecision(StageKind.Procurement, TestAwards.Decided("Award the contract", awardedAt, people), people.Commissioner, CycleRole.Commissioner, awardedAt));
        IReadOnlyList<Guid> awarded = alliance ? [people.ProviderOrganisation, secondOrganisation!.Value] : [people.ProviderOrganisation];
        Must(procurement.RecordAward(cycle, award.Id, awarded, [], awarded, people.Commissioner, CycleRole.Commissioner, awardedAt));
        TestAwards.SignOff(cycle, StageKind.Procurement, [], people, Tick);

        var contractedAt = Tick();
        var monitoring = Must(CycleMonitoring.Start(cycle, procurement, specification,
            new ContractDraft(2_400_000m, StartsOn, EndsOn, "Up to 2 further years, one year at a time."), false,
            people.Commissioner, CycleRole.Commissioner, contractedAt));
        var kpi = withKpi
            ? Must(monitoring.AddKpi(cycle, KpiOwner.Provider, new KpiDraft(KpiName, "People seen within 4 hours of referral, out of everyone referred.",
                95m, "%", KpiDirection.AtLeast, ReportingFrequency.Quarterly, "The provider's case records."), people.Commissioner, CycleRole.Commissioner, contractedAt))
            : null;

        db.Cycles.Add(cycle);
        foreach (var (userId, role, voice, organisation) in people.Memberships())
        {
            db.Memberships.Add(Must(CycleMembership.Create(cycle.Id, userId, role, voice, organisation, null, Before)));
        }

        if (second is not null)
        {
            db.Memberships.Add(Must(CycleMembership.Create(cycle.Id, second.Id, CycleRole.Provider, null, secondOrganisation, null, Before)));
        }

        db.Specifications.Add(specification);
        db.Procurements.Add(procurement);
        db.Monitorings.Add(monitoring);
        await db.SaveChangesAsync();
        return new Monitored(cycle.Id, monitoring.Id, [.. monitoring.Periods.Select(p => p.Id)], kpi?.Id, secondOrganisation, second?.Id);
    }

    /// <summary>A return complete for submission: every outcome rated <paramref name="rating"/> with evidence, and a value for every KPI.</summary>
    public static ReturnDraft CompleteReturn(CycleMonitoring monitoring, RatingLevel rating = RatingLevel.Good)
    {
        ArgumentNullException.ThrowIfNull(monitoring);
        return new ReturnDraft(
            monitoring.Outcomes.ToDictionary(o => o.OutcomeId, _ => new OutcomeReport(rating, "Most people told us they were seen early.")),
            monitoring.Kpis.ToDictionary(k => k.Id, _ => new KpiReport(96m, "")),
            "The peer forum rewrote the out-of-hours leaflet.",
            "Forum, 12 June: 9 people came. They asked for the leaflet in plain English.",
            "");
    }

    /// <summary>The provider's return for period <paramref name="periodNumber"/> (from 1), saved complete and submitted unless asked not to.</summary>
    public static async Task<Guid> ReturnedAsync(
        DatabaseFixture fixture, Monitored monitored, int periodNumber, string userId, Guid organisationId, RatingLevel rating = RatingLevel.Good, bool submit = true)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        ArgumentNullException.ThrowIfNull(monitored);
        await using var scope = fixture.Db();
        var (cycle, monitoring) = await LoadAsync(scope.Context, monitored);
        var period = monitoring.Periods.Single(p => p.Number == periodNumber);
        var when = WhileReporting(period);
        var providerReturn = Must(ProviderReturn.Start(cycle, monitoring, period.Id, organisationId, false, userId, CycleRole.Provider, when));
        Must(providerReturn.Save(cycle, monitoring, CompleteReturn(monitoring, rating), userId, CycleRole.Provider, organisationId, when));
        if (submit)
        {
            Must(providerReturn.Submit(cycle, monitoring, userId, CycleRole.Provider, organisationId, when));
        }

        scope.Context.ProviderReturns.Add(providerReturn);
        await scope.Context.SaveChangesAsync();
        return providerReturn.Id;
    }

    /// <summary>A panel member rates every outcome <paramref name="rating"/> for period <paramref name="periodNumber"/>, shared with everyone.</summary>
    public static async Task<Guid> RatedAsync(DatabaseFixture fixture, Monitored monitored, int periodNumber, string panelUserId, RatingLevel rating)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        ArgumentNullException.ThrowIfNull(monitored);
        await using var scope = fixture.Db();
        var (cycle, monitoring) = await LoadAsync(scope.Context, monitored);
        var period = monitoring.Periods.Single(p => p.Number == periodNumber);
        var draft = new PanelRatingDraft(
            monitoring.Outcomes.ToDictionary(o => o.OutcomeId, _ => new PanelOutcomeReport(rating, "Staff listened, but the wait felt long.")),
            ContributionVisibility.Everyone);
        var panelRating = Must(PanelRating.Give(cycle, monitoring, period.Id, draft, false, panelUserId, CycleRole.PanelMember, WhileReporting(period)));
        scope.Context.PanelRatings.Add(panelRating);
        await scope.Context.SaveChangesAsync();
        return panelRating.Id;
    }

    public static async Task<CycleMonitoring> MonitoringAsync(DatabaseFixture fixture, Guid cycleId)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        await using var scope = fixture.Db();
        return await scope.Context.Monitorings.AsNoTracking().AsSplitQuery().SingleAsync(m => m.CycleId == cycleId);
    }

    private static async Task<(CommissioningCycle Cycle, CycleMonitoring Monitoring)> LoadAsync(CoproDbContext db, Monitored monitored) =>
        (await db.Cycles.IncludeStages().SingleAsync(c => c.Id == monitored.CycleId),
         await db.Monitorings.AsSplitQuery().SingleAsync(m => m.Id == monitored.MonitoringId));

    // Ten days after the period ends: inside its reporting window, and long past by the tests' real clock.
    private static DateTimeOffset WhileReporting(ReportingPeriod period) =>
        new(period.EndsOn.ToDateTime(new TimeOnly(9, 0)).AddDays(10), TimeSpan.Zero);

    private static T Must<T>(DomainOutcome<T> outcome) where T : class => Expect.Success(outcome);

    private static void Must(DomainOutcome outcome) => Expect.Success(outcome);
}
