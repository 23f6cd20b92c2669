using CoproCommissioning.Domain.Cycles;

namespace CoproCommissioning.Domain.Tests.Cycles;

/// <summary>
/// A choice not made, or a number or date that could not be read, reaches the cycle as null: it refuses it by name,
/// beside that answer, together with everything else that is wrong.
/// </summary>
public sealed class AnswersNotGivenTests
{
    private static readonly DateTimeOffset Now = Moments.Now;

    [Fact]
    public void Input_logged_without_a_voice_channel_visibility_or_number_of_people_is_refused_beside_each()
    {
        var cycle = ACycle.New().Build();

        var outcome = cycle.LogContributionOnBehalf(
            StageKind.NeedsAssessment, People.Champion, CycleRole.CoProductionChampion, null, null, null, null, null, "Group view", "", Now);

        Assert.Equal(
            [
                (CycleRules.VoicesCarriedTooFew, "VoicesCarried"),
                (CycleRules.ContributionVoiceRequired, "Voice"),
                (CycleRules.ContributionChannelRequired, "Channel"),
                (CycleRules.ContributionVisibilityRequired, "Visibility"),
            ],
            outcome.Refusals.Select(r => (r.Rule, r.Field)));
        Assert.Empty(cycle.StageOf(StageKind.NeedsAssessment).Contributions);
    }

    [Theory]
    [InlineData(Contribution.MostVoicesCarried, true)]
    [InlineData(Contribution.MostVoicesCarried + 1, false)]
    public void Input_logged_on_behalf_carries_at_most_the_most_voices(int voices, bool accepted)
    {
        var cycle = ACycle.New().Build();

        var outcome = cycle.LogContributionOnBehalf(StageKind.NeedsAssessment, People.Champion, CycleRole.CoProductionChampion, null, voices,
            Voice.LivedExperience, Channel.Survey, ContributionVisibility.Everyone, "Survey results", "", Now);

        Assert.Equal(accepted ? [] : [CycleRules.VoicesCarriedTooFew], outcome.BrokenRules);
    }

    [Fact]
    public void A_summary_is_asked_for_in_words_that_fit_whose_input_it_is()
    {
        var cycle = ACycle.New().Build();

        var own = cycle.AddContribution(StageKind.NeedsAssessment, People.PanelMember(1), CycleRole.PanelMember, Voice.LivedExperience,
            Channel.Online, ContributionVisibility.Everyone, " ", "", Now);
        var logged = cycle.LogContributionOnBehalf(StageKind.NeedsAssessment, People.Champion, CycleRole.CoProductionChampion, null, 3,
            Voice.Carer, Channel.Workshop, ContributionVisibility.Everyone, " ", "", Now);

        Assert.Equal("Enter a summary of what you want to say.", Assert.Single(own.BrokenRules).Message);
        Assert.Equal("Enter a summary of what people said.", Assert.Single(logged.BrokenRules).Message);
        Assert.Equal(CycleRules.ContributionSummaryRequired, Assert.Single(logged.BrokenRules));
    }

    [Fact]
    public void Own_input_without_a_visibility_is_refused_beside_it()
    {
        var cycle = ACycle.New().Build();

        var outcome = cycle.AddContribution(
            StageKind.NeedsAssessment, People.PanelMember(1), CycleRole.PanelMember, Voice.LivedExperience, Channel.Online, null, "View", "", Now);

        Assert.Equal([new Refusal(CycleRules.ContributionVisibilityRequired)], outcome.Refusals);
        Assert.Equal("Visibility", outcome.Refusals[0].Field);
    }

    [Fact]
    public void A_response_without_a_choice_is_refused_beside_it_with_the_missing_explanation()
    {
        var cycle = ACycle.New().WithContributions(Voice.LivedExperience).Build();
        var contribution = cycle.StageOf(StageKind.NeedsAssessment).Contributions.Single();

        var outcome = cycle.Respond(contribution.Id, People.Commissioner, CycleRole.Commissioner, null, "", Now);

        Assert.Equal(
            [(CycleRules.ResponseTypeRequired, "Type"), (CycleRules.ResponseExplanationRequired, "Explanation")],
            outcome.Refusals.Select(r => (r.Rule, r.Field)));
        Assert.Empty(contribution.Responses);
    }

    [Fact]
    public void A_decision_without_its_mode_rung_or_date_is_refused_beside_each_in_the_order_of_the_form()
    {
        var cycle = ACycle.New().WithContributions(Voice.LivedExperience).Build();
        var cited = cycle.StageOf(StageKind.NeedsAssessment).Contributions.Single();
        var details = new DecisionDetails("", "", null, new string('a', Decision.RationaleMaxLength + 1), null, null, [],
            [new DecisionInfluence(cited.Id, " ")]);

        var outcome = cycle.RecordDecision(StageKind.NeedsAssessment, details, People.Commissioner, CycleRole.Commissioner, Now);

        Assert.Equal(
            [
                (CycleRules.DecisionTitleRequired, "Title"),
                (CycleRules.WhatWasDecidedRequired, "WhatWasDecided"),
                (CycleRules.DecisionModeRequired, "Mode"),
                (CycleRules.DecisionRationaleTooLong, "Rationale"),
                (CycleRules.DecisionRungRequired, "Rung"),
                (CycleRules.DecisionDateRequired, "DecidedOn"),
                (CycleRules.DecisionNeedsParticipants, "Participants"),
                (CycleRules.InfluenceNoteRequired, $"Notes[{cited.Id}]"),
            ],
            outcome.Refusals.Select(r => (r.Rule, r.Field)));
        Assert.Empty(cycle.StageOf(StageKind.NeedsAssessment).Decisions);
    }

    [Fact]
    public void A_clinical_adviser_who_has_not_chosen_a_mode_is_asked_for_one_not_told_they_may_not_decide()
    {
        var cycle = ACycle.New().Build();
        var details = new DecisionDetails("Medicines review", "Reviewed by the prescriber.", null, "Safety", CoProductionLadderRung.Informing,
            Now.AddDays(-1), [new DecisionParticipant(People.ClinicalAdviser, CycleRole.ClinicalAdviser)], []);

        var outcome = cycle.RecordDecision(StageKind.NeedsAssessment, details, People.ClinicalAdviser, CycleRole.ClinicalAdviser, Now);

        Assert.Equal([CycleRules.DecisionModeRequired], outcome.BrokenRules);
    }

    [Fact]
    public void A_cycle_without_a_start_date_or_with_an_unreadable_policy_is_refused_beside_each()
    {
        var outcome = CommissioningCycle.Create(
            "Crisis alternatives", "Community mental health", "Adults in Leeds", null, null, "West Yorkshire ICB", People.Commissioner, Now,
            minimumLivedExperienceContributions: null, minimumDistinctContributors: SignOffPolicy.HighestMinimum + 1);

        Assert.Equal(
            [
                (CycleRules.StartDateRequired, "StartDate"),
                (CycleRules.PolicyMinimumContributions, "MinimumLivedExperienceContributions"),
                (CycleRules.PolicyMinimumContributors, "MinimumDistinctContributors"),
            ],
            outcome.Refusals.Select(r => (r.Rule, r.Field)));
    }

    [Fact]
    public void A_cycle_keeps_the_sign_off_policy_it_was_created_with()
    {
        var cycle = Expect.Success(CommissioningCycle.Create(
            "Crisis alternatives", "Community mental health", "Adults in Leeds", null, new DateOnly(2026, 4, 1), "West Yorkshire ICB",
            People.Commissioner, Now, minimumLivedExperienceContributions: 3, minimumDistinctContributors: 5));

        Assert.Equal((3, 5), (cycle.SignOffPolicy.MinimumLivedExperienceContributions, cycle.SignOffPolicy.MinimumDistinctContributors));
    }
}
