using CoproCommissioning.Domain.CoDesign;
using CoproCommissioning.Domain.Cycles;

namespace CoproCommissioning.Domain.Tests.CoDesign;

public sealed class CoDesignSessionTests
{
    private static readonly DateTimeOffset Now = Moments.Now;

    public static TheoryData<CycleRole> EveryoneButStaff =>
        [.. People.RolesOtherThan(CycleRole.Commissioner, CycleRole.CoProductionChampion)];

    [Fact]
    public void Records_a_workshop_with_its_venue_access_arrangements_and_attendance()
    {
        var cycle = ACycle.AtStage(StageKind.CoDesign).Build();

        var session = Expect.Success(CoDesignSession.Schedule(cycle, Workshop() with
        {
            AccessArrangements = [AccessArrangement.StepFreeAccess, AccessArrangement.BslInterpreter, AccessArrangement.StepFreeAccess],
            AttendeeUserIds = [People.PanelMember(1), People.PanelMember(2)],
        }, People.Champion, CycleRole.CoProductionChampion, Now));

        Assert.Equal(cycle.Id, session.CycleId);
        Assert.Equal("What good rehabilitation support looks like", session.Title);
        Assert.Equal(new DateOnly(2026, 3, 10), session.Date);
        Assert.Equal(new TimeOnly(10, 30), session.StartTime);
        Assert.Equal(new TimeOnly(13, 0), session.EndTime);
        Assert.Equal(SessionFormat.InPerson, session.Format);
        Assert.Equal("Harbourside Community Centre, 12 Quay Street", session.Venue);
        Assert.Equal("", session.JoiningDetails);
        Assert.Equal([AccessArrangement.BslInterpreter, AccessArrangement.StepFreeAccess], session.AccessArrangements);
        Assert.Equal([People.PanelMember(1), People.PanelMember(2)], session.Attendees.Select(a => a.UserId));
        Assert.Equal(8, session.OtherAttendees);
        Assert.Equal(Channel.Workshop, session.InputChannel);
        Assert.Equal(ContributionTarget.ForCoDesignSession(session.Id), session.AsContributionTarget);
        Assert.Equal(People.Champion, session.RecordedByUserId);
    }

    [Fact]
    public void An_online_session_needs_no_venue_and_keeps_none()
    {
        var session = Expect.Success(CoDesignSession.Schedule(ACycle.AtStage(StageKind.CoDesign).Build(), Workshop() with
        {
            Format = SessionFormat.Online,
            Venue = "Ignored",
            JoiningDetails = "Microsoft Teams, link sent with the invitation",
        }, People.Champion, CycleRole.CoProductionChampion, Now));

        Assert.Equal("", session.Venue);
        Assert.Equal("Microsoft Teams, link sent with the invitation", session.JoiningDetails);
        Assert.Equal(Channel.Online, session.InputChannel);
    }

    [Theory]
    [InlineData(SessionFormat.InPerson)]
    [InlineData(SessionFormat.Hybrid)]
    public void A_session_at_a_venue_needs_the_venue(SessionFormat format)
    {
        var outcome = CoDesignSession.Schedule(ACycle.AtStage(StageKind.CoDesign).Build(), Workshop() with { Format = format, Venue = " " },
            People.Champion, CycleRole.CoProductionChampion, Now);

        Assert.Equal([CoDesignRules.SessionVenueRequired], outcome.BrokenRules);
    }

    [Fact]
    public void Refuses_every_mistake_at_once()
    {
        var outcome = CoDesignSession.Schedule(ACycle.AtStage(StageKind.CoDesign).Build(), Workshop() with
        {
            Title = "",
            EndTime = new TimeOnly(9, 0),
            OtherAttendees = -1,
            Minutes = new string('m', CoDesignSession.MinutesMaxLength + 1),
            OtherAccessArrangements = new string('o', CoDesignSession.OtherAccessArrangementsMaxLength + 1),
        }, People.Champion, CycleRole.CoProductionChampion, Now);

        Assert.Equal(
            [
                CoDesignRules.SessionTitleRequired,
                CoDesignRules.SessionEndBeforeStart,
                CoDesignRules.SessionOtherArrangementsTooLong,
                CoDesignRules.SessionOtherAttendeesInvalid,
                CoDesignRules.SessionMinutesTooLong,
            ],
            outcome.BrokenRules);
    }

    [Fact]
    public void Needs_a_date_a_start_time_and_a_format()
    {
        var outcome = CoDesignSession.Schedule(ACycle.AtStage(StageKind.CoDesign).Build(), Workshop() with
        {
            Date = null,
            StartTime = null,
            Format = null,
            Venue = "",
        }, People.Champion, CycleRole.CoProductionChampion, Now);

        Assert.Equal([CoDesignRules.SessionDateRequired, CoDesignRules.SessionStartTimeRequired, CoDesignRules.SessionFormatRequired],
            outcome.BrokenRules);
    }

    [Fact]
    public void Refuses_a_format_that_is_not_on_the_list_and_a_count_that_could_not_be_read()
    {
        var outcome = CoDesignSession.Schedule(ACycle.AtStage(StageKind.CoDesign).Build(), Workshop() with
        {
            Format = (SessionFormat)42,
            OtherAttendees = null,
        }, People.Champion, CycleRole.CoProductionChampion, Now);

        Assert.Equal([CoDesignRules.SessionFormatRequired, CoDesignRules.SessionOtherAttendeesInvalid], outcome.BrokenRules);
    }

    [Fact]
    public void Each_refusal_names_the_part_of_the_session_to_fix()
    {
        var outcome = CoDesignSession.Schedule(ACycle.AtStage(StageKind.CoDesign).Build(), Workshop() with
        {
            Title = "",
            EndTime = new TimeOnly(9, 0),
            Venue = "",
        }, People.Champion, CycleRole.CoProductionChampion, Now);

        Assert.Equal(
            [nameof(CoDesignSession.Title), nameof(CoDesignSession.EndTime), nameof(CoDesignSession.Venue)],
            outcome.Refusals.Select(r => r.Field));
    }

    [Theory]
    [MemberData(nameof(EveryoneButStaff))]
    public void Is_added_only_by_a_commissioner_or_the_champion(CycleRole role)
    {
        var outcome = CoDesignSession.Schedule(ACycle.AtStage(StageKind.CoDesign).Build(), Workshop(), "someone-1", role, Now);

        Assert.Equal([CoDesignRules.SessionStaffOnly], outcome.BrokenRules);
    }

    [Fact]
    public void Is_refused_once_co_design_is_signed_off()
    {
        var outcome = CoDesignSession.Schedule(
            ACycle.AtStage(StageKind.Specification).Build(), Workshop(), People.Champion, CycleRole.CoProductionChampion, Now);

        Assert.Equal([CycleRules.StageSignedOff], outcome.BrokenRules);
    }

    [Fact]
    public void Can_be_planned_before_co_design_opens()
    {
        var cycle = ACycle.New().Build();

        Assert.True(CoDesignSession.Schedule(cycle, Workshop(), People.Champion, CycleRole.CoProductionChampion, Now).Succeeded);
    }

    [Fact]
    public void Refuses_the_same_attendee_twice_as_a_programming_error()
    {
        Assert.Throws<ArgumentException>(() => CoDesignSession.Schedule(ACycle.AtStage(StageKind.CoDesign).Build(),
            Workshop() with { AttendeeUserIds = [People.PanelMember(1), People.PanelMember(1)] }, People.Champion,
            CycleRole.CoProductionChampion, Now));
    }

    [Fact]
    public void Revising_adds_the_minutes_and_replaces_who_came()
    {
        var cycle = ACycle.AtStage(StageKind.CoDesign).Build();
        var session = Expect.Success(CoDesignSession.Schedule(cycle, Workshop() with { AttendeeUserIds = [People.PanelMember(1)] },
            People.Champion, CycleRole.CoProductionChampion, Now));

        Expect.Success(session.Revise(cycle, Workshop() with
        {
            AttendeeUserIds = [People.PanelMember(2), People.Provider],
            Minutes = "We agreed three things people want from the service.",
        }, CycleRole.Commissioner, Now));

        Assert.Equal([People.PanelMember(2), People.Provider], session.Attendees.Select(a => a.UserId));
        Assert.Equal("We agreed three things people want from the service.", session.Minutes);
    }

    private static SessionDetails Workshop() => new(
        "What good rehabilitation support looks like",
        new DateOnly(2026, 3, 10),
        new TimeOnly(10, 30),
        new TimeOnly(13, 0),
        SessionFormat.InPerson,
        "Harbourside Community Centre, 12 Quay Street",
        "",
        [AccessArrangement.StepFreeAccess],
        "",
        [],
        8,
        "");
}
