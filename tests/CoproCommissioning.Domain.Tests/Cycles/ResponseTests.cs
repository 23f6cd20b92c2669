using CoproCommissioning.Domain.Cycles;

namespace CoproCommissioning.Domain.Tests.Cycles;

public sealed class ResponseTests
{
    private static readonly DateTimeOffset Now = Moments.Now;

    public static TheoryData<CycleRole> RolesThatMayRespond =>
        [CycleRole.Commissioner, CycleRole.CoProductionChampion, CycleRole.ClinicalAdviser];

    public static TheoryData<CycleRole> RolesThatMayNotRespond =>
        [.. People.RolesOtherThan(CycleRole.Commissioner, CycleRole.CoProductionChampion, CycleRole.ClinicalAdviser)];

    [Fact]
    public void Records_what_happened_to_a_contribution_who_said_so_and_when()
    {
        var (cycle, contribution) = CycleWithUnansweredInput();
        Assert.False(contribution.IsAnswered);

        var outcome = cycle.Respond(
            contribution.Id, People.Commissioner, CycleRole.Commissioner, ResponseType.Adapted, "  We open until 8pm, not 10pm.  ", Now);

        var response = Assert.Single(contribution.Responses);
        Assert.Same(response, outcome.Value);
        Assert.Same(response, contribution.CurrentResponse);
        Assert.Equal(1, response.Revision);
        Assert.Equal(1, contribution.ResponseRevision);
        Assert.Equal(ResponseType.Adapted, response.Type);
        Assert.Equal("We open until 8pm, not 10pm.", response.Explanation);
        Assert.Equal(People.Commissioner, response.RespondedByUserId);
        Assert.Equal(Now, response.RespondedAt);
        Assert.Equal(Now, cycle.LastChangedAt);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" \n ")]
    public void Is_refused_without_an_explanation(string? explanation)
    {
        var (cycle, contribution) = CycleWithUnansweredInput();

        var outcome = cycle.Respond(contribution.Id, People.Commissioner, CycleRole.Commissioner, ResponseType.NotAdopted, explanation, Now);

        Assert.Equal([new Refusal(CycleRules.ResponseExplanationRequired)], outcome.Refusals);
        Assert.Empty(contribution.Responses);
    }

    [Fact]
    public void Is_refused_with_an_explanation_longer_than_the_limit()
    {
        var (cycle, contribution) = CycleWithUnansweredInput();

        var tooLong = Respond(cycle, contribution, new string('a', Response.ExplanationMaxLength + 1));
        var atLimit = Respond(cycle, contribution, new string('a', Response.ExplanationMaxLength));

        Assert.Equal([CycleRules.ResponseExplanationTooLong], tooLong.BrokenRules);
        Assert.True(atLimit.Succeeded);
    }

    [Fact]
    public void Keeps_the_earlier_response_when_revised_and_makes_the_new_one_current()
    {
        var (cycle, contribution) = CycleWithUnansweredInput();
        var first = Expect.Success(Respond(cycle, contribution, "We will look at this."));

        var outcome = cycle.Respond(
            contribution.Id, People.Champion, CycleRole.CoProductionChampion, ResponseType.Adopted, "Evening opening starts in May.", Now.AddDays(1));

        Assert.Equal([first, outcome.Value], contribution.Responses);
        Assert.Equal("We will look at this.", first.Explanation);
        Assert.Equal(2, outcome.Value.Revision);
        Assert.Same(outcome.Value, contribution.CurrentResponse);
        Assert.Equal(2, contribution.ResponseRevision);
        Assert.True(contribution.IsAnswered);
    }

    [Fact]
    public void Still_counts_for_sign_off_once_revised()
    {
        var (cycle, contribution) = CycleWithUnansweredInput();
        Expect.Success(Respond(cycle, contribution, "We will look at this."));
        Expect.Success(Respond(cycle, contribution, "We did it."));

        var outcome = cycle.SignOff(StageKind.CoDesign, People.Commissioner, CycleRole.Commissioner, "Agreed", Now);

        Assert.True(outcome.Succeeded);
    }

    [Theory]
    [MemberData(nameof(RolesThatMayRespond))]
    public void Is_accepted_from_commissioners_the_champion_and_clinical_advisers(CycleRole role)
    {
        var (cycle, contribution) = CycleWithUnansweredInput();

        Assert.True(cycle.Respond(contribution.Id, "staff-1", role, ResponseType.Adopted, "Done.", Now).Succeeded);
    }

    [Theory]
    [MemberData(nameof(RolesThatMayNotRespond))]
    public void Is_refused_from_anyone_else_so_nobody_answers_their_own_input(CycleRole role)
    {
        var (cycle, contribution) = CycleWithUnansweredInput();

        var outcome = cycle.Respond(contribution.Id, People.PanelMember(1), role, ResponseType.Adopted, "Done.", Now);

        Assert.Equal([CycleRules.ResponseRole], outcome.BrokenRules);
        Assert.Empty(contribution.Responses);
    }

    [Fact]
    public void Is_refused_in_a_signed_off_stage_and_accepted_after_it_is_reopened()
    {
        var cycle = ACycle.AtStage(StageKind.CoDesign).Build();
        var contribution = cycle.StageOf(StageKind.NeedsAssessment).Contributions.Single();

        var refused = Respond(cycle, contribution, "Updated answer");
        Expect.Success(cycle.Reopen(StageKind.NeedsAssessment, People.Commissioner, CycleRole.Commissioner, "Answer was wrong", Now));
        var accepted = Respond(cycle, contribution, "Updated answer");

        Assert.Equal([CycleRules.StageSignedOff], refused.BrokenRules);
        Assert.True(accepted.Succeeded);
        Assert.Equal(2, contribution.Responses.Count);
    }

    [Fact]
    public void Can_answer_input_that_is_not_lived_experience()
    {
        var cycle = ACycle.New().WithContributions(Voice.Provider).Build();
        var contribution = cycle.StageOf(StageKind.NeedsAssessment).Contributions.Single();

        Assert.True(Respond(cycle, contribution, "We will include it in the options appraisal.").Succeeded);
    }

    [Fact]
    public void Returns_every_problem_together()
    {
        var cycle = ACycle.AtStage(StageKind.CoDesign).Build();
        var contribution = cycle.StageOf(StageKind.NeedsAssessment).Contributions.Single();

        var outcome = cycle.Respond(contribution.Id, People.Provider, CycleRole.Provider, ResponseType.Adopted, "", Now);

        Assert.Equal(
            [CycleRules.ResponseRole, CycleRules.StageSignedOff, CycleRules.ResponseExplanationRequired],
            outcome.BrokenRules);
    }

    [Fact]
    public void Throws_for_a_contribution_that_is_not_in_the_cycle()
    {
        var cycle = ACycle.New().Build();
        var elsewhere = ACycle.New().WithContributions(Voice.LivedExperience).Build().Stages[0].Contributions[0];

        Assert.Throws<ArgumentException>(() => Respond(cycle, elsewhere, "Thanks"));
    }

    private static (CommissioningCycle Cycle, Contribution Contribution) CycleWithUnansweredInput()
    {
        var cycle = ACycle.AtStage(StageKind.CoDesign).WithContributions(Voice.LivedExperience).Build();
        return (cycle, cycle.StageOf(StageKind.CoDesign).Contributions.Single());
    }

    private static DomainOutcome<Response> Respond(CommissioningCycle cycle, Contribution contribution, string explanation) =>
        cycle.Respond(contribution.Id, People.Commissioner, CycleRole.Commissioner, ResponseType.Adopted, explanation, Now);
}
