using CoproCommissioning.Domain.Cycles;
using CoproCommissioning.Domain.Specification;

namespace CoproCommissioning.Domain.Tests.Specification;

public sealed class TraceabilityTests
{
    private static readonly DateTimeOffset Now = Moments.Now;

    [Fact]
    public void A_changed_section_records_the_comments_it_answers_and_each_gets_a_response_naming_the_version()
    {
        var (cycle, specification) = ASpecification.OpenForComment();
        var first = specification.PanelComment(cycle, ASpecification.OpeningHours, panelMember: 1);
        var second = specification.PanelComment(cycle, ASpecification.OpeningHours, panelMember: 2);

        Expect.Success(specification.SaveVersion(cycle, 1, specification.Changing(ASpecification.OpeningHours, "Open 9am to 9pm.", "Evening opening",
            new AnsweredComment(first.Id, ResponseType.Adopted), new AnsweredComment(second.Id, ResponseType.Adapted)),
            People.Commissioner, CycleRole.Commissioner, Now));

        var changed = specification.Section(ASpecification.OpeningHours, 2);
        Assert.Equal([first.Id, second.Id], changed.Answers.Select(a => a.ContributionId));
        Assert.Equal(ResponseType.Adopted, first.CurrentResponse!.Type);
        Assert.Equal(ResponseType.Adapted, second.CurrentResponse!.Type);
        Assert.Equal("Changed in v2 (Opening hours): Evening opening", first.CurrentResponse.Explanation);
        Assert.Equal(People.Commissioner, first.CurrentResponse.RespondedByUserId);
        Assert.DoesNotContain(cycle.SignOffBlockers(StageKind.Specification), r => r.Rule == CycleRules.InputAwaitingResponse);
    }

    [Fact]
    public void A_comment_made_on_an_earlier_version_of_the_section_can_be_answered_later()
    {
        var (cycle, specification) = ASpecification.OpenForComment();
        var comment = specification.PanelComment(cycle, ASpecification.Staffing);
        Expect.Success(specification.SaveVersion(cycle, 1, specification.Changing(ASpecification.OpeningHours, "Open until 9pm."),
            People.Commissioner, CycleRole.Commissioner, Now));

        Expect.Success(specification.SaveVersion(cycle, 2, specification.Changing(ASpecification.Staffing, "Each team has a peer worker.",
            "Peer workers", new AnsweredComment(comment.Id, ResponseType.Adopted)), People.Commissioner, CycleRole.Commissioner, Now));

        Assert.Equal(comment.Id, Assert.Single(specification.Section(ASpecification.Staffing, 3).Answers).ContributionId);
        Assert.StartsWith("Changed in v3 (Staffing)", comment.CurrentResponse!.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Is_refused_for_a_section_that_did_not_change()
    {
        var (cycle, specification) = ASpecification.OpenForComment();
        var comment = specification.PanelComment(cycle, ASpecification.Staffing);
        var draft = specification.Changing(ASpecification.OpeningHours, "Open until 9pm.");
        draft = draft with
        {
            Sections = [.. draft.Sections.Select(s => s.SectionId == ASpecification.Staffing
                ? s with { Answers = [new AnsweredComment(comment.Id, ResponseType.Adopted)] }
                : s)],
        };

        var outcome = specification.SaveVersion(cycle, 1, draft, People.Commissioner, CycleRole.Commissioner, Now);

        Assert.Equal([new Refusal(SpecificationRules.AnswerNeedsChange, ASpecification.Staffing)], outcome.Refusals);
        Assert.Single(specification.Versions);
        Assert.Null(comment.CurrentResponse);
    }

    [Fact]
    public void Is_refused_for_a_comment_on_another_section_or_outside_the_specification()
    {
        var (cycle, specification) = ASpecification.OpenForComment();
        var onStaffing = specification.PanelComment(cycle, ASpecification.Staffing);
        var general = Expect.Success(cycle.AddContribution(StageKind.Specification, People.PanelMember(3), CycleRole.PanelMember,
            Voice.LivedExperience, Channel.Online, ContributionVisibility.Everyone, "The whole thing is too long", "", Now));

        var outcome = specification.SaveVersion(cycle, 1, specification.Changing(ASpecification.OpeningHours, "Open until 9pm.", "Evenings",
            new AnsweredComment(onStaffing.Id, ResponseType.Adopted), new AnsweredComment(general.Id, ResponseType.Adapted)),
            People.Commissioner, CycleRole.Commissioner, Now);

        Assert.Equal(
            [new Refusal(SpecificationRules.AnswerNotACommentOnThisPart, onStaffing.Id), new Refusal(SpecificationRules.AnswerNotACommentOnThisPart, general.Id)],
            outcome.Refusals);
        Assert.Null(onStaffing.CurrentResponse);
        Assert.Null(general.CurrentResponse);
    }

    [Fact]
    public void Nothing_is_answered_when_the_save_is_refused_for_another_reason()
    {
        var (cycle, specification) = ASpecification.OpenForComment();
        var comment = specification.PanelComment(cycle, ASpecification.OpeningHours);

        var outcome = specification.SaveVersion(cycle, 1, specification.Changing(ASpecification.OpeningHours, "Open until 9pm.", "",
            new AnsweredComment(comment.Id, ResponseType.Adopted)), People.Commissioner, CycleRole.Commissioner, Now);

        Assert.Equal([SpecificationRules.ChangeSummaryRequired], outcome.BrokenRules);
        Assert.Null(comment.CurrentResponse);
        Assert.Single(specification.Versions);
    }

    [Fact]
    public void A_note_for_one_person_explains_their_response_and_the_others_get_the_summary()
    {
        var (cycle, specification) = ASpecification.OpenForComment();
        var first = specification.PanelComment(cycle, ASpecification.OpeningHours, panelMember: 1);
        var second = specification.PanelComment(cycle, ASpecification.OpeningHours, panelMember: 2);

        Expect.Success(specification.SaveVersion(cycle, 1, specification.Changing(ASpecification.OpeningHours, "Open 9am to 9pm.", "Evening opening",
            new AnsweredComment(first.Id, ResponseType.Adapted, "  We open until 9pm, not 10pm: the building closes then.  "),
            new AnsweredComment(second.Id, ResponseType.Adopted)),
            People.Commissioner, CycleRole.Commissioner, Now));

        Assert.Equal("Changed in v2 (Opening hours): We open until 9pm, not 10pm: the building closes then.", first.CurrentResponse!.Explanation);
        Assert.Equal("Changed in v2 (Opening hours): Evening opening", second.CurrentResponse!.Explanation);
        Assert.Equal("We open until 9pm, not 10pm: the building closes then.", specification.Section(ASpecification.OpeningHours, 2).Answers[0].Note);
    }

    [Fact]
    public void A_note_that_is_too_long_is_refused_and_nothing_is_answered()
    {
        var (cycle, specification) = ASpecification.OpenForComment();
        var comment = specification.PanelComment(cycle, ASpecification.OpeningHours);

        var outcome = specification.SaveVersion(cycle, 1, specification.Changing(ASpecification.OpeningHours, "Open 9am to 9pm.", "Evening opening",
            new AnsweredComment(comment.Id, ResponseType.Adopted, new string('x', AnsweredComment.NoteMaxLength + 1))),
            People.Commissioner, CycleRole.Commissioner, Now);

        Assert.Equal([new Refusal(SpecificationRules.AnswerNoteTooLong, comment.Id)], outcome.Refusals);
        Assert.Null(comment.CurrentResponse);
        Assert.Equal(1, specification.Latest.Number);
    }

    [Fact]
    public void A_change_answers_a_comment_by_adopting_or_adapting_it()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new AnsweredComment(Guid.CreateVersion7(), ResponseType.NotAdopted));
    }
}
