using CoproCommissioning.Domain.Cycles;

namespace CoproCommissioning.Domain.Tests.Cycles;

public sealed class SignOffTests
{
    private static readonly DateTimeOffset Now = Moments.Now;

    public static TheoryData<StageKind> AllStages => [.. Enum.GetValues<StageKind>()];

    public static TheoryData<CycleRole> EveryoneButCommissioners => [.. People.RolesOtherThan(CycleRole.Commissioner)];

    [Fact]
    public void Is_refused_until_lived_experience_input_is_logged()
    {
        var cycle = ACycle.AtStage(StageKind.CoDesign).WithAnsweredContributions(Voice.Provider).Build();

        var outcome = SignOff(cycle, StageKind.CoDesign);

        Assert.Contains(CycleRules.LivedExperienceInputRequired, outcome.BrokenRules);
        Assert.False(cycle.StageOf(StageKind.CoDesign).IsSignedOff);
    }

    [Theory]
    [InlineData(Voice.Provider)]
    [InlineData(Voice.Commissioner)]
    [InlineData(Voice.Clinician)]
    [InlineData(Voice.Community)]
    public void Is_refused_when_the_only_input_is_not_lived_experience_whoever_logs_it(Voice voice)
    {
        var cycle = ACycle.New().WithAnsweredContributions(voice).Build();
        Expect.Success(cycle.LogContributionOnBehalf(
            StageKind.NeedsAssessment, People.Champion, CycleRole.CoProductionChampion, null, 6, voice, Channel.Workshop, ContributionVisibility.Everyone,
            "Notes from the workshop", "", Now));

        var outcome = SignOff(cycle, StageKind.NeedsAssessment);

        Assert.Contains(CycleRules.LivedExperienceInputRequired, outcome.BrokenRules);
        Assert.DoesNotContain(CycleRules.DistinctContributorsRequired, outcome.BrokenRules);
        Assert.Equal(StageStatus.Open, cycle.StageOf(StageKind.NeedsAssessment).Status);
    }

    [Fact]
    public void Checking_gives_the_refusals_signing_off_would_and_changes_nothing()
    {
        var ready = ACycle.New().ReadyToSignOff().Build();
        var blocked = ACycle.New().WithAnsweredContributions(Voice.Provider).Build();
        var version = ready.LastChangedAt;

        var none = ready.CheckSignOff(StageKind.NeedsAssessment, People.Commissioner, CycleRole.Commissioner, "Agreed with the panel");
        var blank = ready.CheckSignOff(StageKind.NeedsAssessment, People.Commissioner, CycleRole.Commissioner, " ");
        var champion = ready.CheckSignOff(StageKind.NeedsAssessment, People.Champion, CycleRole.CoProductionChampion, "Agreed");
        var missing = blocked.CheckSignOff(StageKind.NeedsAssessment, People.Commissioner, CycleRole.Commissioner, "Agreed");

        Assert.Empty(none);
        Assert.Equal([CycleRules.StatementRequired], blank.Select(r => r.Rule));
        Assert.Equal("Statement", Assert.Single(blank).Field);
        Assert.Contains(CycleRules.CommissionerOnly, champion.Select(r => r.Rule));
        Assert.Equal(SignOff(blocked, StageKind.NeedsAssessment).Refusals.Select(r => r.Rule), missing.Select(r => r.Rule));
        Assert.Equal(StageStatus.Open, ready.StageOf(StageKind.NeedsAssessment).Status);
        Assert.Equal(StageStatus.NotStarted, ready.StageOf(StageKind.CoDesign).Status);
        Assert.Equal(version, ready.LastChangedAt);
    }

    [Fact]
    public void With_both_minimums_at_1_no_lived_experience_input_is_one_item()
    {
        var cycle = ACycle.New().WithAnsweredContributions(Voice.Provider).Build();

        var outcome = SignOff(cycle, StageKind.NeedsAssessment);

        var refusal = Assert.Single(outcome.Refusals);
        Assert.Equal("R1.lived-experience-input", refusal.Rule.Code);
        Assert.Equal("Log at least 1 contribution from a person with lived experience or a carer in this stage.", refusal.Rule.Message);
    }

    [Fact]
    public void Above_1_each_lived_experience_rule_says_whether_it_counts_contributions_or_people()
    {
        var cycle = ACycle.New().WithPolicy(minimumContributions: 3, minimumContributors: 2).WithAnsweredContributions(Voice.Provider).Build();

        var outcome = SignOff(cycle, StageKind.NeedsAssessment);

        Assert.Equal([CycleRules.LivedExperienceInputRequired, CycleRules.DistinctContributorsRequired], outcome.BrokenRules);
        Assert.Equal("R1.lived-experience-input", outcome.Refusals[0].Rule.Code);
        Assert.Contains("at least 3 contributions", outcome.Refusals[0].Rule.Message, StringComparison.Ordinal);
        Assert.Contains("This counts pieces of input", outcome.Refusals[0].Rule.Message, StringComparison.Ordinal);
        Assert.Equal("R1.distinct-contributors", outcome.Refusals[1].Rule.Code);
        Assert.Contains("at least 2 different people", outcome.Refusals[1].Rule.Message, StringComparison.Ordinal);
        Assert.Contains("This counts people, not pieces of input", outcome.Refusals[1].Rule.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void With_a_higher_minimum_of_contributions_and_none_logged_both_rules_are_listed()
    {
        var cycle = ACycle.New().WithPolicy(minimumContributions: 2, minimumContributors: 1).WithAnsweredContributions(Voice.Provider).Build();

        var outcome = SignOff(cycle, StageKind.NeedsAssessment);

        Assert.Equal([CycleRules.LivedExperienceInputRequired, CycleRules.DistinctContributorsRequired], outcome.BrokenRules);
        Assert.Equal(CycleRules.DistinctContributorsRequiredFor(1).Message, outcome.Refusals[1].Rule.Message);
        Assert.Contains("not pieces of input", outcome.Refusals[1].Rule.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Counts_a_carer_as_lived_experience_input()
    {
        var cycle = ACycle.AtStage(StageKind.CoDesign).WithAnsweredContributions(Voice.Carer).Build();

        var outcome = SignOff(cycle, StageKind.CoDesign);

        Assert.True(outcome.Succeeded);
        Assert.True(cycle.StageOf(StageKind.CoDesign).IsSignedOff);
    }

    [Fact]
    public void Counts_each_voice_in_input_logged_on_behalf_of_a_group_as_a_contributor()
    {
        var cycle = ACycle.New().WithPolicy(minimumContributions: 1, minimumContributors: 5).Build();
        var groupInput = LogForGroup(cycle, voices: 5);
        Answer(cycle, groupInput);

        var outcome = SignOff(cycle, StageKind.NeedsAssessment);

        Assert.True(outcome.Succeeded);
        Assert.Equal(5, cycle.StageOf(StageKind.NeedsAssessment).DistinctLivedExperienceContributors);
    }

    [Fact]
    public void Is_refused_when_input_logged_on_behalf_of_a_group_carries_fewer_voices_than_the_policy_needs()
    {
        var cycle = ACycle.New().WithPolicy(minimumContributions: 1, minimumContributors: 5).Build();
        Answer(cycle, LogForGroup(cycle, voices: 4));

        var outcome = SignOff(cycle, StageKind.NeedsAssessment);

        var refusal = Assert.Single(outcome.Refusals);
        Assert.Equal(CycleRules.DistinctContributorsRequired, refusal.Rule);
        Assert.Equal(CycleRules.DistinctContributorsRequiredFor(5).Message, refusal.Rule.Message);
    }

    [Fact]
    public void Counts_input_logged_on_behalf_of_a_group_as_one_contribution()
    {
        var cycle = ACycle.New().WithPolicy(minimumContributions: 2, minimumContributors: 1).Build();
        Answer(cycle, LogForGroup(cycle, voices: 6));

        var outcome = SignOff(cycle, StageKind.NeedsAssessment);

        Assert.Equal([CycleRules.LivedExperienceInputRequired], outcome.BrokenRules);
    }

    [Fact]
    public void Is_refused_below_the_policys_minimum_number_of_contributions()
    {
        var cycle = ACycle.New()
            .WithPolicy(minimumContributions: 3, minimumContributors: 1)
            .WithAnsweredContributions(Voice.LivedExperience, Voice.Carer)
            .Build();

        var outcome = SignOff(cycle, StageKind.NeedsAssessment);

        var refusal = Assert.Single(outcome.Refusals);
        Assert.Equal(CycleRules.LivedExperienceInputRequired, refusal.Rule);
        Assert.StartsWith(
            "Log at least 3 contributions from people with lived experience or carers in this stage. This counts pieces of input", refusal.Rule.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Succeeds_once_the_policys_minimum_number_of_contributions_is_reached()
    {
        var cycle = ACycle.New()
            .WithPolicy(minimumContributions: 3, minimumContributors: 3)
            .WithAnsweredContributions(Voice.LivedExperience, Voice.Carer, Voice.LivedExperience)
            .Build();

        Assert.True(SignOff(cycle, StageKind.NeedsAssessment).Succeeded);
    }

    [Fact]
    public void Counts_a_person_once_however_many_contributions_they_make()
    {
        var cycle = ACycle.New().WithPolicy(minimumContributions: 2, minimumContributors: 2).Build();
        Answer(cycle, AddOwn(cycle, People.PanelMember(1)));
        Answer(cycle, AddOwn(cycle, People.PanelMember(1)));

        var outcome = SignOff(cycle, StageKind.NeedsAssessment);

        Assert.Equal([CycleRules.DistinctContributorsRequired], outcome.BrokenRules);
    }

    [Fact]
    public void Counts_a_person_once_when_the_champion_also_logs_input_on_their_behalf()
    {
        var cycle = ACycle.New().WithPolicy(minimumContributions: 1, minimumContributors: 2).Build();
        Answer(cycle, AddOwn(cycle, People.PanelMember(1)));
        Answer(cycle, Expect.Success(cycle.LogContributionOnBehalf(
            StageKind.NeedsAssessment, People.Champion, CycleRole.CoProductionChampion, new Contributor(People.PanelMember(1), CycleRole.PanelMember), 1,
            Voice.LivedExperience, Channel.Phone, ContributionVisibility.Everyone, "Said on the phone that buses stop too early", "", Now)));

        var outcome = SignOff(cycle, StageKind.NeedsAssessment);

        Assert.Equal([CycleRules.DistinctContributorsRequired], outcome.BrokenRules);
    }

    [Fact]
    public void Succeeds_once_input_comes_from_enough_different_people()
    {
        var cycle = ACycle.New().WithPolicy(minimumContributions: 2, minimumContributors: 2).Build();
        Answer(cycle, AddOwn(cycle, People.PanelMember(1)));
        Answer(cycle, AddOwn(cycle, People.PanelMember(2)));

        Assert.True(SignOff(cycle, StageKind.NeedsAssessment).Succeeded);
    }

    [Fact]
    public void Applies_the_policy_in_force_when_the_stage_is_signed_off()
    {
        var cycle = ACycle.New().ReadyToSignOff().Build();
        Expect.Success(cycle.ChangeSignOffPolicy(2, 1, CycleRole.Commissioner, Now));

        var outcome = SignOff(cycle, StageKind.NeedsAssessment);

        Assert.Equal([CycleRules.LivedExperienceInputRequired], outcome.BrokenRules);
    }

    [Fact]
    public void Is_refused_while_lived_experience_input_is_unanswered()
    {
        var cycle = ACycle.AtStage(StageKind.CoDesign).WithContributions(Voice.LivedExperience).Build();
        var unanswered = cycle.StageOf(StageKind.CoDesign).Contributions.Single();

        var outcome = SignOff(cycle, StageKind.CoDesign);

        Assert.Equal([new Refusal(CycleRules.InputAwaitingResponse, unanswered.Id)], outcome.Refusals);
        Assert.Equal(StageStatus.Open, cycle.StageOf(StageKind.CoDesign).Status);
    }

    [Fact]
    public void Names_each_unanswered_contribution_in_its_own_refusal()
    {
        var cycle = ACycle.New().WithContributions(Voice.LivedExperience, Voice.Carer).WithAnsweredContributions(Voice.LivedExperience).Build();
        var unanswered = cycle.StageOf(StageKind.NeedsAssessment).UnansweredLivedExperienceContributions;

        var outcome = SignOff(cycle, StageKind.NeedsAssessment);

        Assert.Equal(2, unanswered.Count);
        Assert.Equal(unanswered.Select(c => new Refusal(CycleRules.InputAwaitingResponse, c.Id)), outcome.Refusals);
    }

    [Fact]
    public void Is_not_held_up_by_unanswered_input_that_is_not_lived_experience()
    {
        var cycle = ACycle.New().ReadyToSignOff().WithContributions(Voice.Provider, Voice.Clinician).Build();

        Assert.True(SignOff(cycle, StageKind.NeedsAssessment).Succeeded);
    }

    [Fact]
    public void Is_refused_out_of_order()
    {
        var cycle = ACycle.New().ReadyToSignOff().Build();
        Answer(cycle, AddOwn(cycle, People.PanelMember(2), StageKind.CoDesign));

        var outcome = SignOff(cycle, StageKind.CoDesign);

        var needsAssessment = cycle.StageOf(StageKind.NeedsAssessment);
        Assert.Equal(
            [new Refusal(CycleRules.EarlierStageOpen, needsAssessment.Id), new Refusal(CycleRules.StageNotOpen)],
            outcome.Refusals);
        Assert.Equal("Sign off needs assessment first. Stages are signed off in order.", outcome.Refusals[0].Rule.Message);
        Assert.Equal(StageStatus.NotStarted, cycle.StageOf(StageKind.CoDesign).Status);
        Assert.Equal(StageStatus.NotStarted, cycle.StageOf(StageKind.Specification).Status);
        Assert.Empty(cycle.StageOf(StageKind.CoDesign).History);
    }

    [Fact]
    public void Names_every_earlier_stage_that_is_not_signed_off()
    {
        var cycle = ACycle.New().Build();

        var blockers = cycle.SignOffBlockers(StageKind.Monitoring);

        var earlierStages = cycle.Stages.Where(s => s.Kind < StageKind.Monitoring).Select(s => s.Id);
        Assert.Equal(
            earlierStages,
            blockers.Where(b => b.Rule == CycleRules.EarlierStageOpen).Select(b => b.SubjectId!.Value));
    }

    [Theory]
    [MemberData(nameof(EveryoneButCommissioners))]
    public void Is_refused_for_anyone_but_a_commissioner(CycleRole role)
    {
        var cycle = ACycle.New().ReadyToSignOff().Build();

        var outcome = cycle.SignOff(StageKind.NeedsAssessment, "someone-1", role, "Agreed", Now);

        Assert.Equal([CycleRules.CommissionerOnly], outcome.BrokenRules);
        Assert.Equal(StageStatus.Open, cycle.StageOf(StageKind.NeedsAssessment).Status);
    }

    [Fact]
    public void Is_refused_without_a_co_production_champion()
    {
        var cycle = ACycle.New().WithoutChampion().ReadyToSignOff().Build();

        var outcome = SignOff(cycle, StageKind.NeedsAssessment);

        Assert.Equal([CycleRules.ChampionRequired], outcome.BrokenRules);
        Assert.False(cycle.StageOf(StageKind.NeedsAssessment).IsSignedOff);
    }

    [Fact]
    public void Succeeds_once_a_champion_is_named()
    {
        var cycle = ACycle.New().WithoutChampion().ReadyToSignOff().Build();
        Expect.Success(cycle.SetChampion(People.Champion, CycleRole.Commissioner, Now));

        Assert.True(SignOff(cycle, StageKind.NeedsAssessment).Succeeded);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Is_refused_without_a_statement(string? statement)
    {
        var cycle = ACycle.New().ReadyToSignOff().Build();

        var outcome = cycle.SignOff(StageKind.NeedsAssessment, People.Commissioner, CycleRole.Commissioner, statement, Now);

        Assert.Equal([CycleRules.StatementRequired], outcome.BrokenRules);
        Assert.Empty(cycle.StageOf(StageKind.NeedsAssessment).History);
    }

    [Fact]
    public void Is_refused_with_a_statement_longer_than_the_limit()
    {
        var cycle = ACycle.New().ReadyToSignOff().Build();

        var outcome = cycle.SignOff(
            StageKind.NeedsAssessment, People.Commissioner, CycleRole.Commissioner, new string('a', StageEvent.TextMaxLength + 1), Now);

        Assert.Equal([CycleRules.StatementTooLong], outcome.BrokenRules);
    }

    [Fact]
    public void Accepts_a_statement_at_the_limit()
    {
        var cycle = ACycle.New().ReadyToSignOff().Build();

        var outcome = cycle.SignOff(
            StageKind.NeedsAssessment, People.Commissioner, CycleRole.Commissioner, new string('a', StageEvent.TextMaxLength), Now);

        Assert.True(outcome.Succeeded);
    }

    [Fact]
    public void Returns_every_unmet_rule_together()
    {
        var cycle = ACycle.New().WithoutChampion().WithContributions(Voice.LivedExperience).Build();
        var unanswered = cycle.StageOf(StageKind.NeedsAssessment).Contributions.Single();
        // A decision kept before R2 was checked as decisions are saved.
        var decision = Guid.CreateVersion7();
        var facts = SignOffFacts.Of(cycle, StageKind.NeedsAssessment, People.Provider) with
        {
            DecisionsToFix = [new DecisionFacts(decision, HasParticipants: false, DecisionMode.CommissionerLed, ShapedByLivedExperience: false, HasRationale: false)],
        };

        var outcome = cycle.SignOff(StageKind.NeedsAssessment, People.Provider, CycleRole.Provider, " ", Now, facts: facts);

        Assert.Equal(
            [
                new Refusal(CycleRules.CommissionerOnly),
                new Refusal(CycleRules.StatementRequired),
                new Refusal(CycleRules.ChampionRequired),
                new Refusal(CycleRules.InputAwaitingResponse, unanswered.Id),
                new Refusal(CycleRules.DecisionNeedsParticipants, decision),
                new Refusal(CycleRules.DecisionNeedsRationale, decision),
            ],
            outcome.Refusals);
    }

    [Fact]
    public void Returns_the_order_and_input_rules_together_for_a_stage_not_yet_started()
    {
        var cycle = ACycle.New().WithoutChampion().Build();

        var outcome = SignOff(cycle, StageKind.CoDesign);

        Assert.Equal(
            [
                CycleRules.EarlierStageOpen,
                CycleRules.StageNotOpen,
                CycleRules.ChampionRequired,
                CycleRules.LivedExperienceInputRequired,
            ],
            outcome.BrokenRules);
    }

    [Fact]
    public void Changes_nothing_when_refused()
    {
        var cycle = ACycle.AtStage(StageKind.CoDesign).WithContributions(Voice.LivedExperience).Build();
        var lastChanged = cycle.LastChangedAt;

        var outcome = SignOff(cycle, StageKind.CoDesign);

        Assert.False(outcome.Succeeded);
        Assert.Equal(StageStatus.Open, cycle.StageOf(StageKind.CoDesign).Status);
        Assert.Empty(cycle.StageOf(StageKind.CoDesign).History);
        Assert.Equal(StageStatus.NotStarted, cycle.StageOf(StageKind.Specification).Status);
        Assert.Equal(lastChanged, cycle.LastChangedAt);
    }

    [Fact]
    public void Records_who_signed_off_what_they_said_and_when()
    {
        var cycle = ACycle.AtStage(StageKind.CoDesign).ReadyToSignOff().Build();

        var outcome = cycle.SignOff(
            StageKind.CoDesign, People.Commissioner, CycleRole.Commissioner, "  Preferred model agreed with the panel  ", Now);

        Assert.True(outcome.Succeeded);
        var stage = cycle.StageOf(StageKind.CoDesign);
        Assert.Equal(StageStatus.SignedOff, stage.Status);
        var signOff = Assert.Single(stage.History);
        Assert.Equal(StageEventKind.SignOff, signOff.Kind);
        Assert.Equal(People.Commissioner, signOff.ByUserId);
        Assert.Equal(CycleRole.Commissioner, signOff.ByRole);
        Assert.Equal("Preferred model agreed with the panel", signOff.Text);
        Assert.Equal(Now, signOff.At);
        Assert.Equal(Now, cycle.LastChangedAt);
    }

    [Fact]
    public void Opens_the_next_stage()
    {
        var cycle = ACycle.AtStage(StageKind.CoDesign).ReadyToSignOff().Build();

        Expect.Success(SignOff(cycle, StageKind.CoDesign));

        var next = cycle.StageOf(StageKind.Specification);
        Assert.Equal(StageStatus.Open, next.Status);
        Assert.Equal(Now, next.OpenedAt);
        Assert.Equal(StageStatus.NotStarted, cycle.StageOf(StageKind.Procurement).Status);
    }

    [Fact]
    public void Is_refused_for_a_stage_that_is_already_signed_off()
    {
        var cycle = ACycle.AtStage(StageKind.CoDesign).Build();

        var outcome = SignOff(cycle, StageKind.NeedsAssessment);

        Assert.Equal([CycleRules.StageSignedOff], outcome.BrokenRules);
        Assert.Single(cycle.StageOf(StageKind.NeedsAssessment).History);
    }

    [Theory]
    [MemberData(nameof(AllStages))]
    public void Is_refused_in_every_stage_without_lived_experience_input(StageKind kind)
    {
        var cycle = ACycle.AtStage(kind).WithAnsweredContributions(Voice.Provider).Build();

        var outcome = SignOff(cycle, kind);

        var refusal = Assert.Single(outcome.Refusals);
        Assert.Equal(CycleRules.LivedExperienceInputRequired, refusal.Rule);
        Assert.Equal(StageStatus.Open, cycle.StageOf(kind).Status);
    }

    [Theory]
    [MemberData(nameof(AllStages))]
    public void Succeeds_in_every_stage_once_its_rules_hold(StageKind kind)
    {
        var cycle = ACycle.AtStage(kind).ReadyToSignOff().Build();

        Assert.Empty(cycle.SignOffBlockers(kind));
        Assert.True(SignOff(cycle, kind).Succeeded);
        Assert.All(cycle.Stages.Where(s => s.Kind <= kind), s => Assert.True(s.IsSignedOff));
    }

    [Fact]
    public void Throws_for_a_time_that_is_not_utc()
    {
        var cycle = ACycle.New().ReadyToSignOff().Build();

        Assert.Throws<ArgumentException>(
            () => cycle.SignOff(StageKind.NeedsAssessment, People.Commissioner, CycleRole.Commissioner, "Agreed", Moments.NotUtc));
        Assert.Equal(StageStatus.Open, cycle.StageOf(StageKind.NeedsAssessment).Status);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" ")]
    public void Throws_without_an_actor(string? actor)
    {
        var cycle = ACycle.New().ReadyToSignOff().Build();

        Assert.ThrowsAny<ArgumentException>(
            () => cycle.SignOff(StageKind.NeedsAssessment, actor!, CycleRole.Commissioner, "Agreed", Now));
    }

    // The stage's own conditions (an approved specification) are met here; ApprovalTests covers them.
    private static DomainOutcome SignOff(CommissioningCycle cycle, StageKind kind) =>
        cycle.SignOff(kind, People.Commissioner, CycleRole.Commissioner, "Agreed with the panel", Now, stageConditions: []);

    private static Contribution AddOwn(CommissioningCycle cycle, string panelMember, StageKind stage = StageKind.NeedsAssessment) =>
        Expect.Success(cycle.AddContribution(
            stage, panelMember, CycleRole.PanelMember, Voice.LivedExperience, Channel.Online, ContributionVisibility.Everyone, "Buses stop before evening groups end", "", Now));

    private static Contribution LogForGroup(CommissioningCycle cycle, int voices) =>
        Expect.Success(cycle.LogContributionOnBehalf(
            StageKind.NeedsAssessment, People.Champion, CycleRole.CoProductionChampion, null, voices, Voice.LivedExperience,
            Channel.Workshop, ContributionVisibility.Everyone, "The group wants peer support workers in A&E", "", Now));

    private static void Answer(CommissioningCycle cycle, Contribution contribution) =>
        Expect.Success(cycle.Respond(contribution.Id, People.Commissioner, CycleRole.Commissioner, ResponseType.Adopted, "We did this.", Now));
}
