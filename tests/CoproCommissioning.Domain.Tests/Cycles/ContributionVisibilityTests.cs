using CoproCommissioning.Domain.Cycles;

namespace CoproCommissioning.Domain.Tests.Cycles;

public sealed class ContributionVisibilityTests
{
    private static readonly DateTimeOffset Now = Moments.Now;
    private const string Viewer = "viewer-1";

    public static TheoryData<CycleRole> CommissioningTeam =>
        [CycleRole.Commissioner, CycleRole.CoProductionChampion, CycleRole.ClinicalAdviser];

    public static TheoryData<CycleRole> EveryoneElse =>
        [CycleRole.PanelMember, CycleRole.Provider, CycleRole.Observer];

    [Theory]
    [MemberData(nameof(CommissioningTeam))]
    public void The_commissioning_team_sees_team_only_input(CycleRole role)
    {
        var teamOnly = Add(People.PanelMember(1), ContributionVisibility.CommissioningTeam);

        Assert.True(teamOnly.IsVisibleTo(Viewer, role));
    }

    [Theory]
    [MemberData(nameof(EveryoneElse))]
    public void Other_members_do_not_see_someone_elses_team_only_input(CycleRole role)
    {
        var teamOnly = Add(People.PanelMember(1), ContributionVisibility.CommissioningTeam);

        Assert.False(teamOnly.IsVisibleTo(Viewer, role));
    }

    [Theory]
    [MemberData(nameof(EveryoneElse))]
    public void Other_members_see_input_shared_with_everyone(CycleRole role)
    {
        var shared = Add(People.PanelMember(1), ContributionVisibility.Everyone);

        Assert.True(shared.IsVisibleTo(Viewer, role));
    }

    [Fact]
    public void The_author_always_sees_their_own_team_only_input()
    {
        var teamOnly = Add(People.PanelMember(1), ContributionVisibility.CommissioningTeam);

        Assert.True(teamOnly.IsVisibleTo(People.PanelMember(1), CycleRole.PanelMember));
    }

    [Fact]
    public void The_person_it_was_logged_for_sees_it_and_others_do_not()
    {
        var cycle = ACycle.New().Build();
        var logged = Expect.Success(cycle.LogContributionOnBehalf(
            StageKind.NeedsAssessment, People.Champion, CycleRole.CoProductionChampion, new Contributor(People.PanelMember(2), CycleRole.PanelMember), 1, Voice.Carer,
            Channel.Phone, ContributionVisibility.CommissioningTeam, "Said on the phone", "", Now));

        Assert.Equal(ContributionVisibility.CommissioningTeam, logged.Visibility);
        Assert.True(logged.IsVisibleTo(People.PanelMember(2), CycleRole.PanelMember));
        Assert.False(logged.IsVisibleTo(People.PanelMember(3), CycleRole.PanelMember));
    }

    [Fact]
    public void The_filter_gives_the_same_answer_as_a_query()
    {
        var cycle = ACycle.New().Build();
        var mine = Add(cycle, People.PanelMember(1), ContributionVisibility.CommissioningTeam);
        var shared = Add(cycle, People.PanelMember(2), ContributionVisibility.Everyone);
        Add(cycle, People.PanelMember(3), ContributionVisibility.CommissioningTeam);

        var seen = cycle.StageOf(StageKind.NeedsAssessment).Contributions.AsQueryable()
            .Where(Contribution.VisibleTo(People.PanelMember(1), CycleRole.PanelMember)).ToList();

        Assert.Equal([mine, shared], seen);
    }

    [Fact]
    public void Team_only_input_still_counts_for_sign_off()
    {
        var cycle = ACycle.New().Build();
        Add(cycle, People.PanelMember(1), ContributionVisibility.CommissioningTeam);

        Assert.Equal(1, cycle.StageOf(StageKind.NeedsAssessment).LivedExperienceContributionCount);
        Assert.DoesNotContain(CycleRules.LivedExperienceInputRequired, cycle.SignOffBlockers(StageKind.NeedsAssessment).Select(r => r.Rule));
    }

    [Fact]
    public void An_undefined_choice_is_a_programming_error()
    {
        var cycle = ACycle.New().Build();

        Assert.Throws<ArgumentOutOfRangeException>(() => cycle.AddContribution(
            StageKind.NeedsAssessment, People.PanelMember(1), CycleRole.PanelMember, Voice.Carer, Channel.Online, (ContributionVisibility)99,
            "View", "", Now));
    }

    private static Contribution Add(string author, ContributionVisibility visibility) => Add(ACycle.New().Build(), author, visibility);

    private static Contribution Add(CommissioningCycle cycle, string author, ContributionVisibility visibility) =>
        Expect.Success(cycle.AddContribution(
            StageKind.NeedsAssessment, author, CycleRole.PanelMember, Voice.LivedExperience, Channel.Online, visibility,
            "Buses stop before evening groups end", "", Now));
}
