using CoproCommissioning.Domain.Cycles;
using CoproCommissioning.Domain.Specification;

namespace CoproCommissioning.Domain.Tests.Specification;

public sealed class SaveVersionTests
{
    private static readonly DateTimeOffset Now = Moments.Now;

    [Fact]
    public void The_first_save_is_v1_with_its_sections_and_outcomes_in_order()
    {
        var (cycle, specification) = ASpecification.Started();

        var v1 = specification.Latest;
        Assert.Equal(cycle.Id, specification.CycleId);
        Assert.Equal(1, v1.Number);
        Assert.Equal("First draft", v1.ChangeSummary);
        Assert.Equal(["Who the service is for", "Opening hours", "Staffing"], v1.Sections.Select(s => s.Title));
        Assert.Equal([1, 2, 3], v1.Sections.Select(s => s.Position));
        Assert.All(v1.Sections, s => Assert.Equal(1, s.ChangedInVersion));
        Assert.Equal("I can get help before I reach crisis", Assert.Single(v1.Outcomes).Statement);
    }

    [Fact]
    public void Each_save_is_a_new_version_and_earlier_versions_keep_their_text()
    {
        var (cycle, specification) = ASpecification.Started();

        var v2 = Expect.Success(specification.SaveVersion(cycle, 1,
            specification.Changing(ASpecification.OpeningHours, "Open 9am to 9pm, every day."), People.Commissioner, CycleRole.Commissioner, Now));

        Assert.Equal(2, v2.Number);
        Assert.Equal("Evening opening", v2.ChangeSummary);
        Assert.Equal("Open 9am to 9pm, every day.", specification.Section(ASpecification.OpeningHours, 2).Body);
        Assert.Equal("The service is open **9am to 5pm**, Monday to Friday.", specification.Section(ASpecification.OpeningHours, 1).Body);
        Assert.NotEqual(specification.Section(ASpecification.OpeningHours, 1).Id, specification.Section(ASpecification.OpeningHours, 2).Id);
    }

    [Fact]
    public void A_section_that_did_not_change_keeps_the_version_it_last_changed_in()
    {
        var (cycle, specification) = ASpecification.Started();

        Expect.Success(specification.SaveVersion(cycle, 1,
            specification.Changing(ASpecification.OpeningHours, "Open until 9pm."), People.Commissioner, CycleRole.Commissioner, Now));

        Assert.Equal(2, specification.Section(ASpecification.OpeningHours, 2).ChangedInVersion);
        Assert.True(specification.Section(ASpecification.OpeningHours, 2).IsChangedInThisVersion);
        Assert.Equal(1, specification.Section(ASpecification.Staffing, 2).ChangedInVersion);
        Assert.False(specification.Section(ASpecification.Staffing, 2).IsChangedInThisVersion);
    }

    [Fact]
    public void Is_refused_when_someone_saved_a_newer_version_after_the_editor_started()
    {
        var (cycle, specification) = ASpecification.Started();
        var startedFromV1 = specification.Changing(ASpecification.Staffing, "Each team has a peer worker.", "Peer workers");
        Expect.Success(specification.SaveVersion(cycle, 1,
            specification.Changing(ASpecification.OpeningHours, "Open until 9pm."), "commissioner-2", CycleRole.Commissioner, Now));

        var outcome = specification.SaveVersion(cycle, 1, startedFromV1, People.Commissioner, CycleRole.Commissioner, Now);

        Assert.Contains(SpecificationRules.DraftChanged, outcome.BrokenRules);
        Assert.Equal(2, specification.Latest.Number);
        Assert.Equal("Each team has a psychologist and 2 nurses.", specification.Section(ASpecification.Staffing, 2).Body);
    }

    [Fact]
    public void Is_refused_when_nothing_changed()
    {
        var (cycle, specification) = ASpecification.Started();

        var outcome = specification.SaveVersion(cycle, 1, specification.Latest.ToDraft() with { ChangeSummary = "No change" },
            People.Commissioner, CycleRole.Commissioner, Now);

        Assert.Equal([SpecificationRules.NothingChanged], outcome.BrokenRules);
        Assert.Single(specification.Versions);
    }

    [Fact]
    public void Moving_or_removing_a_section_is_a_change()
    {
        var (cycle, specification) = ASpecification.Started();
        var draft = specification.Latest.ToDraft();

        Expect.Success(specification.SaveVersion(cycle, 1, draft with { ChangeSummary = "Staffing first", Sections = [.. draft.Sections.Reverse()] },
            People.Commissioner, CycleRole.Commissioner, Now));
        Expect.Success(specification.SaveVersion(cycle, 2, draft with { ChangeSummary = "No staffing", Sections = [.. draft.Sections.Take(2)] },
            People.Commissioner, CycleRole.Commissioner, Now));

        Assert.Equal(["Staffing", "Opening hours", "Who the service is for"], specification.FindVersion(2)!.Sections.Select(s => s.Title));
        Assert.Equal(2, specification.Latest.Sections.Count);
        Assert.Null(specification.Latest.SectionFor(ASpecification.Staffing));
    }

    [Fact]
    public void Needs_a_summary_of_what_changed()
    {
        var (cycle, specification) = ASpecification.Started();

        var blank = specification.SaveVersion(cycle, 1, specification.Changing(ASpecification.Staffing, "Peer workers.", " "),
            People.Commissioner, CycleRole.Commissioner, Now);
        var tooLong = specification.SaveVersion(cycle, 1,
            specification.Changing(ASpecification.Staffing, "Peer workers.", new string('x', ServiceSpecification.ChangeSummaryMaxLength + 1)),
            People.Commissioner, CycleRole.Commissioner, Now);

        Assert.Equal([SpecificationRules.ChangeSummaryRequired], blank.BrokenRules);
        Assert.Equal([SpecificationRules.ChangeSummaryTooLong], tooLong.BrokenRules);
    }

    [Fact]
    public void Needs_at_least_one_section()
    {
        var cycle = ACycle.AtStage(StageKind.Specification).Build();

        var outcome = ServiceSpecification.Start(cycle, new VersionDraft("First draft", [], []), People.Commissioner, CycleRole.Commissioner, Now);

        Assert.Equal([SpecificationRules.SectionsRequired], outcome.BrokenRules);
    }

    [Fact]
    public void Each_section_needs_a_title_and_text_and_the_refusal_names_the_section()
    {
        var cycle = ACycle.AtStage(StageKind.Specification).Build();
        var untitled = Guid.CreateVersion7();
        var empty = Guid.CreateVersion7();

        var outcome = ServiceSpecification.Start(cycle, new VersionDraft("First draft",
            [new SectionDraft(untitled, " ", "Some text", ""), new SectionDraft(empty, "Staffing", "", "")], []),
            People.Commissioner, CycleRole.Commissioner, Now);

        Assert.Contains(new Refusal(SpecificationRules.SectionTitleRequired, untitled), outcome.Refusals);
        Assert.Contains(new Refusal(SpecificationRules.SectionBodyRequired, empty), outcome.Refusals);
        Assert.Equal(2, outcome.Refusals.Count);
    }

    [Fact]
    public void Section_text_has_limits()
    {
        var cycle = ACycle.AtStage(StageKind.Specification).Build();
        var id = Guid.CreateVersion7();

        var outcome = ServiceSpecification.Start(cycle, new VersionDraft("First draft", [new SectionDraft(id,
            new string('t', SectionSnapshot.TitleMaxLength + 1),
            new string('b', SectionSnapshot.BodyMaxLength + 1),
            new string('s', SectionSnapshot.PlainSummaryMaxLength + 1))], []),
            People.Commissioner, CycleRole.Commissioner, Now);

        Assert.Equal(
            [SpecificationRules.SectionTitleTooLong, SpecificationRules.SectionBodyTooLong, SpecificationRules.PlainSummaryTooLong],
            outcome.BrokenRules);
        Assert.All(outcome.Refusals, r => Assert.Equal(id, r.SubjectId));
    }

    [Fact]
    public void Text_is_kept_as_typed_apart_from_surrounding_spaces()
    {
        var cycle = ACycle.AtStage(StageKind.Specification).Build();
        const string payload = "<script>alert(1)</script> <img src=x onerror=alert(1)> [x](javascript:alert(1))";

        var specification = Expect.Success(ServiceSpecification.Start(cycle, new VersionDraft("First draft",
            [new SectionDraft(ASpecification.WhoItIsFor, "  Who  ", $"  {payload}\n", "")], []),
            People.Commissioner, CycleRole.Commissioner, Now));

        Assert.Equal("Who", specification.Latest.Sections[0].Title);
        Assert.Equal(payload, specification.Latest.Sections[0].Body);
    }

    [Theory]
    [InlineData(CycleRole.CoProductionChampion)]
    [InlineData(CycleRole.PanelMember)]
    [InlineData(CycleRole.Provider)]
    [InlineData(CycleRole.ClinicalAdviser)]
    [InlineData(CycleRole.Observer)]
    public void Only_a_commissioner_can_save_a_version(CycleRole role)
    {
        var (cycle, specification) = ASpecification.Started();

        var outcome = specification.SaveVersion(cycle, 1, specification.Changing(ASpecification.Staffing, "Peer workers."), "someone", role, Now);

        Assert.Equal([CycleRules.CommissionerOnly], outcome.BrokenRules);
        Assert.Single(specification.Versions);
    }

    [Fact]
    public void Throws_for_a_section_listed_twice_or_another_cycle()
    {
        var (cycle, specification) = ASpecification.Started();
        var draft = specification.Latest.ToDraft();
        var other = ACycle.AtStage(StageKind.Specification).Build();

        Assert.Throws<ArgumentException>(() => specification.SaveVersion(cycle, 1,
            draft with { ChangeSummary = "Twice", Sections = [.. draft.Sections, draft.Sections[0]] }, People.Commissioner, CycleRole.Commissioner, Now));
        Assert.Throws<ArgumentException>(() => specification.SaveVersion(other, 1,
            specification.Changing(ASpecification.Staffing, "Peer workers."), People.Commissioner, CycleRole.Commissioner, Now));
    }
}
