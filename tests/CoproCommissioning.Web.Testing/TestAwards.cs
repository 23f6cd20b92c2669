using CoproCommissioning.Domain;
using CoproCommissioning.Domain.Cycles;
using CoproCommissioning.Domain.Membership;
using CoproCommissioning.Domain.Procurement;
using CoproCommissioning.Domain.Specification;
using CoproCommissioning.Domain.Testing;
using CoproCommissioning.Web.DemoData;
using Microsoft.EntityFrameworkCore;

namespace CoproCommissioning.Web.Testing;

/// <summary>
/// A cycle of the demo accounts taken through an approved specification (two outcomes) and an awarded procurement to
/// its monitoring stage, with no contract yet: what a commissioner makes the contract from. The award goes to the demo
/// provider alone, to it and Harbour Lights Sanctuary (provider2@) outside an alliance, or to both as an alliance; or to
/// the demo provider under the Procurement Act 2023. Saved through a context of its own, as another request would.
/// </summary>
public static class TestAwards
{
    public enum Award
    {
        /// <summary>Direct Award Process A of the Provider Selection Regime, to the demo provider.</summary>
        Direct,

        /// <summary>The same route, to the demo provider and Harbour Lights Sanctuary: the commissioner chooses the lead.</summary>
        TwoProviders,

        /// <summary>An alliance agreement of the demo provider and Harbour Lights Sanctuary.</summary>
        Alliance,

        /// <summary>A direct award under the Procurement Act 2023, which expects published KPIs over £5m.</summary>
        ProcurementAct,
    }

    public const string AwardTitle = "Award the crisis support contract";

    private static readonly DateTimeOffset Before = Moments.Now.AddDays(-20);

    /// <summary>What was arranged: the cycle, and Harbour Lights Sanctuary's organisation and provider when it is party to the award.</summary>
    public sealed record Awarded(Guid CycleId, Guid? SecondOrganisation, string? SecondProvider);

    public static async Task<Awarded> AwardedAsync(DatabaseFixture fixture, CyclePeople people, Award award = Award.Direct)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        ArgumentNullException.ThrowIfNull(people);
        await using var scope = fixture.Db();
        var db = scope.Context;
        var second = award is Award.TwoProviders or Award.Alliance
            ? await db.Users.Where(u => u.Email == DemoProcurementCycle.SanctuaryEmail).Select(u => new { u.Id, u.OrganisationId }).SingleAsync()
            : null;

        var cycle = ACycle.AtStage(StageKind.Specification).Build();
        var at = Before;
        DateTimeOffset Tick() => at = at.AddMinutes(10);
        var specification = Must(ServiceSpecification.Start(cycle, Framework, people.Commissioner, CycleRole.Commissioner, Tick()));
        var approvedAt = Tick();
        Must(specification.Approve(cycle, 1, Decided("Approve the specification", approvedAt, people), people.Commissioner, CycleRole.Commissioner, approvedAt));
        SignOff(cycle, StageKind.Specification, ServiceSpecification.SignOffConditions(specification), people, Tick);

        var route = award switch
        {
            Award.Alliance => new RouteChoice(ProcurementRegime.AllianceAgreement, ProcurementRoute.AllianceOfExistingProviders, RouteQuestions.Unanswered,
                "The trust and the peer-led charity already run crisis support together."),
            Award.ProcurementAct => new RouteChoice(ProcurementRegime.ProcurementAct2023, ProcurementRoute.DirectAward, RouteQuestions.Unanswered,
                "The only provider with the building.", "Schedule 5, paragraph 5: only one supplier can provide it."),
            _ => new RouteChoice(ProcurementRegime.ProviderSelectionRegime, ProcurementRoute.DirectAwardProcessA, new RouteQuestions(true, true, null, null),
                "Only the current crisis team can run it."),
        };
        var procurement = Must(CycleProcurement.Start(cycle, route, people.Commissioner, CycleRole.Commissioner, Tick()));
        var awardedAt = Tick();
        var decision = Must(cycle.RecordDecision(StageKind.Procurement, Decided(AwardTitle, awardedAt, people), people.Commissioner, CycleRole.Commissioner, awardedAt));
        IReadOnlyList<Guid> awarded = second is null ? [people.ProviderOrganisation] : [people.ProviderOrganisation, second.OrganisationId!.Value];
        Must(procurement.RecordAward(cycle, decision.Id, awarded, [], awarded, people.Commissioner, CycleRole.Commissioner, awardedAt));
        SignOff(cycle, StageKind.Procurement, [], people, Tick);

        db.Cycles.Add(cycle);
        foreach (var (userId, role, voice, organisation) in people.Memberships())
        {
            db.Memberships.Add(Must(CycleMembership.Create(cycle.Id, userId, role, voice, organisation, null, Before)));
        }

        if (second is not null)
        {
            db.Memberships.Add(Must(CycleMembership.Create(cycle.Id, second.Id, CycleRole.Provider, null, second.OrganisationId, null, Before)));
        }

        db.Specifications.Add(specification);
        db.Procurements.Add(procurement);
        await db.SaveChangesAsync();
        return new Awarded(cycle.Id, second?.OrganisationId, second?.Id);
    }

    /// <summary>The outcome framework the contract carries, with <see cref="TestMonitoring"/>'s two outcomes; it uses it too.</summary>
    internal static VersionDraft Framework { get; } = new(
        "Final draft",
        [new SectionDraft(ASpecification.WhoItIsFor, "Who the service is for", "Adults in crisis in Leeds.", "")],
        [
            new OutcomeDraft(TestMonitoring.CrisisOutcome, "I can get help before I reach crisis", OutcomeDomain.MentalWellbeing,
                "What people say at their 3-month review.", ASpecification.Levels),
            new OutcomeDraft(TestMonitoring.EnjoyOutcome, "I have things to do that I enjoy", OutcomeDomain.CommunityParticipationAndLeisure,
                "What people say at their 3-month review.", ASpecification.Levels),
        ]);

    internal static DecisionDetails Decided(string title, DateTimeOffset at, CyclePeople people) => new(
        title, "Agreed with the panel.", DecisionMode.CommissionerLed, "The panel met the commissioner and agreed it.",
        CoProductionLadderRung.Engagement, at,
        [new DecisionParticipant(people.Commissioner, CycleRole.Commissioner), new DecisionParticipant(people.Panel, CycleRole.PanelMember)], []);

    /// <summary>Signs a stage off with the panel's input answered, as the arrangements that walk a cycle to its later stages do.</summary>
    internal static void SignOff(CommissioningCycle cycle, StageKind stage, IReadOnlyCollection<Refusal> conditions, CyclePeople people, Func<DateTimeOffset> tick)
    {
        var input = Must(cycle.AddContribution(stage, people.Panel, CycleRole.PanelMember, Voice.LivedExperience, Channel.Workshop,
            ContributionVisibility.Everyone, "Keep the evening phone line", "", tick()));
        Must(cycle.Respond(input.Id, people.Commissioner, CycleRole.Commissioner, ResponseType.Adopted, "We kept it.", tick()));
        Must(cycle.SignOff(stage, people.Commissioner, CycleRole.Commissioner, $"{stage} agreed with the panel", tick(), stageConditions: conditions));
    }

    private static T Must<T>(DomainOutcome<T> outcome) where T : class => Expect.Success(outcome);

    private static void Must(DomainOutcome outcome) => Expect.Success(outcome);
}
