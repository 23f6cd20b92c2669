using CoproCommissioning.Domain.Cycles;

namespace CoproCommissioning.Domain.Tests.Cycles;

public sealed class ContributionTests
{
    private static readonly DateTimeOffset Now = Moments.Now;

    public static TheoryData<CycleRole, Voice> StaffAndProvidersSpeakingForLivedExperience =>
        [.. People.RolesOtherThan(CycleRole.PanelMember).SelectMany(role => new[] { (role, Voice.LivedExperience), (role, Voice.Carer) })];

    public static TheoryData<CycleRole> EveryoneButChampionsAndCommissioners =>
        [.. People.RolesOtherThan(CycleRole.CoProductionChampion, CycleRole.Commissioner)];

    [Fact]
    public void Records_a_persons_own_contribution()
    {
        var cycle = ACycle.New().Build();

        var outcome = cycle.AddContribution(
            StageKind.NeedsAssessment, People.PanelMember(1), CycleRole.PanelMember, Voice.LivedExperience, Channel.Online, ContributionVisibility.Everyone,
            "  Buses stop before evening groups end  ", "The last bus leaves at 6.", Now);

        var contribution = Assert.Single(cycle.StageOf(StageKind.NeedsAssessment).Contributions);
        Assert.Same(contribution, outcome.Value);
        Assert.NotEqual(Guid.Empty, contribution.Id);
        Assert.Equal(StageKind.NeedsAssessment, contribution.StageKind);
        Assert.Equal(People.PanelMember(1), contribution.AuthorUserId);
        Assert.Null(contribution.RecordedByUserId);
        Assert.False(contribution.IsLoggedOnBehalf);
        Assert.Equal(1, contribution.VoicesCarried);
        Assert.Equal(Voice.LivedExperience, contribution.Voice);
        Assert.Equal(Channel.Online, contribution.Channel);
        Assert.Equal("Buses stop before evening groups end", contribution.Summary);
        Assert.Equal("The last bus leaves at 6.", contribution.Body);
        Assert.Equal(TargetKind.None, contribution.TargetKind);
        Assert.Null(contribution.TargetId);
        Assert.Equal(Now, contribution.CreatedAt);
        Assert.Null(contribution.CurrentResponse);
        Assert.Equal(Now, cycle.LastChangedAt);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Is_refused_without_a_summary(string? summary)
    {
        var cycle = ACycle.New().Build();

        var outcome = AddOwn(cycle, StageKind.NeedsAssessment, summary);

        Assert.Equal([CycleRules.ContributionSummaryRequired], outcome.BrokenRules);
        Assert.Empty(cycle.StageOf(StageKind.NeedsAssessment).Contributions);
    }

    [Fact]
    public void Is_refused_with_a_summary_longer_than_the_limit()
    {
        var cycle = ACycle.New().Build();

        var outcome = AddOwn(cycle, StageKind.NeedsAssessment, new string('a', Contribution.SummaryMaxLength + 1));

        Assert.Equal([CycleRules.ContributionSummaryTooLong], outcome.BrokenRules);
        Assert.Empty(cycle.StageOf(StageKind.NeedsAssessment).Contributions);
    }

    [Fact]
    public void Accepts_a_summary_at_the_limit()
    {
        var cycle = ACycle.New().Build();

        Assert.True(AddOwn(cycle, StageKind.NeedsAssessment, new string('a', Contribution.SummaryMaxLength)).Succeeded);
    }

    [Fact]
    public void Accepts_an_empty_body_and_stores_it_as_empty()
    {
        var cycle = ACycle.New().Build();

        var outcome = cycle.AddContribution(
            StageKind.NeedsAssessment, People.PanelMember(1), CycleRole.PanelMember, Voice.Carer, Channel.Phone, ContributionVisibility.Everyone, "Respite", null, Now);

        Assert.Equal("", outcome.Value.Body);
    }

    [Fact]
    public void Is_refused_with_a_body_longer_than_the_limit()
    {
        var cycle = ACycle.New().Build();

        var tooLong = cycle.AddContribution(
            StageKind.NeedsAssessment, People.PanelMember(1), CycleRole.PanelMember, Voice.Carer, Channel.Letter, ContributionVisibility.Everyone, "Respite",
            new string('a', Contribution.BodyMaxLength + 1), Now);
        var atLimit = cycle.AddContribution(
            StageKind.NeedsAssessment, People.PanelMember(1), CycleRole.PanelMember, Voice.Carer, Channel.Letter, ContributionVisibility.Everyone, "Respite",
            new string('a', Contribution.BodyMaxLength), Now);

        Assert.Equal([CycleRules.ContributionBodyTooLong], tooLong.BrokenRules);
        Assert.True(atLimit.Succeeded);
    }

    [Fact]
    public void Is_refused_in_a_signed_off_stage()
    {
        var cycle = ACycle.AtStage(StageKind.CoDesign).Build();

        var outcome = AddOwn(cycle, StageKind.NeedsAssessment);

        Assert.Equal([CycleRules.StageSignedOff], outcome.BrokenRules);
        Assert.Single(cycle.StageOf(StageKind.NeedsAssessment).Contributions);
    }

    [Fact]
    public void Is_accepted_again_once_the_stage_is_reopened()
    {
        var cycle = ACycle.AtStage(StageKind.CoDesign).Build();
        Expect.Success(cycle.Reopen(StageKind.NeedsAssessment, People.Commissioner, CycleRole.Commissioner, "New evidence", Now));

        var outcome = AddOwn(cycle, StageKind.NeedsAssessment);

        Assert.True(outcome.Succeeded);
        Assert.Equal(2, cycle.StageOf(StageKind.NeedsAssessment).Contributions.Count);
    }

    [Fact]
    public void Is_accepted_in_a_stage_that_has_not_started_and_leaves_it_not_started()
    {
        var cycle = ACycle.New().Build();

        var outcome = AddOwn(cycle, StageKind.Monitoring);

        Assert.True(outcome.Succeeded);
        var monitoring = cycle.StageOf(StageKind.Monitoring);
        Assert.Single(monitoring.Contributions);
        Assert.Equal(StageStatus.NotStarted, monitoring.Status);
    }

    [Theory]
    [MemberData(nameof(StaffAndProvidersSpeakingForLivedExperience))]
    public void Is_refused_in_a_lived_experience_voice_from_anyone_but_a_panel_member(CycleRole role, Voice voice)
    {
        var cycle = ACycle.New().Build();

        var outcome = cycle.AddContribution(StageKind.NeedsAssessment, "someone-1", role, voice, Channel.Online, ContributionVisibility.Everyone, "My view", "", Now);

        Assert.Equal([CycleRules.LivedExperienceVoiceNeedsPanelMember], outcome.BrokenRules);
        Assert.Empty(cycle.StageOf(StageKind.NeedsAssessment).Contributions);
    }

    [Theory]
    [InlineData(Voice.Provider, CycleRole.Provider)]
    [InlineData(Voice.Clinician, CycleRole.ClinicalAdviser)]
    [InlineData(Voice.Commissioner, CycleRole.Commissioner)]
    public void Is_accepted_in_a_voice_that_does_not_count_as_lived_experience(Voice voice, CycleRole role)
    {
        var cycle = ACycle.New().Build();

        var outcome = cycle.AddContribution(StageKind.NeedsAssessment, "someone-1", role, voice, Channel.Meeting, ContributionVisibility.Everyone, "A service model", "", Now);

        Assert.True(outcome.Succeeded);
        Assert.False(outcome.Value.IsLivedExperience);
    }

    [Fact]
    public void Records_who_logged_input_on_behalf_of_a_group_and_how_many_people_it_speaks_for()
    {
        var cycle = ACycle.New().Build();

        var outcome = cycle.LogContributionOnBehalf(
            StageKind.NeedsAssessment, People.Champion, CycleRole.CoProductionChampion, null, 8, Voice.LivedExperience,
            Channel.Workshop, ContributionVisibility.Everyone, "Peer support in A&E", "Eight people at the Harehills workshop.", Now);

        var contribution = Assert.Single(cycle.StageOf(StageKind.NeedsAssessment).Contributions);
        Assert.Same(contribution, outcome.Value);
        Assert.Null(contribution.AuthorUserId);
        Assert.Equal(People.Champion, contribution.RecordedByUserId);
        Assert.True(contribution.IsLoggedOnBehalf);
        Assert.Equal(8, contribution.VoicesCarried);
        Assert.Equal(Channel.Workshop, contribution.Channel);
    }

    [Fact]
    public void Keeps_the_person_as_author_when_input_is_logged_on_behalf_of_someone_with_an_account()
    {
        var cycle = ACycle.New().Build();

        var outcome = cycle.LogContributionOnBehalf(
            StageKind.NeedsAssessment, People.Commissioner, CycleRole.Commissioner, new Contributor(People.PanelMember(3), CycleRole.PanelMember), 1, Voice.Carer,
            Channel.Phone, ContributionVisibility.Everyone, "Needs respite at weekends", "", Now);

        Assert.Equal(People.PanelMember(3), outcome.Value.AuthorUserId);
        Assert.Equal(People.Commissioner, outcome.Value.RecordedByUserId);
    }

    [Theory]
    [MemberData(nameof(EveryoneButChampionsAndCommissioners))]
    public void Is_refused_on_behalf_of_others_from_anyone_but_the_champion_or_a_commissioner(CycleRole role)
    {
        var cycle = ACycle.New().Build();

        var outcome = cycle.LogContributionOnBehalf(
            StageKind.NeedsAssessment, "someone-1", role, null, 3, Voice.LivedExperience, Channel.Workshop, ContributionVisibility.Everyone, "Group view", "", Now);

        Assert.Equal([CycleRules.OnBehalfNeedsChampionOrCommissioner], outcome.BrokenRules);
        Assert.Empty(cycle.StageOf(StageKind.NeedsAssessment).Contributions);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-2)]
    public void Is_refused_on_behalf_of_fewer_than_one_person(int voices)
    {
        var cycle = ACycle.New().Build();

        var outcome = cycle.LogContributionOnBehalf(
            StageKind.NeedsAssessment, People.Champion, CycleRole.CoProductionChampion, null, voices, Voice.LivedExperience,
            Channel.Survey, ContributionVisibility.Everyone, "Survey results", "", Now);

        Assert.Equal([CycleRules.VoicesCarriedTooFew], outcome.BrokenRules);
    }

    [Fact]
    public void Throws_when_someone_logs_their_own_input_as_if_on_their_behalf()
    {
        var cycle = ACycle.New().Build();

        Assert.Throws<ArgumentException>(() => cycle.LogContributionOnBehalf(
            StageKind.NeedsAssessment, People.Champion, CycleRole.CoProductionChampion, new Contributor(People.Champion, CycleRole.CoProductionChampion), 1, Voice.LivedExperience,
            Channel.Online, ContributionVisibility.Everyone, "My view", "", Now));
    }

    [Fact]
    public void Returns_every_problem_together()
    {
        var cycle = ACycle.AtStage(StageKind.CoDesign).Build();

        var outcome = cycle.LogContributionOnBehalf(
            StageKind.NeedsAssessment, People.Provider, CycleRole.Provider, null, 0, Voice.LivedExperience, Channel.Email, ContributionVisibility.Everyone, " ",
            new string('a', Contribution.BodyMaxLength + 1), Now);

        Assert.Equal(
            [
                CycleRules.OnBehalfNeedsChampionOrCommissioner,
                CycleRules.VoicesCarriedTooFew,
                CycleRules.StageSignedOff,
                CycleRules.ContributionSummaryRequired,
                CycleRules.ContributionBodyTooLong,
            ],
            outcome.BrokenRules);
    }

    [Fact]
    public void Can_be_about_a_decision_in_the_cycle()
    {
        var cycle = ACycle.New().Build();
        var decision = Expect.Success(cycle.RecordDecision(
            StageKind.NeedsAssessment, ADecision.InMode(DecisionMode.CommissionerLed).WithRationale("Budget").Build(),
            People.Commissioner, CycleRole.Commissioner, Now));

        var outcome = AddOwn(cycle, StageKind.NeedsAssessment, target: ContributionTarget.ForDecision(decision.Id));

        Assert.Equal(TargetKind.Decision, outcome.Value.TargetKind);
        Assert.Equal(decision.Id, outcome.Value.TargetId);
    }

    [Fact]
    public void Can_be_about_a_specification_section()
    {
        var cycle = ACycle.New().Build();
        var section = Guid.CreateVersion7();

        var outcome = AddOwn(cycle, StageKind.Specification, target: ContributionTarget.ForSpecificationSection(section));

        Assert.Equal(TargetKind.SpecificationSection, outcome.Value.TargetKind);
        Assert.Equal(section, outcome.Value.TargetId);
    }

    [Fact]
    public void Throws_for_a_target_that_is_not_in_the_cycle()
    {
        var cycle = ACycle.New().Build();

        Assert.Throws<ArgumentException>(
            () => AddOwn(cycle, StageKind.NeedsAssessment, target: ContributionTarget.ForDecision(Guid.CreateVersion7())));
        Assert.Throws<ArgumentException>(
            () => AddOwn(cycle, StageKind.NeedsAssessment, target: new ContributionTarget(TargetKind.None, Guid.CreateVersion7())));
        Assert.Empty(cycle.StageOf(StageKind.NeedsAssessment).Contributions);
    }

    [Fact]
    public void Throws_for_a_voice_or_channel_that_does_not_exist()
    {
        var cycle = ACycle.New().Build();

        Assert.Throws<ArgumentOutOfRangeException>(() => cycle.AddContribution(
            StageKind.NeedsAssessment, People.PanelMember(1), CycleRole.PanelMember, (Voice)99, Channel.Online, ContributionVisibility.Everyone, "View", "", Now));
        Assert.Throws<ArgumentOutOfRangeException>(() => cycle.AddContribution(
            StageKind.NeedsAssessment, People.PanelMember(1), CycleRole.PanelMember, Voice.Carer, (Channel)99, ContributionVisibility.Everyone, "View", "", Now));
    }

    [Fact]
    public void Throws_for_a_time_that_is_not_utc()
    {
        var cycle = ACycle.New().Build();

        Assert.Throws<ArgumentException>(() => cycle.AddContribution(
            StageKind.NeedsAssessment, People.PanelMember(1), CycleRole.PanelMember, Voice.Carer, Channel.Online, ContributionVisibility.Everyone, "View", "", Moments.NotUtc));
    }

    private static DomainOutcome<Contribution> AddOwn(
        CommissioningCycle cycle, StageKind stage, string? summary = "Buses stop early", ContributionTarget target = default) =>
        cycle.AddContribution(
            stage, People.PanelMember(1), CycleRole.PanelMember, Voice.LivedExperience, Channel.Online, ContributionVisibility.Everyone, summary, "", Now, target);
}
