using CoproCommissioning.Domain.Cycles;
using CoproCommissioning.Domain.Monitoring;
using CoproCommissioning.Domain.NeedsAssessment;
using CoproCommissioning.Domain.Specification;

namespace CoproCommissioning.Domain.Tests.Monitoring;

/// <summary>
/// Starting the next cycle for the same service from one whose monitoring is signed off, with its lessons, outcome
/// framework and glossary carried into the new needs assessment as evidence that says where it came from.
/// </summary>
public sealed class NextCycleTests
{
    private static readonly DateTimeOffset Now = Moments.Now;
    private static readonly Guid SubmittedReturn = Guid.CreateVersion7();
    private static readonly NextCycleDraft Draft = new("Crisis alternatives 2027 to 2030", new DateOnly(2027, 4, 1), 2_700_000m);

    [Fact]
    public void The_next_cycle_is_for_the_same_service_and_starts_at_its_needs_assessment()
    {
        var earlier = SignedOff();

        var start = Start(earlier);

        var next = start.Cycle;
        Assert.NotEqual(earlier.Cycle.Id, next.Id);
        Assert.Equal(earlier.Cycle.Id, start.PreviousCycleId);
        Assert.Equal(("Crisis alternatives 2027 to 2030", new DateOnly(2027, 4, 1), 2_700_000m), (next.Title, next.StartDate, next.Budget));
        Assert.Equal(
            (earlier.Cycle.ServiceArea, earlier.Cycle.PopulationServed, earlier.Cycle.CommissioningOrganisation, earlier.Cycle.SignOffPolicy),
            (next.ServiceArea, next.PopulationServed, next.CommissioningOrganisation, next.SignOffPolicy));
        Assert.Equal(StageStatus.Open, next.StageOf(StageKind.NeedsAssessment).Status);
        Assert.Equal(People.Commissioner, next.CreatedByUserId);
    }

    [Fact]
    public void Each_lesson_is_carried_as_evidence_with_how_many_of_each_source_taught_it_and_a_trail_to_it()
    {
        var earlier = SignedOff();

        var start = Start(earlier);

        var evidence = start.Evidence.Single(e => e.Source.StartsWith("Lesson", StringComparison.Ordinal));
        Assert.Equal(start.Cycle.Id, evidence.CycleId);
        Assert.Equal("Lesson learned in Community mental health transformation", evidence.Source);
        Assert.Equal(EvidenceKind.ServiceData, evidence.Kind);
        Assert.Equal("People used the café most after 8pm.\n\nLearned from 1 contribution, 1 provider return in the earlier cycle.", evidence.Summary);
        var trail = start.Carried.Single(c => c.EvidenceItemId == evidence.Id);
        Assert.Equal(
            (start.Cycle.Id, earlier.Cycle.Id, CarriedEvidenceKind.Lesson, earlier.Lesson.Id, People.Commissioner, Now),
            (trail.CycleId, trail.FromCycleId, trail.Kind, trail.SourceId, trail.CarriedByUserId, trail.CarriedAt));
    }

    [Fact]
    public void The_approved_outcome_framework_is_carried_outcome_by_outcome_named_by_its_statement_with_its_measure_and_rating_levels()
    {
        var earlier = SignedOff();

        var start = Start(earlier);

        var evidence = start.Evidence.Single(e => e.Source.StartsWith("Outcome", StringComparison.Ordinal));
        Assert.Equal("Outcome \u201CI can get help before I reach crisis\u201D from Community mental health transformation", evidence.Source);
        Assert.Equal(EvidenceKind.LivedExperienceStory, evidence.Kind);
        Assert.StartsWith("\u201CI can get help before I reach crisis\u201D (mental wellbeing).\nHow we knew: What people say at their 3-month review.", evidence.Summary);
        Assert.Contains("\nOutstanding: People say they never have to reach crisis to be heard.", evidence.Summary, StringComparison.Ordinal);
        Assert.Equal(
            [(CarriedEvidenceKind.Outcome, ASpecification.CrisisOutcome)],
            start.Carried.Where(c => c.EvidenceItemId == evidence.Id).Select(c => (c.Kind, c.SourceId)));
    }

    [Fact]
    public void The_agreed_glossary_is_carried_as_evidence_naming_each_term_and_suggestions_are_not()
    {
        var earlier = SignedOff();

        var start = Start(earlier);

        var evidence = start.Evidence.Single(e => e.Source.StartsWith("Glossary", StringComparison.Ordinal));
        Assert.Equal("Glossary agreed in Community mental health transformation", evidence.Source);
        Assert.Equal(EvidenceKind.LivedExperienceStory, evidence.Kind);
        Assert.Equal(
            "Crisis café: A place to go in the evening when things feel too much, without a referral.\nPeer worker: Someone with lived experience of crisis, trained to support others.",
            evidence.Summary);
        Assert.Equal(
            earlier.Agreed.Select(t => t.Id).Order(),
            start.Carried.Where(c => c.Kind == CarriedEvidenceKind.GlossaryTerm).Select(c => c.SourceId).Order());
        Assert.All(start.Carried.Where(c => c.Kind == CarriedEvidenceKind.GlossaryTerm), c => Assert.Equal(evidence.Id, c.EvidenceItemId));
    }

    [Fact]
    public void A_long_glossary_is_carried_in_parts_that_each_fit_an_evidence_item()
    {
        var earlier = SignedOff(extraTerms: 8);

        var start = Start(earlier);

        var parts = start.Evidence.Where(e => e.Source.StartsWith("Glossary", StringComparison.Ordinal)).ToList();
        Assert.Equal(["Glossary agreed in Community mental health transformation (part 1 of 3)", "Glossary agreed in Community mental health transformation (part 2 of 3)",
            "Glossary agreed in Community mental health transformation (part 3 of 3)"], parts.Select(p => p.Source));
        Assert.All(parts, p => Assert.InRange(p.Summary.Length, 1, EvidenceItem.SummaryMaxLength));
        Assert.Equal(10, start.Carried.Count(c => c.Kind == CarriedEvidenceKind.GlossaryTerm));
    }

    [Fact]
    public void A_long_title_is_shortened_so_the_evidence_source_still_fits()
    {
        var earlier = SignedOff(title: new string('t', CommissioningCycle.TitleMaxLength));

        var start = Start(earlier);

        Assert.All(start.Evidence.Where(e => !e.Source.StartsWith("Outcome", StringComparison.Ordinal)),
            e => Assert.Equal(EvidenceItem.SourceMaxLength, e.Source.Length));
        Assert.All(start.Evidence, e => Assert.InRange(e.Source.Length, 1, EvidenceItem.SourceMaxLength));
        Assert.All(start.Evidence, e => Assert.Contains("t\u2026", e.Source, StringComparison.Ordinal));
        Assert.Contains(start.Evidence, e => e.Source.StartsWith("Outcome \u201CI can get help before I reach crisis\u201D from ttt", StringComparison.Ordinal));
    }

    [Fact]
    public void The_next_cycle_starts_only_from_a_cycle_whose_monitoring_is_signed_off()
    {
        var earlier = SignedOff(signOffMonitoring: false);

        var outcome = NextCycle.Start(earlier.Cycle, Draft, [earlier.Lesson], earlier.Glossary, earlier.Specification, null,
            People.Commissioner, CycleRole.Commissioner, Now);

        Assert.Equal([LessonRules.MonitoringNotSignedOff], outcome.BrokenRules);
    }

    [Fact]
    public void The_next_cycle_starts_once_and_the_refusal_names_the_one_already_started()
    {
        var earlier = SignedOff();
        var first = Start(earlier);

        var again = NextCycle.Start(earlier.Cycle, Draft, [earlier.Lesson], earlier.Glossary, earlier.Specification, first.Cycle.Id,
            People.Commissioner, CycleRole.Commissioner, Now);

        Assert.Equal([LessonRules.NextCycleAlreadyStarted], again.BrokenRules);
        Assert.Equal(first.Cycle.Id, again.Refusals[0].SubjectId);
    }

    [Theory]
    [InlineData(CycleRole.CoProductionChampion)]
    [InlineData(CycleRole.ClinicalAdviser)]
    [InlineData(CycleRole.Provider)]
    public void Only_a_commissioner_starts_the_next_cycle(CycleRole role)
    {
        var earlier = SignedOff();

        var outcome = NextCycle.Start(earlier.Cycle, Draft, [earlier.Lesson], earlier.Glossary, earlier.Specification, null, "someone", role, Now);

        Assert.Equal([CycleRules.CommissionerOnly], outcome.BrokenRules);
    }

    [Fact]
    public void The_next_cycle_needs_a_title_and_a_start_date_and_says_so_with_every_other_refusal()
    {
        var earlier = SignedOff(signOffMonitoring: false);

        var outcome = NextCycle.Start(earlier.Cycle, new NextCycleDraft(" ", null, null), [earlier.Lesson], earlier.Glossary, earlier.Specification, null,
            People.Commissioner, CycleRole.Commissioner, Now);

        Assert.Equal([LessonRules.MonitoringNotSignedOff, CycleRules.CycleTitleRequired, CycleRules.StartDateRequired], outcome.BrokenRules);
    }

    [Fact]
    public void The_next_cycle_cannot_start_before_the_earlier_one_started_and_may_start_on_the_same_day()
    {
        var earlier = SignedOff();
        var started = earlier.Cycle.StartDate;

        var before = NextCycle.Start(earlier.Cycle, Draft with { StartDate = started.AddDays(-1) }, [earlier.Lesson], earlier.Glossary,
            earlier.Specification, null, People.Commissioner, CycleRole.Commissioner, Now);
        var sameDay = NextCycle.Start(earlier.Cycle, Draft with { StartDate = started }, [earlier.Lesson], earlier.Glossary,
            earlier.Specification, null, People.Commissioner, CycleRole.Commissioner, Now);

        Assert.Equal([LessonRules.NextCycleStartsTooEarly], before.BrokenRules);
        Assert.Equal(nameof(NextCycleDraft.StartDate), before.Refusals[0].Field);
        Assert.True(sameDay.Succeeded);
    }

    [Fact]
    public void Removed_lessons_are_not_carried_and_a_specification_never_approved_carries_no_outcomes()
    {
        var earlier = SignedOff(approve: false, removeLesson: true);

        var start = Start(earlier);

        Assert.DoesNotContain(start.Carried, c => c.Kind is CarriedEvidenceKind.Lesson or CarriedEvidenceKind.Outcome);
        Assert.Single(start.Evidence);
    }

    private static NextCycleStart Start(Earlier earlier) =>
        Expect.Success(NextCycle.Start(earlier.Cycle, Draft, [earlier.Lesson], earlier.Glossary, earlier.Specification, null,
            People.Commissioner, CycleRole.Commissioner, Now));

    /// <summary>
    /// A cycle whose specification (v1, with the crisis outcome) was approved, with two agreed glossary terms and a panel
    /// member's suggestion, a lesson citing a monitoring contribution and a provider return, and monitoring signed off.
    /// </summary>
    private static Earlier SignedOff(
        bool signOffMonitoring = true, bool approve = true, bool removeLesson = false, int extraTerms = 0, string? title = null)
    {
        var (cycle, specification) = title is null ? ASpecification.Started() : Titled(title);
        var at = Now.AddHours(-2);
        DateTimeOffset Tick() => at = at.AddMinutes(1);

        List<GlossaryTerm> glossary = [];
        GlossaryTerm Add(string term, string meaning, string userId, CycleRole role) =>
            Expect.Success(GlossaryTerm.Add(cycle, glossary.Select(t => t.Term), term, meaning, userId, role, Tick()));
        glossary.Add(Add("Peer worker", "Someone with lived experience of crisis, trained to support others.", People.Commissioner, CycleRole.Commissioner));
        glossary.Add(Add("Crisis café", "A place to go in the evening when things feel too much, without a referral.", People.Commissioner, CycleRole.Commissioner));
        glossary.Add(Add("Safe haven", "Another name for a crisis café.", People.PanelMember(1), CycleRole.PanelMember));
        for (int i = 0; i < extraTerms; i++)
        {
            glossary.Add(Add($"Term {i}", new string((char)('a' + i), GlossaryTerm.MeaningMaxLength), People.Commissioner, CycleRole.Commissioner));
        }

        if (approve)
        {
            Expect.Success(specification.Approve(cycle, 1, ADecision.InMode(DecisionMode.CommissionerLed).WithTitle("Approve the specification")
                .WithRationale("The panel agreed it at the last workshop.").DecidedAt(at).Build(), People.Commissioner, CycleRole.Commissioner, Tick()));
        }

        AllianceSetUp.SignOff(cycle, StageKind.Specification, Tick());
        AllianceSetUp.SignOff(cycle, StageKind.Procurement, Tick());
        var input = Expect.Success(cycle.AddContribution(StageKind.Monitoring, People.PanelMember(2), CycleRole.PanelMember, Voice.LivedExperience,
            Channel.Workshop, ContributionVisibility.Everyone, "The café is busiest after 8pm", "", Tick()));
        var lesson = Expect.Success(Lesson.Record(cycle, "People used the café most after 8pm.",
            [new(LessonSourceKind.Contribution, input.Id), new(LessonSourceKind.ProviderReturn, SubmittedReturn)], new LessonSources([SubmittedReturn], []),
            People.Commissioner, CycleRole.Commissioner, Tick()));
        if (removeLesson)
        {
            Expect.Success(lesson.Remove(cycle, CycleRole.Commissioner, Tick()));
        }

        Expect.Success(cycle.Respond(input.Id, People.Commissioner, CycleRole.Commissioner, ResponseType.Adopted, "The next service opens later.", Tick()));
        if (signOffMonitoring)
        {
            AllianceSetUp.SignOff(cycle, StageKind.Monitoring, Tick());
        }

        return new Earlier(cycle, specification, glossary, lesson);
    }

    /// <summary><see cref="ASpecification.Started"/>, for a cycle with another title.</summary>
    private static (CommissioningCycle, ServiceSpecification) Titled(string title)
    {
        var cycle = Expect.Success(CommissioningCycle.Create(title, "Crisis support", "Adults in Harbourside", null, new DateOnly(2026, 4, 1),
            "North Harbour ICB", People.Commissioner, Moments.CycleCreated));
        Expect.Success(cycle.SetChampion(People.Champion, CycleRole.Commissioner, Moments.CycleCreated));
        var at = Moments.CycleCreated;
        foreach (var stage in new[] { StageKind.NeedsAssessment, StageKind.CoDesign })
        {
            AllianceSetUp.SignOff(cycle, stage, at = at.AddMinutes(1));
        }

        var specification = Expect.Success(ServiceSpecification.Start(cycle, ASpecification.FirstDraft(), People.Commissioner, CycleRole.Commissioner, ASpecification.V1SavedAt));
        return (cycle, specification);
    }

    private sealed record Earlier(CommissioningCycle Cycle, ServiceSpecification Specification, List<GlossaryTerm> Glossary, Lesson Lesson)
    {
        public IEnumerable<GlossaryTerm> Agreed => Glossary.Where(t => t.IsAgreed);
    }
}
