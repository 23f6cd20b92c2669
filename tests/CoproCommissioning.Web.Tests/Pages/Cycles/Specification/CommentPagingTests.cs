using CoproCommissioning.Data;
using CoproCommissioning.Domain.Cycles;
using CoproCommissioning.Domain.Testing;
using CoproCommissioning.Web.Infrastructure.Pages;
using CoproCommissioning.Web.Infrastructure.Specification;
using Microsoft.EntityFrameworkCore;
using static CoproCommissioning.Web.Tests.Pages.Cycles.Specification.SpecificationArrange;
using static CoproCommissioning.Web.Tests.Pages.Cycles.Specification.SpecificationForms;

namespace CoproCommissioning.Web.Tests.Pages.Cycles.Specification;

/// <summary>
/// A section page reads one page of the comments on that section, as PostgreSQL orders and counts them, not every
/// contribution in the cycle; what is shared with the commissioning team only still never reaches a panel member (R7).
/// </summary>
public sealed class CommentPagingTests(SpecificationFixture fixture) : IClassFixture<SpecificationFixture>
{
    private const string TeamOnlyComment = "Please do not show this to the provider";
    private const int OnThisSection = Paging.DefaultSize + 2;

    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_section_with_more_comments_than_a_page_shows_them_a_page_at_a_time_newest_first_without_team_only_ones()
    {
        var (cycleId, sectionId) = await CommentedAsync();
        var url = SpecificationUrls.Section(cycleId, sectionId, 1);
        var panel = await SignedInAsync(fixture, Panel, _ct);

        var first = await panel.GetAsync(url, _ct);
        var second = await panel.GetAsync($"{url}&commentsPage=2", _ct);

        Assert.Contains($"Comments on this section ({OnThisSection})", first.Text);
        Assert.Equal([.. Enumerable.Range(3, Paging.DefaultSize).Reverse().Select(Summary)], Summaries(first));
        Assert.Equal([Summary(2), Summary(1)], Summaries(second));
        Assert.DoesNotContain(TeamOnlyComment, first.Text);
        Assert.DoesNotContain(TeamOnlyComment, second.Text);
        Assert.DoesNotContain("On another section", first.Text);
    }

    [Fact]
    public async Task The_commissioning_team_reads_the_team_only_comment_on_the_first_page()
    {
        var (cycleId, sectionId) = await CommentedAsync();
        var commissioner = await SignedInAsync(fixture, Commissioner, _ct);

        var first = await commissioner.GetAsync(SpecificationUrls.Section(cycleId, sectionId, 1), _ct);

        Assert.Contains($"Comments on this section ({OnThisSection + 1})", first.Text);
        Assert.Equal(TeamOnlyComment, Summaries(first)[0]);
        Assert.Equal(Paging.DefaultSize, Summaries(first).Count);
    }

    [Fact]
    public async Task The_overview_counts_every_comment_on_each_section_without_reading_them()
    {
        var (cycleId, _) = await CommentedAsync();
        var commissioner = await SignedInAsync(fixture, Commissioner, _ct);

        var overview = await commissioner.GetAsync(SpecificationUrls.Overview(cycleId), _ct);

        Assert.Contains($"Comments on this section ({OnThisSection + 1})", overview.Text);
        Assert.Contains("Comments on this section (3)", overview.Text);
    }

    private static string Summary(int n) => $"Comment number {n:00}";

    private static List<string> Summaries(BrowserLikeClient.Page page) =>
        [.. page.Document.QuerySelectorAll("li[id^='comment-'] .nhsuk-card__heading").Select(h => h.TextContent.Trim())];

    // Comments from the panel on the second section, the newest shared with the commissioning team only, and three on the first.
    private async Task<(Guid CycleId, Guid SectionId)> CommentedAsync()
    {
        var cycle = await CycleAsync(fixture);
        var specification = await SpecificationAsync(fixture, cycle.Id, OpenNow());
        var panelId = await UserIdAsync(fixture, Panel);
        var carerId = await UserIdAsync(fixture, Carer);
        await using var scope = fixture.Db();
        var loaded = await scope.Context.Cycles.IncludeStages().SingleAsync(c => c.Id == cycle.Id, _ct);
        var tracked = await scope.Context.Specifications.IncludeVersions().SingleAsync(s => s.Id == specification.Id, _ct);
        var (other, section) = (tracked.Latest.Sections[0], tracked.Latest.Sections[1]);
        var at = DateTimeOffset.UtcNow.AddHours(-2);
        for (int n = 1; n <= OnThisSection; n++)
        {
            Expect.Success(tracked.Comment(loaded, section.Id, panelId, CycleRole.PanelMember, Voice.LivedExperience,
                ContributionVisibility.Everyone, Summary(n), "", at.AddMinutes(n)));
        }

        Expect.Success(tracked.Comment(loaded, section.Id, carerId, CycleRole.PanelMember, Voice.Carer,
            ContributionVisibility.CommissioningTeam, TeamOnlyComment, "", at.AddMinutes(OnThisSection + 1)));
        for (int n = 1; n <= 3; n++)
        {
            Expect.Success(tracked.Comment(loaded, other.Id, panelId, CycleRole.PanelMember, Voice.LivedExperience,
                ContributionVisibility.Everyone, $"On another section {n}", "", at.AddMinutes(n)));
        }

        await scope.Context.SaveChangesAsync(_ct);
        return (cycle.Id, section.SectionId);
    }
}
