using CoproCommissioning.Domain.Cycles;
using CoproCommissioning.Domain.Specification;

namespace CoproCommissioning.Domain.Tests.Specification;

public sealed class CommentWindowTests
{
    private static readonly DateTimeOffset Now = Moments.Now;

    [Fact]
    public void A_commissioner_opens_the_latest_version_until_a_closing_time()
    {
        var (cycle, specification) = ASpecification.Started();

        var window = Expect.Success(specification.OpenForComment(cycle, Now.AddDays(14), true, People.Commissioner, CycleRole.Commissioner, Now));

        Assert.Equal(1, window.VersionNumber);
        Assert.True(window.ProvidersMayComment);
        Assert.Same(window, specification.OpenWindowAt(Now.AddDays(1)));
        Assert.Null(specification.OpenWindowAt(Now.AddDays(14)));
    }

    [Fact]
    public void Needs_a_closing_time_in_the_future()
    {
        var (cycle, specification) = ASpecification.Started();

        var outcome = specification.OpenForComment(cycle, Now, false, People.Commissioner, CycleRole.Commissioner, Now);

        Assert.Equal([SpecificationRules.ClosingDateInPast], outcome.BrokenRules);
        Assert.Empty(specification.CommentWindows);
    }

    [Fact]
    public void Is_refused_while_comments_are_already_open()
    {
        var (cycle, specification) = ASpecification.OpenForComment();

        var outcome = specification.OpenForComment(cycle, Now.AddDays(30), false, People.Commissioner, CycleRole.Commissioner, Now);

        Assert.Equal([SpecificationRules.CommentsAlreadyOpen], outcome.BrokenRules);
        Assert.Single(specification.CommentWindows);
    }

    [Fact]
    public void Closing_early_keeps_the_window_as_a_record()
    {
        var (cycle, specification) = ASpecification.OpenForComment();

        Expect.Success(specification.CloseComments(cycle, People.Commissioner, CycleRole.Commissioner, Now));

        var window = Assert.Single(specification.CommentWindows);
        Assert.Equal(Now, window.ClosedEarlyAt);
        Assert.Equal(Now, window.EndsAt);
        Assert.Null(specification.OpenWindowAt(Now));
    }

    [Fact]
    public void Closing_is_refused_when_comments_are_not_open()
    {
        var (cycle, specification) = ASpecification.Started();

        var outcome = specification.CloseComments(cycle, People.Commissioner, CycleRole.Commissioner, Now);

        Assert.Equal([SpecificationRules.CommentsNotOpen], outcome.BrokenRules);
    }

    [Theory]
    [InlineData(CycleRole.CoProductionChampion)]
    [InlineData(CycleRole.PanelMember)]
    [InlineData(CycleRole.Provider)]
    [InlineData(CycleRole.ClinicalAdviser)]
    [InlineData(CycleRole.Observer)]
    public void Only_a_commissioner_opens_and_closes_comments(CycleRole role)
    {
        var (cycle, specification) = ASpecification.Started();
        var (openCycle, openSpecification) = ASpecification.OpenForComment();

        var open = specification.OpenForComment(cycle, Now.AddDays(7), false, "someone", role, Now);
        var close = openSpecification.CloseComments(openCycle, "someone", role, Now);

        Assert.Equal([CycleRules.CommissionerOnly], open.BrokenRules);
        Assert.Equal([CycleRules.CommissionerOnly], close.BrokenRules);
        Assert.NotNull(openSpecification.OpenWindowAt(Now));
    }

    [Fact]
    public void Needs_a_closing_date_and_a_choice_about_providers_and_says_so_beside_each()
    {
        var (cycle, specification) = ASpecification.Started();

        var outcome = specification.OpenForComment(cycle, closesAt: null, providersMayComment: null, People.Commissioner, CycleRole.Commissioner, Now);

        Assert.Equal([SpecificationRules.ClosingDateRequired, SpecificationRules.ProvidersChoiceRequired], outcome.BrokenRules);
        Assert.Equal([nameof(CommentWindow.ClosesAt), nameof(CommentWindow.ProvidersMayComment)], outcome.Refusals.Select(r => r.Field));
        Assert.Empty(specification.CommentWindows);
    }
}
