using CoproCommissioning.Domain.Cycles;
using CoproCommissioning.Domain.Specification;

namespace CoproCommissioning.Domain.Tests.Specification;

public sealed class CommentTests
{
    private static readonly DateTimeOffset Now = Moments.Now;

    [Fact]
    public void A_panel_members_comment_is_their_contribution_to_the_specification_stage_anchored_to_the_section_in_that_version()
    {
        var (cycle, specification) = ASpecification.OpenForComment();
        var section = specification.Section(ASpecification.OpeningHours);

        var comment = Expect.Success(specification.Comment(cycle, section.Id, People.PanelMember(1), CycleRole.PanelMember,
            Voice.Carer, ContributionVisibility.Everyone, "Evenings matter", "I work until 6pm.", Now));

        Assert.Equal(StageKind.Specification, comment.StageKind);
        Assert.Equal(TargetKind.SpecificationSection, comment.TargetKind);
        Assert.Equal(section.Id, comment.TargetId);
        Assert.Equal(Voice.Carer, comment.Voice);
        Assert.Equal(Channel.Online, comment.Channel);
        Assert.Contains(comment, cycle.StageOf(StageKind.Specification).Contributions);
        Assert.Contains(cycle.SignOffBlockers(StageKind.Specification), r => r.Rule == CycleRules.InputAwaitingResponse && r.SubjectId == comment.Id);
    }

    [Fact]
    public void A_comment_on_an_outcome_is_anchored_to_the_outcome_in_that_version()
    {
        var (cycle, specification) = ASpecification.OpenForComment();
        var outcome = specification.Outcome(ASpecification.CrisisOutcome);

        var comment = Expect.Success(specification.Comment(cycle, outcome.Id, People.PanelMember(1), CycleRole.PanelMember,
            Voice.LivedExperience, ContributionVisibility.Everyone, "Crisis means different things to different people", "", Now));

        Assert.Equal(TargetKind.SpecificationOutcome, comment.TargetKind);
        Assert.Equal(outcome.Id, comment.TargetId);
    }

    [Fact]
    public void Is_refused_before_the_version_is_opened_for_comment()
    {
        var (cycle, specification) = ASpecification.Started();

        var outcome = specification.Comment(cycle, specification.Section(ASpecification.Staffing).Id, People.PanelMember(1),
            CycleRole.PanelMember, Voice.LivedExperience, ContributionVisibility.Everyone, "More peer workers", "", Now);

        Assert.Equal([SpecificationRules.CommentsNotOpen], outcome.BrokenRules);
        Assert.Empty(cycle.StageOf(StageKind.Specification).Contributions);
    }

    [Fact]
    public void Is_refused_after_the_closing_date_and_nothing_is_stored()
    {
        var (cycle, specification) = ASpecification.OpenForComment();

        var outcome = specification.Comment(cycle, specification.Section(ASpecification.Staffing).Id, People.PanelMember(1),
            CycleRole.PanelMember, Voice.LivedExperience, ContributionVisibility.Everyone, "More peer workers", "", ASpecification.CommentsCloseAt);

        Assert.Equal([SpecificationRules.CommentsClosed], outcome.BrokenRules);
        Assert.Empty(cycle.StageOf(StageKind.Specification).Contributions);
    }

    [Fact]
    public void Is_refused_once_a_commissioner_closes_comments_early()
    {
        var (cycle, specification) = ASpecification.OpenForComment();
        Expect.Success(specification.CloseComments(cycle, People.Commissioner, CycleRole.Commissioner, Now.AddHours(-1)));

        var outcome = specification.Comment(cycle, specification.Section(ASpecification.Staffing).Id, People.PanelMember(1),
            CycleRole.PanelMember, Voice.LivedExperience, ContributionVisibility.Everyone, "More peer workers", "", Now);

        Assert.Equal([SpecificationRules.CommentsClosed], outcome.BrokenRules);
    }

    [Fact]
    public void Is_refused_on_an_earlier_version_than_the_one_open_for_comment()
    {
        var (cycle, specification) = ASpecification.OpenForComment();
        Expect.Success(specification.CloseComments(cycle, People.Commissioner, CycleRole.Commissioner, Now.AddDays(-3)));
        Expect.Success(specification.SaveVersion(cycle, 1, specification.Changing(ASpecification.Staffing, "Peer workers in every team."),
            People.Commissioner, CycleRole.Commissioner, Now.AddDays(-2)));
        Expect.Success(specification.OpenForComment(cycle, Now.AddDays(5), false, People.Commissioner, CycleRole.Commissioner, Now.AddDays(-2)));

        var onV1 = specification.Comment(cycle, specification.Section(ASpecification.Staffing, 1).Id, People.PanelMember(1),
            CycleRole.PanelMember, Voice.LivedExperience, ContributionVisibility.Everyone, "More peer workers", "", Now);
        var onV2 = specification.Comment(cycle, specification.Section(ASpecification.Staffing, 2).Id, People.PanelMember(1),
            CycleRole.PanelMember, Voice.LivedExperience, ContributionVisibility.Everyone, "Thank you for adding peer workers", "", Now);

        Assert.Equal([SpecificationRules.CommentsClosed], onV1.BrokenRules);
        Assert.True(onV2.Succeeded);
    }

    [Fact]
    public void A_provider_is_refused_unless_providers_were_invited()
    {
        var (cycle, specification) = ASpecification.OpenForComment(providersMayComment: false);

        var outcome = specification.Comment(cycle, specification.Section(ASpecification.Staffing).Id, People.Provider,
            CycleRole.Provider, Voice.Provider, ContributionVisibility.Everyone, "Nurse posts are hard to fill", "", Now);

        Assert.Equal([SpecificationRules.ProvidersNotInvited], outcome.BrokenRules);
        Assert.Empty(cycle.StageOf(StageKind.Specification).Contributions);
    }

    [Fact]
    public void A_provider_can_comment_when_providers_were_invited()
    {
        var (cycle, specification) = ASpecification.OpenForComment(providersMayComment: true);

        var comment = Expect.Success(specification.Comment(cycle, specification.Section(ASpecification.Staffing).Id, People.Provider,
            CycleRole.Provider, Voice.Provider, ContributionVisibility.Everyone, "Nurse posts are hard to fill", "", Now));

        Assert.Equal(Voice.Provider, comment.Voice);
    }

    [Theory]
    [InlineData(CycleRole.Commissioner)]
    [InlineData(CycleRole.CoProductionChampion)]
    [InlineData(CycleRole.ClinicalAdviser)]
    [InlineData(CycleRole.Observer)]
    public void Only_panel_members_and_invited_providers_comment(CycleRole role)
    {
        var (cycle, specification) = ASpecification.OpenForComment(providersMayComment: true);

        var blockers = specification.CommentBlockers(cycle, specification.Section(ASpecification.Staffing).Id, role, Now);

        Assert.Equal([SpecificationRules.CommentRole], blockers.Select(b => b.Rule));
    }

    [Fact]
    public void The_cycle_still_checks_the_comment_itself()
    {
        var (cycle, specification) = ASpecification.OpenForComment();

        var outcome = specification.Comment(cycle, specification.Section(ASpecification.Staffing).Id, People.PanelMember(1),
            CycleRole.PanelMember, Voice.LivedExperience, ContributionVisibility.Everyone, " ", "", Now);

        Assert.Equal([CycleRules.ContributionSummaryRequired], outcome.BrokenRules);
    }

    [Fact]
    public void Throws_for_a_snapshot_that_is_not_part_of_the_specification()
    {
        var (cycle, specification) = ASpecification.OpenForComment();

        Assert.Throws<ArgumentException>(() => specification.CommentBlockers(cycle, Guid.CreateVersion7(), CycleRole.PanelMember, Now));
    }

    [Theory]
    [InlineData(CycleRole.PanelMember, false, false)]
    [InlineData(CycleRole.PanelMember, true, false)]
    [InlineData(CycleRole.Provider, true, false)]
    [InlineData(CycleRole.Provider, true, true)]
    [InlineData(CycleRole.Commissioner, true, true)]
    [InlineData(CycleRole.Observer, false, true)]
    public void A_version_is_refused_for_the_same_reasons_as_each_of_its_snapshots(CycleRole role, bool open, bool providersInvited)
    {
        var (cycle, specification) = open ? ASpecification.OpenForComment(providersInvited) : ASpecification.Started();

        var onVersion = specification.CommentBlockersOnVersion(cycle, 1, role, Now).Select(b => b.Rule);

        Assert.Equal(specification.CommentBlockers(cycle, specification.Section(ASpecification.Staffing).Id, role, Now).Select(b => b.Rule), onVersion);
        Assert.Equal(specification.CommentBlockers(cycle, specification.Outcome(ASpecification.CrisisOutcome).Id, role, Now).Select(b => b.Rule), onVersion);
    }

    [Theory]
    [InlineData(CycleRole.PanelMember, false, true)]
    [InlineData(CycleRole.Provider, false, false)]
    [InlineData(CycleRole.Provider, true, true)]
    [InlineData(CycleRole.CoProductionChampion, true, false)]
    [InlineData(CycleRole.Commissioner, true, false)]
    public void Who_may_comment_on_the_version_open_now(CycleRole role, bool providersInvited, bool mayComment)
    {
        var (cycle, specification) = ASpecification.OpenForComment(providersInvited);

        Assert.Equal(mayComment, specification.CommentBlockers(cycle, role, Now).Count == 0);
    }

    [Fact]
    public void Nobody_comments_when_no_version_is_open()
    {
        var (cycle, specification) = ASpecification.Started();

        Assert.Equal([SpecificationRules.CommentsNotOpen], specification.CommentBlockers(cycle, CycleRole.PanelMember, Now).Select(r => r.Rule));
    }
}
