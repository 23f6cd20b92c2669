using CoproCommissioning.Domain.Cycles;

namespace CoproCommissioning.Domain.Tests.Cycles;

/// <summary>Input logged on someone's behalf says when and where it was gathered, who gave it, and only carries a voice they have.</summary>
public sealed class InputOriginTests
{
    private static readonly DateTimeOffset Now = Moments.Now;
    private static readonly DateOnly Today = DateOnly.FromDateTime(Now.UtcDateTime);

    public static TheoryData<CycleRole> StaffRoles =>
        [CycleRole.Commissioner, CycleRole.CoProductionChampion, CycleRole.Provider, CycleRole.ClinicalAdviser, CycleRole.Observer];

    [Fact]
    public void Keeps_the_day_it_was_gathered_the_session_and_who_gave_it()
    {
        var cycle = ACycle.New().Build();
        var session = Guid.CreateVersion7();

        var logged = Expect.Success(Log(cycle, null, Voice.Carer,
            new InputOrigin(Today.AddDays(-6), session, "  parents at the Harbourside workshop ")));

        Assert.Equal(Today.AddDays(-6), logged.GatheredOn);
        Assert.Equal(session, logged.GatheredAtSessionId);
        Assert.Equal("parents at the Harbourside workshop", logged.GivenBy);
        Assert.Equal(Now, logged.CreatedAt);
    }

    [Fact]
    public void Without_an_origin_it_was_gathered_the_day_it_was_logged()
    {
        var cycle = ACycle.New().Build();

        var logged = Expect.Success(Log(cycle, null, Voice.LivedExperience, origin: null));

        Assert.Equal(Today, logged.GatheredOn);
        Assert.Null(logged.GatheredAtSessionId);
        Assert.Equal("", logged.GivenBy);
    }

    [Fact]
    public void Is_refused_without_the_day_it_was_gathered_or_with_a_day_still_to_come()
    {
        var cycle = ACycle.New().Build();

        var blank = Log(cycle, null, Voice.LivedExperience, new InputOrigin(null));
        var future = Log(cycle, null, Voice.LivedExperience, new InputOrigin(Today.AddDays(2)));
        var longDescription = Log(cycle, null, Voice.LivedExperience, new InputOrigin(Today, GivenBy: new string('p', Contribution.GivenByMaxLength + 1)));

        Assert.Equal([new Refusal(CycleRules.GatheredOnRequired)], blank.Refusals);
        Assert.Equal(nameof(Contribution.GatheredOn), blank.Refusals[0].Field);
        Assert.Equal([CycleRules.GatheredOnInFuture], future.BrokenRules);
        Assert.Equal([CycleRules.GivenByTooLong], longDescription.BrokenRules);
        Assert.Empty(cycle.StageOf(StageKind.NeedsAssessment).Contributions);
    }

    [Theory]
    [MemberData(nameof(StaffRoles))]
    public void Lived_experience_input_is_not_logged_for_a_member_of_staff(CycleRole role)
    {
        var cycle = ACycle.New().Build();

        var asLivedExperience = Log(cycle, new Contributor("staff-1", role), Voice.LivedExperience, new InputOrigin(Today));
        var asCarer = Log(cycle, new Contributor("staff-1", role), Voice.Carer, new InputOrigin(Today));
        var inTheirOwnVoice = Log(cycle, new Contributor("staff-1", role), Voice.Provider, new InputOrigin(Today));

        Assert.Equal([new Refusal(CycleRules.LivedExperienceVoiceOnBehalfOfStaff)], asLivedExperience.Refusals);
        Assert.Equal(nameof(Contribution.Voice), asLivedExperience.Refusals[0].Field);
        Assert.Equal([CycleRules.LivedExperienceVoiceOnBehalfOfStaff], asCarer.BrokenRules);
        Assert.True(inTheirOwnVoice.Succeeded);
    }

    [Fact]
    public void Lived_experience_input_is_logged_for_a_panel_member()
    {
        var cycle = ACycle.New().Build();

        var logged = Expect.Success(Log(cycle, new Contributor(People.PanelMember(2), CycleRole.PanelMember), Voice.LivedExperience, new InputOrigin(Today)));

        Assert.Equal(People.PanelMember(2), logged.AuthorUserId);
    }

    private static DomainOutcome<Contribution> Log(CommissioningCycle cycle, Contributor? onBehalfOf, Voice voice, InputOrigin? origin) =>
        cycle.LogContributionOnBehalf(StageKind.NeedsAssessment, People.Champion, CycleRole.CoProductionChampion, onBehalfOf, 6, voice,
            Channel.Workshop, ContributionVisibility.Everyone, "Carers want a named worker", "", Now, origin: origin);
}
