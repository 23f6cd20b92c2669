using CoproCommissioning.Domain.CoDesign;
using CoproCommissioning.Domain.Cycles;

namespace CoproCommissioning.Domain.Tests.CoDesign;

public sealed class SessionContributionTests
{
    private static readonly DateTimeOffset Now = Moments.Now;

    [Fact]
    public void Input_logged_from_a_session_is_a_co_design_contribution_linked_to_it()
    {
        var cycle = ACycle.AtStage(StageKind.CoDesign).Build();
        var session = Expect.Success(CoDesignSession.Schedule(cycle, new SessionDetails(
            "Online evening session", new DateOnly(2026, 3, 12), new TimeOnly(18, 0), null, SessionFormat.Online, "", "Zoom",
            [AccessArrangement.LiveCaptions], "", [], 5, ""), People.Champion, CycleRole.CoProductionChampion, Now));

        var contribution = Expect.Success(cycle.LogContributionOnBehalf(StageKind.CoDesign, People.Champion, CycleRole.CoProductionChampion,
            null, 5, Voice.LivedExperience, session.InputChannel, ContributionVisibility.Everyone, "Peer workers should be part of every team", "", Now,
            session.AsContributionTarget));

        Assert.Equal(TargetKind.CoDesignSession, contribution.TargetKind);
        Assert.Equal(session.Id, contribution.TargetId);
        Assert.Equal(Channel.Online, contribution.Channel);
        Assert.Equal(5, cycle.StageOf(StageKind.CoDesign).DistinctLivedExperienceContributors);
    }

    [Fact]
    public void A_session_target_needs_an_id()
    {
        var cycle = ACycle.AtStage(StageKind.CoDesign).Build();

        Assert.Throws<ArgumentException>(() => cycle.LogContributionOnBehalf(StageKind.CoDesign, People.Champion,
            CycleRole.CoProductionChampion, null, 1, Voice.Carer, Channel.Workshop, ContributionVisibility.Everyone, "Summary", "", Now,
            new ContributionTarget(TargetKind.CoDesignSession, null)));
    }
}
