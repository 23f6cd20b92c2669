using CoproCommissioning.Domain.Cycles;
using CoproCommissioning.Domain.Procurement;
using static CoproCommissioning.Domain.Tests.Procurement.ProcurementSetUp;

namespace CoproCommissioning.Domain.Tests.Procurement;

public sealed class RouteTests
{
    public static TheoryData<bool?, bool?, bool?, bool?, ProcurementRoute[]> Answers => new()
    {
        { true, true, null, null, [ProcurementRoute.DirectAwardProcessA] },
        { false, null, true, null, [ProcurementRoute.DirectAwardProcessB] },
        { true, false, true, null, [ProcurementRoute.DirectAwardProcessB] },
        { true, false, false, true, [ProcurementRoute.DirectAwardProcessC, ProcurementRoute.MostSuitableProviderProcess, ProcurementRoute.CompetitiveProcess] },
        { true, false, false, false, [ProcurementRoute.CompetitiveProcess, ProcurementRoute.MostSuitableProviderProcess] },
        { false, null, false, null, [ProcurementRoute.CompetitiveProcess, ProcurementRoute.MostSuitableProviderProcess] },
    };

    [Theory]
    [MemberData(nameof(Answers))]
    public void The_answers_suggest_the_process_in_NHS_Englands_order(bool? existing, bool? onlyCapable, bool? choice, bool? satisfactory, ProcurementRoute[] allowed)
    {
        var answers = new RouteQuestions(existing, onlyCapable, choice, satisfactory);

        Assert.True(answers.IsComplete);
        Assert.Equal(allowed, answers.AllowedRoutes());
    }

    [Fact]
    public void A_route_is_recorded_with_its_answers_and_reason_and_questions_that_did_not_arise_are_cleared()
    {
        var cycle = Cycle();
        var choice = Competitive with { Answers = new RouteQuestions(false, OnlyCapableProvider: true, false, SatisfactoryAndNoConsiderableChange: true) };

        var procurement = Expect.Success(CycleProcurement.Start(cycle, choice, People.Commissioner, CycleRole.Commissioner, Now));

        Assert.Equal((ProcurementRegime.ProviderSelectionRegime, ProcurementRoute.CompetitiveProcess), (procurement.Regime, procurement.Route));
        Assert.Equal(new RouteQuestions(false, null, false, null), procurement.Answers);
        Assert.Equal("Three providers said at the market event that they could run it.", procurement.RouteReason);
        Assert.True(procurement.IsCompetitive);
    }

    [Fact]
    public void Everything_missing_is_refused_at_once_each_beside_its_field()
    {
        var outcome = CycleProcurement.Start(Cycle(), new RouteChoice(null, null, RouteQuestions.Unanswered, " "), People.Commissioner, CycleRole.Commissioner, Now);

        Assert.Equal([ProcurementRules.RegimeRequired, ProcurementRules.RouteRequired, ProcurementRules.ReasonRequired], outcome.BrokenRules);
        Assert.Equal(["Regime", "Route", "Reason"], outcome.Refusals.Select(r => r.Field));
    }

    [Fact]
    public void Under_the_Provider_Selection_Regime_each_question_that_arises_must_be_answered()
    {
        var outcome = CycleProcurement.Start(Cycle(), Competitive with { Answers = new RouteQuestions(true, false, false, null) },
            People.Commissioner, CycleRole.Commissioner, Now);
        var unanswered = CycleProcurement.Start(Cycle(), Competitive with { Answers = RouteQuestions.Unanswered },
            People.Commissioner, CycleRole.Commissioner, Now);

        Assert.Equal([ProcurementRules.SatisfactoryRequired], outcome.BrokenRules);
        Assert.Equal([ProcurementRules.ExistingProviderRequired], unanswered.BrokenRules);
    }

    [Fact]
    public void Process_A_is_mandatory_when_the_existing_provider_is_the_only_capable_one()
    {
        var outcome = CycleProcurement.Start(Cycle(), Competitive with { Answers = new RouteQuestions(true, true, null, null) },
            People.Commissioner, CycleRole.Commissioner, Now);

        Assert.Equal([ProcurementRules.ProcessAMandatory], outcome.BrokenRules);
        Assert.Equal("Route", Assert.Single(outcome.Refusals).Field);
    }

    [Fact]
    public void A_process_the_answers_do_not_allow_is_refused()
    {
        var outcome = CycleProcurement.Start(Cycle(), Competitive with { Route = ProcurementRoute.DirectAwardProcessC },
            People.Commissioner, CycleRole.Commissioner, Now);

        Assert.Equal([ProcurementRules.RouteNotAllowedByAnswers], outcome.BrokenRules);
    }

    [Fact]
    public void A_route_from_another_regime_is_refused()
    {
        var outcome = CycleProcurement.Start(Cycle(), Competitive with { Route = ProcurementRoute.OpenProcedure },
            People.Commissioner, CycleRole.Commissioner, Now);

        Assert.Equal([ProcurementRules.RouteOutsideRegime], outcome.BrokenRules);
    }

    [Fact]
    public void A_direct_award_under_the_Procurement_Act_needs_its_justification_and_the_questions_are_not_asked()
    {
        var choice = new RouteChoice(ProcurementRegime.ProcurementAct2023, ProcurementRoute.DirectAward, RouteQuestions.Unanswered, "Urgent");

        var refused = CycleProcurement.Start(Cycle(), choice, People.Commissioner, CycleRole.Commissioner, Now);
        var procurement = Expect.Success(CycleProcurement.Start(Cycle(), choice with { Justification = "Extreme urgency: the only provider closed." },
            People.Commissioner, CycleRole.Commissioner, Now));

        Assert.Equal([ProcurementRules.JustificationRequired], refused.BrokenRules);
        Assert.Equal("Extreme urgency: the only provider closed.", procurement.Justification);
        Assert.False(procurement.IsCompetitive);
        Assert.Equal(RouteQuestions.Unanswered, procurement.Answers);
    }

    [Fact]
    public void Only_a_commissioner_records_the_route_and_only_once_the_stage_is_open()
    {
        var earlyCycle = ACycle.AtStage(StageKind.Specification).Build();

        var champion = CycleProcurement.Start(Cycle(), Competitive, People.Champion, CycleRole.CoProductionChampion, Now);
        var early = CycleProcurement.Start(earlyCycle, Competitive, People.Commissioner, CycleRole.Commissioner, Now);

        Assert.Equal([CycleRules.CommissionerOnly], champion.BrokenRules);
        Assert.Equal([CycleRules.StageNotOpen], early.BrokenRules);
    }

    [Fact]
    public void The_route_is_fixed_once_bidding_opens()
    {
        var cycle = Cycle();
        var procurement = ReadyToOpen(cycle);
        Expect.Success(procurement.OpenBidding(cycle, Now.AddDays(30), People.Commissioner, CycleRole.Commissioner, Now));

        var outcome = procurement.ChooseRoute(cycle, Competitive with { Reason = "Changed my mind" }, People.Commissioner, CycleRole.Commissioner, Now);

        Assert.Equal([ProcurementRules.RouteFixedOnceBiddingOpened], outcome.BrokenRules);
        Assert.Equal(Competitive.Reason, procurement.RouteReason);
    }

    [Fact]
    public void Every_route_has_a_name_and_belongs_to_one_regime_and_the_legal_names_are_exact()
    {
        Assert.All(Enum.GetValues<ProcurementRoute>(), r => Assert.False(string.IsNullOrWhiteSpace(ProcurementRoutes.Name(r))));
        Assert.Equal(Enum.GetValues<ProcurementRoute>().Length, Enum.GetValues<ProcurementRegime>().Sum(g => ProcurementRoutes.In(g).Count));
        Assert.Equal(["Direct Award Process A", "Direct Award Process B", "Direct Award Process C", "the Most Suitable Provider Process", "the Competitive Process"],
            ProcurementRoutes.In(ProcurementRegime.ProviderSelectionRegime).Select(ProcurementRoutes.Name));
        Assert.False(ProcurementRoutes.NeedsStandstill(ProcurementRoute.DirectAwardProcessA));
        Assert.True(ProcurementRoutes.NeedsStandstill(ProcurementRoute.DirectAwardProcessC));
    }

    [Fact]
    public void Sign_off_needs_a_route_then_for_a_competitive_one_bidding_opened_and_for_every_route_the_award()
    {
        var cycle = Cycle();
        var competitive = ReadyToOpen(cycle);
        var direct = Started(Cycle(), new RouteChoice(ProcurementRegime.ProviderSelectionRegime, ProcurementRoute.DirectAwardProcessA,
            new RouteQuestions(true, true, null, null), "Only the current crisis team can run it."));

        Assert.Equal([ProcurementRules.RouteNotRecorded], CycleProcurement.SignOffConditions(null).Select(r => r.Rule));
        Assert.Equal([ProcurementRules.BiddingNotOpened], CycleProcurement.SignOffConditions(competitive.Progress([], [], Now)).Select(r => r.Rule));
        Assert.Equal([ProcurementRules.AwardNotRecorded], CycleProcurement.SignOffConditions(direct.Progress([], [], Now)).Select(r => r.Rule));
    }
}
