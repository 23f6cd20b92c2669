using System.Net;
using CoproCommissioning.Domain.Specification;
using CoproCommissioning.Web.Infrastructure.Specification;
using Microsoft.EntityFrameworkCore;
using static CoproCommissioning.Web.Tests.Pages.Cycles.Specification.SpecificationArrange;
using static CoproCommissioning.Web.Tests.Pages.Cycles.Specification.SpecificationForms;

namespace CoproCommissioning.Web.Tests.Pages.Cycles.Specification;

/// <summary>What people type is kept as typed and never runs: Markdown with raw HTML off, then a sanitiser, then encoding.</summary>
public sealed class RenderingSafetyTests(SpecificationFixture fixture) : IClassFixture<SpecificationFixture>
{
    private const string Script = "<script>alert(1)</script>";
    private const string Image = "<img src=x onerror=alert(1)>";
    private const string Link = "[x](javascript:alert(1))";
    private const string AllThree = $"{Script} {Image} {Link}";

    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Markup_in_a_section_body_is_kept_as_typed_and_rendered_inert()
    {
        var cycle = await CycleAsync(fixture);
        var v1 = (await SpecificationAsync(fixture, cycle.Id)).Latest;
        var commissioner = await SignedInAsync(fixture, Commissioner, _ct);
        var editUrl = SpecificationUrls.Edit(cycle.Id);

        var saved = await commissioner.PostCraftedAsync(editUrl, EditFields(v1, 1, "Testing markup", 1, $"Opening hours. {AllThree}\n\n{Image}"), editUrl, _ct);

        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        Assert.Equal($"Opening hours. {AllThree}\n\n{Image}", (await LoadAsync(fixture, cycle.Id)).Latest.Sections[1].Body);
        foreach (var url in new[]
        {
            SpecificationUrls.Overview(cycle.Id),
            SpecificationUrls.Section(cycle.Id, v1.Sections[1].SectionId),
            SpecificationUrls.Compare(cycle.Id, 1, 2),
            SpecificationUrls.Print(cycle.Id, 2),
        })
        {
            var page = await commissioner.GetAsync(url, _ct);
            Assert.Equal(HttpStatusCode.OK, page.Status);
            AssertInert(page);
            Assert.Contains(Script, MainOf(page).TextContent);
        }

        // What the commissioner edits next is the text as typed, not a rendering of it.
        Assert.Equal($"Opening hours. {AllThree}\n\n{Image}", ValueOf(await commissioner.GetAsync(editUrl, _ct), "Form_Sections_1__Body"));
    }

    [Fact]
    public async Task Markup_in_a_comment_is_kept_as_typed_and_rendered_inert()
    {
        var cycle = await CycleAsync(fixture);
        var specification = await SpecificationAsync(fixture, cycle.Id, OpenNow());
        var url = SpecificationUrls.Section(cycle.Id, specification.Latest.Sections[0].SectionId);
        var panel = await SignedInAsync(fixture, Panel, _ct);

        var posted = await panel.SubmitAsync(url, CommentFields(1, Image, AllThree), "main form", _ct);

        Assert.Equal(HttpStatusCode.Redirect, posted.Status);
        var comment = Assert.Single(await CommentsAsync(fixture, cycle.Id));
        Assert.Equal(Image, comment.Summary);
        Assert.Equal(AllThree, comment.Body);
        var commissioner = await SignedInAsync(fixture, Commissioner, _ct);
        foreach (var page in new[] { await panel.GetAsync(url, _ct), await commissioner.GetAsync(SpecificationUrls.Edit(cycle.Id), _ct) })
        {
            AssertInert(page);
            Assert.Contains(Image, MainOf(page).TextContent);
        }
    }

    [Fact]
    public async Task Markup_in_a_glossary_term_is_kept_as_typed_and_rendered_inert_where_the_term_is_marked()
    {
        var cycle = await CycleAsync(fixture);
        await SpecificationAsync(fixture, cycle.Id, draft: new VersionDraft("First draft",
            [new SectionDraft(Guid.CreateVersion7(), "Terms", $"Where the term appears: {Image} and a crisis plan.", "")], []));
        var commissioner = await SignedInAsync(fixture, Commissioner, _ct);
        var glossaryUrl = SpecificationUrls.Glossary(cycle.Id);

        var added = await commissioner.SubmitAsync(glossaryUrl, new Dictionary<string, string>
        {
            ["Form.Term"] = Image,
            ["Form.Meaning"] = AllThree,
        }, "main form", _ct);
        var plan = await commissioner.SubmitAsync(glossaryUrl, new Dictionary<string, string>
        {
            ["Form.Term"] = "crisis plan",
            ["Form.Meaning"] = "A plan you make with your team about what helps when things get hard.",
        }, "main form", _ct);

        Assert.Equal(HttpStatusCode.Redirect, added.Status);
        Assert.Equal(HttpStatusCode.Redirect, plan.Status);
        await using (var scope = fixture.Db())
        {
            var term = await scope.Context.GlossaryTerms.SingleAsync(t => t.CycleId == cycle.Id && t.Term == Image, _ct);
            Assert.Equal(AllThree, term.Meaning);
            Assert.True(term.IsAgreed);
        }

        var glossary = await commissioner.GetAsync(glossaryUrl, _ct);
        var overview = await commissioner.GetAsync(SpecificationUrls.Overview(cycle.Id), _ct);
        AssertInert(glossary);
        AssertInert(overview);
        Assert.Contains(Image, MainOf(glossary).TextContent);
        var marks = overview.Document.QuerySelectorAll(".app-specification-text .app-glossary-term__link");
        Assert.Equal([Image, "crisis plan"], marks.Select(m => m.TextContent));
        var meaning = overview.Document.GetElementById(marks[0].GetAttribute("aria-describedby")!);
        Assert.Equal(AllThree, meaning!.TextContent);
    }
}
