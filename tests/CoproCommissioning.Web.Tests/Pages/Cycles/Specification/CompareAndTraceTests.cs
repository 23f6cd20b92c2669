using System.Net;
using CoproCommissioning.Domain.Cycles;
using CoproCommissioning.Web.Infrastructure.Specification;
using static CoproCommissioning.Web.Tests.Pages.Cycles.Specification.SpecificationArrange;
using static CoproCommissioning.Web.Tests.Pages.Cycles.Specification.SpecificationForms;

namespace CoproCommissioning.Web.Tests.Pages.Cycles.Specification;

public sealed class CompareAndTraceTests(SpecificationFixture fixture) : IClassFixture<SpecificationFixture>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Comparing_two_versions_marks_added_and_removed_words_without_relying_on_colour()
    {
        var (cycle, _) = await CommentedAndAnsweredAsync(fixture, _ct);
        var panel = await SignedInAsync(fixture, Panel, _ct);

        var page = await panel.GetAsync(SpecificationUrls.Compare(cycle.Id, 1, 2), _ct);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        var added = page.Document.QuerySelectorAll("ins.app-diff__added").Select(e => e.TextContent).ToList();
        var removed = page.Document.QuerySelectorAll("del.app-diff__removed").Select(e => e.TextContent).ToList();
        Assert.Contains(added, text => text.Contains("[added: ", StringComparison.Ordinal) && text.Contains("9pm", StringComparison.Ordinal));
        Assert.Contains(removed, text => text.Contains("[removed: ", StringComparison.Ordinal) && text.Contains("5pm", StringComparison.Ordinal));
        Assert.Contains("Changed because of 1 panel comment", page.Text);
    }

    [Fact]
    public async Task The_trace_says_which_version_changed_because_of_each_comment()
    {
        var (cycle, comment) = await CommentedAndAnsweredAsync(fixture, _ct);
        // Input about nothing, and a "comment" on a snapshot no specification has: both left out.
        var unrelated = new SpecificationTrace.AboutWhat(Guid.CreateVersion7(), TargetKind.None, null);
        var onNoSnapshot = new SpecificationTrace.AboutWhat(Guid.CreateVersion7(), TargetKind.SpecificationSection, Guid.CreateVersion7());
        await using var scope = fixture.Db();

        var trace = await SpecificationTrace.ForContributionsAsync(
            scope.Context, [new(comment.Id, comment.TargetKind, comment.TargetId), unrelated, onNoSnapshot], _ct);

        var row = Assert.Single(trace.Values);
        Assert.Equal(comment.Id, row.ContributionId);
        Assert.Equal(cycle.Id, row.CycleId);
        Assert.Equal("Opening hours", row.PartTitle);
        Assert.Equal(1, row.CommentedOnVersion);
        Assert.Equal(2, row.ChangedInVersion);
        Assert.Equal(ResponseType.Adopted, row.ChangeType);
        Assert.Equal("Changed in v2", row.ChangedInWords);
        Assert.StartsWith($"/cycles/{cycle.Id}/specification/sections/", row.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task What_happened_to_my_input_says_which_version_changed_because_of_my_comment_and_links_to_the_section()
    {
        var (cycle, comment) = await CommentedAndAnsweredAsync(fixture, _ct);
        var panel = await SignedInAsync(fixture, Panel, _ct);

        var page = await panel.GetAsync("/my-input", _ct);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        var card = page.Document.QuerySelector($"#contribution-{comment.Id}");
        Assert.NotNull(card);
        string text = string.Join(' ', card.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("Adopted \u2014 changed in v2", text);
        Assert.Contains("On Opening hours (v1).", text);
        var link = card.QuerySelectorAll("a").Single(a => a.TextContent.StartsWith("See Opening hours in the specification", StringComparison.Ordinal));
        var specification = await LoadAsync(fixture, cycle.Id);
        var section = specification.FindSection(comment.TargetId!.Value)!;
        Assert.Equal(SpecificationUrls.Section(cycle.Id, section.SectionId), link.GetAttribute("href"));
    }

    [Fact]
    public async Task The_stage_workspace_and_the_respond_page_say_which_section_and_version_a_comment_is_on()
    {
        var (cycle, comment) = await CommentedAndAnsweredAsync(fixture, _ct);
        var commissioner = await SignedInAsync(fixture, Commissioner, _ct);
        var section = (await LoadAsync(fixture, cycle.Id)).FindSection(comment.TargetId!.Value)!;
        var sectionUrl = SpecificationUrls.Section(cycle.Id, section.SectionId);

        var workspace = await commissioner.GetAsync(SpecificationUrls.Workspace(cycle.Id), _ct);
        var respond = await commissioner.GetAsync(SpecificationUrls.Respond(cycle.Id, comment.Id), _ct);

        var card = workspace.Document.QuerySelector($"#contribution-{comment.Id}")!;
        var about = card.QuerySelector($"a[href='{sectionUrl}']");
        Assert.Equal("On Opening hours (v1)", about?.TextContent.Trim());
        Assert.Equal("On Opening hours (v1)", respond.Document.QuerySelector($"main a[href='{sectionUrl}']")?.TextContent.Trim());
        Assert.NotNull(workspace.Document.QuerySelector($"main a[href='{SpecificationUrls.Overview(cycle.Id)}']"));
    }

    [Fact]
    public async Task Each_section_says_why_it_last_changed()
    {
        var (cycle, _) = await CommentedAndAnsweredAsync(fixture, _ct);
        var panel = await SignedInAsync(fixture, Panel, _ct);

        var overview = await panel.GetAsync(SpecificationUrls.Overview(cycle.Id), _ct);

        var notes = overview.Document.QuerySelectorAll(".app-specification-section .app-change-note").Select(n => n.TextContent.Trim()).ToList();
        Assert.Equal(["Written in v1.", "Changed in v2 because of 1 panel comment.", "Written in v1."], notes);
    }
}
