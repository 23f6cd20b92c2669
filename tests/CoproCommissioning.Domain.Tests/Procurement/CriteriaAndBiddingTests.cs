using CoproCommissioning.Domain.Cycles;
using CoproCommissioning.Domain.Procurement;
using static CoproCommissioning.Domain.Tests.Procurement.ProcurementSetUp;

namespace CoproCommissioning.Domain.Tests.Procurement;

public sealed class CriteriaAndBiddingTests
{
    private static readonly CriterionDraft CoProduction = new("Keeping people involved", "How people who use the service keep shaping it.",
        CriterionKind.Scored, 20, IsCoProduction: true);

    [Fact]
    public void The_starting_set_is_the_key_criteria_and_co_production_weighted_to_100()
    {
        var cycle = Cycle();
        var procurement = Started(cycle);

        Expect.Success(procurement.AddStartingSet(cycle, People.Commissioner, CycleRole.Commissioner, Now));

        Assert.Equal(100, procurement.WeightTotal);
        Assert.Equal(Enum.GetValues<KeyCriterion>(), procurement.Criteria.Where(c => c.KeyCriterion is not null).Select(c => c.KeyCriterion!.Value));
        Assert.Single(procurement.Criteria, c => c.IsCoProduction);
        Assert.Empty(procurement.Warnings);
    }

    [Fact]
    public void A_criterion_cites_the_sections_and_input_that_shaped_it_and_nothing_from_elsewhere()
    {
        var cycle = Cycle();
        var procurement = Started(cycle);
        Guid section = Guid.CreateVersion7(), input = Guid.CreateVersion7();
        var citations = new CriterionCitations(new HashSet<Guid> { section }, new HashSet<Guid> { input });

        var criterion = Expect.Success(procurement.AddCriterion(cycle, CoProduction with { SectionIds = [section], ShapedBy = [input] },
            citations, People.Commissioner, CycleRole.Commissioner, Now));
        var stranger = procurement.AddCriterion(cycle, CoProduction with { SectionIds = [Guid.CreateVersion7()], ShapedBy = [Guid.CreateVersion7()] },
            citations, People.Commissioner, CycleRole.Commissioner, Now);

        Assert.Equal([section], criterion.SectionIds);
        Assert.Equal([input], criterion.ShapedBy);
        Assert.Equal([ProcurementRules.SectionNotInSpecification, ProcurementRules.ContributionNotInCycle], stranger.BrokenRules);
    }

    [Fact]
    public void A_criterion_needs_a_name_a_description_a_kind_and_for_a_scored_one_a_weight()
    {
        var cycle = Cycle();
        var procurement = Started(cycle);

        var blank = procurement.AddCriterion(cycle, new CriterionDraft("", " ", null, null), CriterionCitations.None, People.Commissioner, CycleRole.Commissioner, Now);
        var noWeight = procurement.AddCriterion(cycle, CoProduction with { Weight = 0 }, CriterionCitations.None, People.Commissioner, CycleRole.Commissioner, Now);
        var tooLong = procurement.AddCriterion(cycle, CoProduction with { Name = new string('a', EvaluationCriterion.NameMaxLength + 1) },
            CriterionCitations.None, People.Commissioner, CycleRole.Commissioner, Now);
        var passFail = Expect.Success(procurement.AddCriterion(cycle, new CriterionDraft("Registered with the CQC", "The provider is registered.",
            CriterionKind.PassFail, 40), CriterionCitations.None, People.Commissioner, CycleRole.Commissioner, Now));

        Assert.Equal([ProcurementRules.CriterionNameRequired, ProcurementRules.CriterionDescriptionRequired, ProcurementRules.CriterionKindRequired], blank.BrokenRules);
        Assert.Equal([ProcurementRules.WeightRequired], noWeight.BrokenRules);
        Assert.Equal([ProcurementRules.CriterionNameTooLong], tooLong.BrokenRules);
        Assert.Equal(0, passFail.Weight);
    }

    [Fact]
    public void The_co_production_criterion_is_scored()
    {
        var cycle = Cycle();

        var outcome = Started(cycle).AddCriterion(cycle, CoProduction with { Kind = CriterionKind.PassFail }, CriterionCitations.None,
            People.Commissioner, CycleRole.Commissioner, Now);

        Assert.Equal([ProcurementRules.CoProductionCriterionScored], outcome.BrokenRules);
    }

    [Fact]
    public void Social_value_below_10_percent_is_a_warning_not_a_refusal()
    {
        var cycle = Cycle();
        var procurement = Started(cycle);

        Expect.Success(procurement.AddCriterion(cycle, new CriterionDraft("Social value", "Jobs for local people.", CriterionKind.Scored, 5, KeyCriterion.SocialValue),
            CriterionCitations.None, People.Commissioner, CycleRole.Commissioner, Now));

        Assert.Equal([ProcurementRules.SocialValueBelowTenPercent], procurement.Warnings);
    }

    [Fact]
    public void The_scale_is_rewritten_with_a_description_for_every_score()
    {
        var cycle = Cycle();
        var procurement = Started(cycle);

        var refused = procurement.SetScale(cycle, ["No answer", " ", "Good"], People.Commissioner, CycleRole.Commissioner, Now);
        var tooShort = procurement.SetScale(cycle, ["Only one"], People.Commissioner, CycleRole.Commissioner, Now);
        Expect.Success(procurement.SetScale(cycle, ["No answer", "Some evidence", "Strong evidence"], People.Commissioner, CycleRole.Commissioner, Now));

        Assert.Equal([ProcurementRules.ScoreDescriptionRequired], refused.BrokenRules);
        Assert.Equal("Levels[1]", Assert.Single(refused.Refusals).Field);
        Assert.Equal([ProcurementRules.ScaleTooShort], tooShort.BrokenRules);
        Assert.Equal([0, 1, 2], procurement.Scale.Select(l => l.Score));
        Assert.Equal("Strong evidence", procurement.Scale[2].Description);
    }

    [Fact]
    public void Bidding_opens_only_with_weights_at_100_a_co_production_criterion_evaluators_on_every_criterion_and_a_lived_experience_evaluator()
    {
        var cycle = Cycle();
        var procurement = Started(cycle);
        var quality = Expect.Success(procurement.AddCriterion(cycle, new CriterionDraft("Quality", "Safe and effective.", CriterionKind.Scored, 60),
            CriterionCitations.None, People.Commissioner, CycleRole.Commissioner, Now));
        Expect.Success(procurement.AddEvaluator(cycle, People.Champion, CycleRole.CoProductionChampion, EvaluatorRole.Officer, [],
            People.Commissioner, CycleRole.Commissioner, Now));

        var outcome = procurement.OpenBidding(cycle, null, People.Commissioner, CycleRole.Commissioner, Now);

        Assert.Equal(
            [ProcurementRules.WeightsMustTotal100(60), ProcurementRules.CoProductionCriterionRequired, ProcurementRules.LivedExperienceEvaluatorRequired,
                ProcurementRules.CriterionWithoutEvaluator, ProcurementRules.DeadlineRequired],
            outcome.BrokenRules);
        Assert.Contains("They add up to 60% now.", outcome.Refusals[0].Rule.Message, StringComparison.Ordinal);
        Assert.Equal(quality.Id, outcome.Refusals.Single(r => r.Rule == ProcurementRules.CriterionWithoutEvaluator).SubjectId);
        Assert.False(procurement.IsBiddingOpen);
    }

    [Fact]
    public void A_pass_fail_criterion_needs_an_evaluator_too_because_only_evaluators_scores_can_be_moderated()
    {
        var cycle = Cycle();
        var procurement = Started(cycle);
        var involved = Expect.Success(procurement.AddCriterion(cycle, CoProduction with { Weight = 100 }, CriterionCitations.None,
            People.Commissioner, CycleRole.Commissioner, Now));
        var registered = Expect.Success(procurement.AddCriterion(cycle, new CriterionDraft("Registered with the CQC", "The provider is registered.",
            CriterionKind.PassFail, 0), CriterionCitations.None, People.Commissioner, CycleRole.Commissioner, Now));
        var lived = Expect.Success(procurement.AddEvaluator(cycle, People.PanelMember(1), CycleRole.PanelMember, EvaluatorRole.LivedExperience, [involved.Id],
            People.Commissioner, CycleRole.Commissioner, Now));

        var outcome = procurement.OpenBidding(cycle, Deadline, People.Commissioner, CycleRole.Commissioner, Now);
        Expect.Success(procurement.AssignCriteria(cycle, lived.Id, [involved.Id, registered.Id], People.Commissioner, CycleRole.Commissioner, Now));

        Assert.Equal([ProcurementRules.CriterionWithoutEvaluator], outcome.BrokenRules);
        Assert.Equal(registered.Id, outcome.Refusals[0].SubjectId);
        Assert.Empty(procurement.BiddingBlockers());
    }

    [Fact]
    public void Once_bidding_opens_the_criteria_and_scale_are_locked()
    {
        var cycle = Cycle();
        var procurement = ReadyToOpen(cycle);

        Expect.Success(procurement.OpenBidding(cycle, Now.AddDays(28), People.Commissioner, CycleRole.Commissioner, Now));
        var criterion = procurement.Criteria[0];
        var change = procurement.ChangeCriterion(cycle, criterion.Id, CoProduction, CriterionCitations.None, People.Commissioner, CycleRole.Commissioner, Now);
        var scale = procurement.SetScale(cycle, ["No", "Yes"], People.Commissioner, CycleRole.Commissioner, Now);
        var again = procurement.OpenBidding(cycle, Now.AddDays(40), People.Commissioner, CycleRole.Commissioner, Now);

        Assert.Equal(Now.AddDays(28), procurement.BidDeadline);
        Assert.Equal([ProcurementRules.CriteriaLocked], change.BrokenRules);
        Assert.Equal([ProcurementRules.CriteriaLocked], scale.BrokenRules);
        Assert.Equal([ProcurementRules.AlreadyOpen], again.BrokenRules);
    }

    [Fact]
    public void The_deadline_must_be_in_the_future_and_a_direct_route_has_no_bidding()
    {
        var cycle = Cycle();
        var procurement = ReadyToOpen(cycle);
        var direct = Started(Cycle(), new RouteChoice(ProcurementRegime.ProviderSelectionRegime, ProcurementRoute.DirectAwardProcessA,
            new RouteQuestions(true, true, null, null), "Only the current crisis team can run it."));

        Assert.Equal([ProcurementRules.DeadlineInPast], procurement.OpenBidding(cycle, Now, People.Commissioner, CycleRole.Commissioner, Now).BrokenRules);
        Assert.Equal([ProcurementRules.NotCompetitive], direct.BiddingBlockers().Select(r => r.Rule));
    }

    [Fact]
    public void Under_the_Procurement_Act_the_conflicts_assessment_comes_before_bidding()
    {
        var cycle = Cycle();
        var procurement = ReadyToOpen(cycle, new RouteChoice(ProcurementRegime.ProcurementAct2023, ProcurementRoute.OpenProcedure, RouteQuestions.Unanswered, "Open to all."));

        Assert.Equal([ProcurementRules.AssessmentBeforeBidding], procurement.BiddingBlockers().Select(r => r.Rule));
        Assert.Equal([ProcurementRules.ConflictsAssessmentRequired],
            procurement.RecordConflictsAssessment(cycle, "", People.Commissioner, CycleRole.Commissioner, Now).BrokenRules);
        Expect.Success(procurement.RecordConflictsAssessment(cycle, "No officer has an interest in the bidders.", People.Commissioner, CycleRole.Commissioner, Now));
        Assert.Empty(procurement.BiddingBlockers());
    }

    [Fact]
    public void A_criterion_an_evaluator_scores_is_not_removed()
    {
        var cycle = Cycle();
        var procurement = ReadyToOpen(cycle);

        var outcome = procurement.RemoveCriterion(cycle, procurement.Criteria[0].Id, People.Commissioner, CycleRole.Commissioner, Now);

        Assert.Equal([ProcurementRules.CriterionHasEvaluators], outcome.BrokenRules);
        Assert.Equal(6, procurement.Criteria.Count);
    }

    [Fact]
    public void Nothing_changes_once_the_procurement_stage_is_signed_off()
    {
        var cycle = Cycle();
        var procurement = Started(cycle, new RouteChoice(ProcurementRegime.ProviderSelectionRegime, ProcurementRoute.DirectAwardProcessA,
            new RouteQuestions(true, true, null, null), "Only the current crisis team can run it."));
        Expect.Success(cycle.AddContribution(StageKind.Procurement, People.PanelMember(1), CycleRole.PanelMember, Voice.LivedExperience, Channel.Online,
            ContributionVisibility.Everyone, "Keep the team", "", Now));
        Expect.Success(cycle.Respond(cycle.StageOf(StageKind.Procurement).Contributions[0].Id, People.Commissioner, CycleRole.Commissioner,
            ResponseType.Adopted, "We kept them.", Now));
        Expect.Success(cycle.SignOff(StageKind.Procurement, People.Commissioner, CycleRole.Commissioner, "Agreed", Now,
            stageConditions: []));

        var outcome = procurement.AddStartingSet(cycle, People.Commissioner, CycleRole.Commissioner, Now.AddMinutes(1));

        Assert.Equal([CycleRules.StageSignedOff], outcome.BrokenRules);
    }
}
