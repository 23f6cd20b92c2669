using CoproCommissioning.Domain.Cycles;
using CoproCommissioning.Domain.Monitoring;
using CoproCommissioning.Domain.Procurement;
using CoproCommissioning.Domain.Specification;

namespace CoproCommissioning.Domain.Tests.Monitoring;

/// <summary>
/// A cycle taken through its specification (v1 approved, with two outcomes) and its procurement (a direct award to
/// <see cref="Lead"/>, or an alliance of <see cref="Lead"/> and <see cref="Member"/>) into monitoring, and the contract
/// made from it: £2.4m from 1 April 2026 to 31 March 2028, reported quarterly. Everything before monitoring happens
/// in the weeks before <see cref="Moments.Now"/>; the contract is made at <see cref="Moments.Now"/>.
/// </summary>
internal static class MonitoringSetUp
{
    public static readonly DateTimeOffset Now = Moments.Now;

    /// <summary>The organisation of <see cref="People.Provider"/>, and of <see cref="MemberProvider"/>.</summary>
    public static readonly Guid Lead = Guid.CreateVersion7();
    public static readonly Guid Member = Guid.CreateVersion7();

    /// <summary>An organisation that is not party to the contract.</summary>
    public static readonly Guid Stranger = Guid.CreateVersion7();

    public const string MemberProvider = "provider-2";

    public static readonly Guid StepUpOutcome = Guid.Parse("0196a000-0000-7000-8000-000000000011");

    public static readonly DateOnly StartsOn = new(2026, 4, 1);
    public static readonly DateOnly EndsOn = new(2028, 3, 31);

    /// <summary>During the first quarter's reporting: 10 July 2026, before its returns are due on 31 July.</summary>
    public static readonly DateTimeOffset InQ1Reporting = new(2026, 7, 10, 9, 0, 0, TimeSpan.Zero);

    /// <summary>After the first quarter's returns were due and before the second's: 1 August 2026.</summary>
    public static readonly DateTimeOffset AfterQ1Due = new(2026, 8, 1, 9, 0, 0, TimeSpan.Zero);

    public static readonly ContractDraft Contract = new(2_400_000m, StartsOn, EndsOn, "Up to 2 further years, one year at a time.");

    public static readonly RouteChoice DirectA = new(
        ProcurementRegime.ProviderSelectionRegime, ProcurementRoute.DirectAwardProcessA,
        new RouteQuestions(true, true, null, null), "Only the current crisis team can run it.");

    public static readonly RouteChoice Alliance = new(
        ProcurementRegime.AllianceAgreement, ProcurementRoute.AllianceOfExistingProviders, RouteQuestions.Unanswered,
        "The trust and the peer-led charity already run crisis support together.");

    public static readonly RouteChoice ProcurementAct = new(
        ProcurementRegime.ProcurementAct2023, ProcurementRoute.DirectAward, RouteQuestions.Unanswered,
        "The only provider with the building.", "Schedule 5, paragraph 5: only one supplier can provide it.");

    public static readonly KpiDraft SeenWithin4Hours = new(
        "People seen within 4 hours", "People seen within 4 hours of referral, out of everyone referred.", 95m, "%", KpiDirection.AtLeast,
        ReportingFrequency.Quarterly, "The provider's case records.");

    public static readonly KpiDraft PeerSupportYearly = new(
        "People offered peer support", "People offered a peer supporter, out of everyone seen.", 80m, "%", KpiDirection.AtLeast,
        ReportingFrequency.Yearly, "The provider's case records.");

    public static readonly KpiDraft ReferralDataShared = new(
        "Referral data shared", "Days after the month ends that the ICB shares referral data with the providers.", 10m, "days", KpiDirection.AtMost,
        ReportingFrequency.Monthly, "The ICB's data-sharing log.");

    public static VersionDraft Framework { get; } = new(
        "Final draft",
        [new SectionDraft(ASpecification.WhoItIsFor, "Who the service is for", "Adults in crisis in Leeds.", "")],
        [
            new OutcomeDraft(ASpecification.CrisisOutcome, "I can get help before I reach crisis", OutcomeDomain.MentalWellbeing,
                "What people say at their 3-month review.", ASpecification.Levels),
            new OutcomeDraft(StepUpOutcome, "I have things to do that I enjoy", OutcomeDomain.CommunityParticipationAndLeisure,
                "What people say at their 3-month review.", ASpecification.Levels),
        ]);

    /// <summary>
    /// A cycle in its monitoring stage, with its approved specification and its procurement awarded on
    /// <paramref name="route"/> (<see cref="DirectA"/> unless given) to <paramref name="awarded"/> (<see cref="Lead"/>, and
    /// <see cref="Member"/> in an alliance, unless given).
    /// </summary>
    public static Arranged Arrange(RouteChoice? route = null, IReadOnlyList<Guid>? awarded = null)
    {
        var choice = route ?? DirectA;
        var cycle = ACycle.AtStage(StageKind.Specification).Build();
        var at = Now.AddDays(-20);
        DateTimeOffset Tick() => at = at.AddHours(1);

        var specification = Expect.Success(ServiceSpecification.Start(cycle, Framework, People.Commissioner, CycleRole.Commissioner, Tick()));
        var approvedAt = Tick();
        Expect.Success(specification.Approve(cycle, 1, ADecision.InMode(DecisionMode.CommissionerLed)
            .WithTitle("Approve the specification").WithRationale("The panel agreed the outcomes at the March workshop.").DecidedAt(approvedAt).Build(),
            People.Commissioner, CycleRole.Commissioner, approvedAt));
        SignOff(cycle, StageKind.Specification, ServiceSpecification.SignOffConditions(specification), Tick);

        var procurement = Expect.Success(CycleProcurement.Start(cycle, choice, People.Commissioner, CycleRole.Commissioner, Tick()));
        var awardedAt = Tick();
        var award = Expect.Success(cycle.RecordDecision(StageKind.Procurement, ADecision.InMode(DecisionMode.CommissionerLed)
            .WithTitle("Award the contract").WithRationale("Only this provider can run it.").DecidedAt(awardedAt).Build(),
            People.Commissioner, CycleRole.Commissioner, awardedAt));
        awarded ??= choice.Regime == ProcurementRegime.AllianceAgreement ? [Lead, Member] : [Lead];
        Expect.Success(procurement.RecordAward(cycle, award.Id, awarded, [], awarded, People.Commissioner, CycleRole.Commissioner, awardedAt));
        // The award's standstill, where the route has one, stands for having ended: these tests are about what follows.
        SignOff(cycle, StageKind.Procurement, [], Tick);
        return new Arranged(cycle, procurement, specification);
    }

    /// <summary><see cref="Arrange"/>, with the contract made from <see cref="Contract"/> (or <paramref name="draft"/>) at <see cref="Now"/>.</summary>
    public static Contracted Contracted(RouteChoice? route = null, ContractDraft? draft = null, IReadOnlyList<Guid>? awarded = null)
    {
        var arranged = Arrange(route, awarded);
        var monitoring = Expect.Success(CycleMonitoring.Start(arranged.Cycle, arranged.Procurement, arranged.Specification, draft ?? Contract, false,
            People.Commissioner, CycleRole.Commissioner, Now));
        return new Contracted(arranged.Cycle, monitoring);
    }

    /// <summary><see cref="Contracted"/>, with the quarterly KPI <see cref="SeenWithin4Hours"/>.</summary>
    public static Contracted WithKpi(RouteChoice? route = null)
    {
        var contracted = Contracted(route);
        Expect.Success(contracted.Monitoring.AddKpi(contracted.Cycle, KpiOwner.Provider, SeenWithin4Hours, People.Commissioner, CycleRole.Commissioner, Now));
        return contracted;
    }

    /// <summary>A return complete for submission: every outcome rated <paramref name="rating"/> with evidence, and a value for every KPI.</summary>
    public static ReturnDraft Complete(CycleMonitoring monitoring, RatingLevel rating = RatingLevel.Good) => new(
        monitoring.Outcomes.ToDictionary(o => o.OutcomeId, _ => new OutcomeReport(rating, "Most people told us they were seen early.")),
        monitoring.Kpis.ToDictionary(k => k.Id, _ => new KpiReport(96m, "")),
        "The peer forum rewrote the out-of-hours leaflet.",
        "Forum, 12 June: 9 people came. They asked for the leaflet in plain English.",
        "");

    /// <summary>The return of <paramref name="organisationId"/> for <paramref name="period"/>, started and saved complete; submitted unless asked not to.</summary>
    public static ProviderReturn Returned(
        Contracted contracted, ReportingPeriod period, Guid organisationId, RatingLevel rating = RatingLevel.Good, bool submit = true, DateTimeOffset? at = null)
    {
        var (cycle, monitoring) = contracted;
        var when = at ?? period.EndsOn.ToDateTime(new TimeOnly(9, 0), DateTimeKind.Utc).AddDays(10);
        var user = organisationId == Lead ? People.Provider : MemberProvider;
        var providerReturn = Expect.Success(ProviderReturn.Start(cycle, monitoring, period.Id, organisationId, false, user, CycleRole.Provider, when));
        Expect.Success(providerReturn.Save(cycle, monitoring, Complete(monitoring, rating), user, CycleRole.Provider, organisationId, when));
        if (submit)
        {
            Expect.Success(providerReturn.Submit(cycle, monitoring, user, CycleRole.Provider, organisationId, when));
        }

        return providerReturn;
    }

    /// <summary>Panel member <paramref name="number"/> rates every outcome <paramref name="rating"/> for <paramref name="period"/>, shared with everyone.</summary>
    public static PanelRating RatedBy(Contracted contracted, ReportingPeriod period, int number, RatingLevel rating, DateTimeOffset? at = null)
    {
        var (cycle, monitoring) = contracted;
        var when = at ?? period.EndsOn.ToDateTime(new TimeOnly(9, 0), DateTimeKind.Utc).AddDays(10);
        return Expect.Success(PanelRating.Give(cycle, monitoring, period.Id, Rating(monitoring, rating), false,
            People.PanelMember(number), CycleRole.PanelMember, when));
    }

    public static PanelRatingDraft Rating(CycleMonitoring monitoring, RatingLevel rating, ContributionVisibility visibility = ContributionVisibility.Everyone) =>
        new(monitoring.Outcomes.ToDictionary(o => o.OutcomeId, _ => new PanelOutcomeReport(rating, "Staff listened, but the wait felt long.")), visibility);

    /// <summary>A decision recorded in the monitoring stage that a review can end in.</summary>
    public static Decision ReviewDecision(CommissioningCycle cycle, DateTimeOffset at) =>
        Expect.Success(cycle.RecordDecision(StageKind.Monitoring, ADecision.InMode(DecisionMode.CommissionerLed)
            .WithTitle("Vary the contract").WithRationale("The panel and the provider differ on early help; the review agreed a change.")
            .DecidedAt(at).Build(), People.Commissioner, CycleRole.Commissioner, at));

    public static ReviewDraft ReviewOf(params ReportingPeriod[] periods) => new(
        new DateOnly(2026, 7, 9),
        [new DecisionParticipant(People.Commissioner, CycleRole.Commissioner), new DecisionParticipant(People.PanelMember(1), CycleRole.PanelMember)],
        "The provider's service manager.",
        "We looked at the first quarter's outcomes. The panel rated early help lower than the provider.",
        [.. periods.Select(p => p.Id)]);

    public static ReportingPeriod Q(this CycleMonitoring monitoring, int number) => monitoring.Periods.Single(p => p.Number == number);

    private static void SignOff(CommissioningCycle cycle, StageKind stage, IReadOnlyCollection<Refusal> conditions, Func<DateTimeOffset> tick)
    {
        var input = Expect.Success(cycle.AddContribution(stage, People.PanelMember(1), CycleRole.PanelMember, Voice.LivedExperience, Channel.Workshop,
            ContributionVisibility.Everyone, "Keep the evening phone line", "", tick()));
        Expect.Success(cycle.Respond(input.Id, People.Commissioner, CycleRole.Commissioner, ResponseType.Adopted, "We kept it.", tick()));
        Expect.Success(cycle.SignOff(stage, People.Commissioner, CycleRole.Commissioner, $"{stage} agreed with the panel", tick(), stageConditions: conditions));
    }
}

internal sealed record Arranged(CommissioningCycle Cycle, CycleProcurement Procurement, ServiceSpecification Specification);

internal sealed record Contracted(CommissioningCycle Cycle, CycleMonitoring Monitoring);
