using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using CoproCommissioning.Web.Infrastructure.Specification;

namespace CoproCommissioning.Web.Tests.Pages.Cycles.Specification;

/// <summary>The compare page shows the text people read: Markdown rendered, with added and removed words marked.</summary>
public sealed class RenderedDiffTests
{
    [Fact]
    public void Bold_text_shows_as_bold_without_its_asterisks_and_a_new_word_in_it_is_marked_added()
    {
        var diff = Html(TextDiff.Rendered("Support for **carers** matters.", "Support for **carers and families** matters."));

        Assert.DoesNotContain("**", diff.TextContent, StringComparison.Ordinal);
        var strong = Assert.Single(diff.QuerySelectorAll("strong"));
        Assert.StartsWith("carers", strong.TextContent, StringComparison.Ordinal);
        Assert.Equal("[added: and families]", Squash(strong.QuerySelector("ins.app-diff__added")!.TextContent));
    }

    [Fact]
    public void A_changed_list_stays_a_list_with_removed_and_added_words_marked_inside_its_items()
    {
        var diff = Html(TextDiff.Rendered("- Evening visits\n- Phone line\n- Peer support", "- Evening visits\n- Peer support\n- Text messages"));

        var list = Assert.Single(diff.QuerySelectorAll("ul"));
        Assert.DoesNotContain("- ", diff.TextContent, StringComparison.Ordinal);
        Assert.Equal("Evening visits", Squash(list.Children[0].TextContent));
        var removed = string.Join(' ', diff.QuerySelectorAll("del").Select(d => d.TextContent));
        var added = string.Join(' ', diff.QuerySelectorAll("ins").Select(d => d.TextContent));
        Assert.Contains("Phone", removed, StringComparison.Ordinal);
        Assert.Contains("line", removed, StringComparison.Ordinal);
        Assert.Contains("Text", added, StringComparison.Ordinal);
        Assert.Contains("messages", added, StringComparison.Ordinal);
        Assert.All(diff.QuerySelectorAll("ul").Single().Children, child => Assert.Equal("LI", child.TagName));
        Assert.DoesNotContain(diff.QuerySelectorAll("ins, del"), e => e.Closest("li") is null);
    }

    [Fact]
    public void Links_show_as_links_to_their_new_address_with_the_link_text_compared()
    {
        var diff = Html(TextDiff.Rendered(
            "Read [the old guidance](https://example.org/old).", "Read [the new guidance](https://example.org/new)."));

        var link = Assert.Single(diff.QuerySelectorAll("a"));
        Assert.Equal("https://example.org/new", link.GetAttribute("href"));
        Assert.Equal("new", link.QuerySelector("ins")!.TextContent.Replace("[added: ", "", StringComparison.Ordinal).TrimEnd(']'));
        Assert.Contains("old", link.QuerySelector("del")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("](", diff.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Typed_html_and_script_links_stay_text_or_are_removed()
    {
        var diff = Html(TextDiff.Rendered("Plain", "Plain <script>alert(1)</script> <img src=x onerror=alert(1)> [click](javascript:alert(1))"));

        Assert.Empty(diff.QuerySelectorAll("script, img, [onerror]"));
        Assert.DoesNotContain(diff.QuerySelectorAll("a"), a => (a.GetAttribute("href") ?? "").StartsWith("javascript", StringComparison.OrdinalIgnoreCase));
        Assert.Contains("<script>", diff.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Unchanged_text_has_no_marks()
    {
        var runs = TextDiff.Rendered("Same **bold** text", "Same **bold** text");

        Assert.False(DiffRun.AnyChange(runs));
        Assert.Empty(Html(runs).QuerySelectorAll("ins, del"));
    }

    private static IElement Html(IReadOnlyList<DiffRun> runs)
    {
        using var writer = new StringWriter();
        DiffRun.ToHtml(runs).WriteTo(writer, System.Text.Encodings.Web.HtmlEncoder.Default);
        var document = new HtmlParser().ParseDocument($"<body>{writer}</body>");
        return document.Body!.QuerySelector(".app-diff--rendered")!;
    }

    private static string Squash(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
