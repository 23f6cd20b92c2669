using CoproCommissioning.Domain.Cycles;
using CoproCommissioning.Domain.Monitoring;

namespace CoproCommissioning.Domain.Tests.Monitoring;

/// <summary>Lessons learned in monitoring: each cites the contributions, provider returns or panel ratings that taught it.</summary>
public sealed class LessonTests
{
    private static readonly DateTimeOffset Now = Moments.Now;
    private static readonly Guid SubmittedReturn = Guid.CreateVersion7();
    private static readonly Guid PanelRating = Guid.CreateVersion7();
    private static readonly LessonSources Sources = new([SubmittedReturn], [PanelRating]);

    [Fact]
    public void A_lesson_cites_what_taught_it_and_says_who_recorded_it()
    {
        var cycle = InMonitoring();
        var input = cycle.StageOf(StageKind.Monitoring).Contributions[0];

        var lesson = Expect.Success(Lesson.Record(cycle, "  People used the café most after 8pm.  ",
            [new(LessonSourceKind.Contribution, input.Id), new(LessonSourceKind.ProviderReturn, SubmittedReturn), new(LessonSourceKind.PanelRating, PanelRating),
                new(LessonSourceKind.PanelRating, PanelRating)],
            Sources, People.Champion, CycleRole.CoProductionChampion, Now));

        Assert.Equal(cycle.Id, lesson.CycleId);
        Assert.Equal("People used the café most after 8pm.", lesson.Text);
        Assert.Equal(
            [new(LessonSourceKind.Contribution, input.Id), new(LessonSourceKind.ProviderReturn, SubmittedReturn), new LessonCitation(LessonSourceKind.PanelRating, PanelRating)],
            lesson.Citations);
        Assert.Equal((People.Champion, Now), (lesson.RecordedByUserId, lesson.RecordedAt));
    }

    [Fact]
    public void A_lesson_needs_at_least_one_citation()
    {
        var cycle = InMonitoring();

        var outcome = Lesson.Record(cycle, "People used the café most after 8pm.", [], Sources, People.Commissioner, CycleRole.Commissioner, Now);

        Assert.Equal([LessonRules.CitationRequired], outcome.BrokenRules);
        Assert.Equal("Citations", outcome.Refusals[0].Field);
    }

    [Fact]
    public void A_lesson_cites_only_what_is_in_the_cycle_and_its_monitoring()
    {
        var cycle = InMonitoring();
        var elsewhere = InMonitoring().StageOf(StageKind.Monitoring).Contributions[0];

        var otherCycle = Record(cycle, new LessonCitation(LessonSourceKind.Contribution, elsewhere.Id));
        var draftReturn = Record(cycle, new LessonCitation(LessonSourceKind.ProviderReturn, Guid.CreateVersion7()));
        var returnAsRating = Record(cycle, new LessonCitation(LessonSourceKind.PanelRating, SubmittedReturn));

        Assert.Equal([LessonRules.CitationUnknown], otherCycle.BrokenRules);
        Assert.Equal([LessonRules.CitationUnknown], draftReturn.BrokenRules);
        Assert.Equal([LessonRules.CitationUnknown], returnAsRating.BrokenRules);
    }

    [Fact]
    public void A_lesson_says_what_was_learned_in_a_limited_length()
    {
        var cycle = InMonitoring();
        var cited = new LessonCitation(LessonSourceKind.PanelRating, PanelRating);

        var blank = Lesson.Record(cycle, " ", [cited], Sources, People.Commissioner, CycleRole.Commissioner, Now);
        var tooLong = Lesson.Record(cycle, new string('a', Lesson.TextMaxLength + 1), [cited], Sources, People.Commissioner, CycleRole.Commissioner, Now);

        Assert.Equal([LessonRules.TextRequired], blank.BrokenRules);
        Assert.Equal([LessonRules.TextTooLong], tooLong.BrokenRules);
    }

    [Theory]
    [InlineData(CycleRole.PanelMember)]
    [InlineData(CycleRole.Provider)]
    [InlineData(CycleRole.ClinicalAdviser)]
    [InlineData(CycleRole.Observer)]
    public void Only_commissioners_and_the_champion_record_lessons(CycleRole role)
    {
        var cycle = InMonitoring();

        var outcome = Lesson.Record(cycle, "Open later.", [new(LessonSourceKind.PanelRating, PanelRating)], Sources, "someone", role, Now);

        Assert.Equal([LessonRules.StaffOnly], outcome.BrokenRules);
    }

    [Fact]
    public void Lessons_wait_for_the_monitoring_stage_and_stop_changing_when_it_is_signed_off()
    {
        var procuring = ACycle.AtStage(StageKind.Procurement).Build();
        var cycle = InMonitoring();
        var lesson = Record(cycle, new LessonCitation(LessonSourceKind.PanelRating, PanelRating)).Value;
        AllianceSetUp.SignOff(cycle, StageKind.Monitoring, Now.AddMinutes(1));

        var early = Record(procuring, new LessonCitation(LessonSourceKind.PanelRating, PanelRating));
        var revise = lesson.Revise(cycle, "Open even later.", lesson.Citations, Sources, People.Commissioner, CycleRole.Commissioner, Now.AddMinutes(2));
        var remove = lesson.Remove(cycle, CycleRole.Commissioner, Now.AddMinutes(2));

        Assert.Equal([CycleRules.StageNotOpen], early.BrokenRules);
        Assert.Equal([CycleRules.StageSignedOff], revise.BrokenRules);
        Assert.Equal([CycleRules.StageSignedOff], remove.BrokenRules);
        Assert.False(lesson.IsRemoved);
    }

    [Fact]
    public void A_lesson_can_be_reworded_recited_or_removed_while_monitoring_is_open()
    {
        var cycle = InMonitoring();
        var lesson = Record(cycle, new LessonCitation(LessonSourceKind.PanelRating, PanelRating)).Value;
        var later = Now.AddHours(1);

        Expect.Success(lesson.Revise(cycle, "Open until midnight at weekends.", [new(LessonSourceKind.ProviderReturn, SubmittedReturn)], Sources,
            People.Champion, CycleRole.CoProductionChampion, later));
        var uncited = lesson.Revise(cycle, "Open until midnight.", [], Sources, People.Champion, CycleRole.CoProductionChampion, later);
        Expect.Success(lesson.Remove(cycle, CycleRole.Commissioner, later));

        Assert.Equal("Open until midnight at weekends.", lesson.Text);
        Assert.Equal([new LessonCitation(LessonSourceKind.ProviderReturn, SubmittedReturn)], lesson.Citations);
        Assert.Equal((People.Champion, later), (lesson.LastChangedByUserId, lesson.LastChangedAt));
        Assert.Equal([LessonRules.CitationRequired], uncited.BrokenRules);
        Assert.True(lesson.IsRemoved);
    }

    [Fact]
    public void Signing_off_monitoring_asks_for_at_least_one_lesson()
    {
        Assert.Equal([LessonRules.LessonRequired], Lesson.SignOffConditions(0).Select(r => r.Rule));
        Assert.Empty(Lesson.SignOffConditions(1));
    }

    private static CommissioningCycle InMonitoring() =>
        ACycle.AtStage(StageKind.Monitoring).WithAnsweredContributions(Voice.LivedExperience).Build();

    private static DomainOutcome<Lesson> Record(CommissioningCycle cycle, LessonCitation citation) =>
        Lesson.Record(cycle, "People used the café most after 8pm.", [citation], Sources, People.Commissioner, CycleRole.Commissioner, Now);
}
