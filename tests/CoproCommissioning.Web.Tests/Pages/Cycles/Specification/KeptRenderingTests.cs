using CoproCommissioning.Web.Infrastructure.Specification;

namespace CoproCommissioning.Web.Tests.Pages.Cycles.Specification;

/// <summary>
/// A text's safe rendering is kept and glossary terms are marked on a document read back from it: the page must read
/// exactly as when the text was rendered for the first time, and a comparison of unchanged text must be one unchanged run.
/// </summary>
public sealed class KeptRenderingTests
{
    private static readonly GlossaryMarks Glossary = new(
        [
            new GlossaryEntry(Guid.CreateVersion7(), "peer support", "Help from someone who has been there."),
            new GlossaryEntry(Guid.CreateVersion7(), "carers", "People who look after someone."),
            new GlossaryEntry(Guid.CreateVersion7(), "crisis", "When someone needs help straight away."),
        ],
        "/cycles/x/specification/glossary",
        "s1");

    public static TheoryData<string> Texts() =>
    [
        "Carers asked for **peer support** in a crisis.\n\nA second paragraph about carers & families < 5 people.",
        "### Peer support\n\n- Carers first\n- [peer support](https://example.org/peer) at night\n- `crisis` line\n\n> A crisis plan for carers.",
        "| Who | What |\n|---|---|\n| Carers | Peer support |\n\n```\ncrisis code\n```\n\nText <script>alert(1)</script> [x](javascript:alert(1)) in a crisis.",
    ];

    [Theory]
    [MemberData(nameof(Texts))]
    public void A_kept_rendering_reads_as_the_first_one_with_its_glossary_terms_marked(string text)
    {
        // A text no other test renders, so the first rendering here is not already kept.
        var markdown = $"{text}\n\nWritten for {Guid.CreateVersion7()}.";

        var first = SpecificationMarkdown.Render(markdown, Glossary).ToString();
        var kept = SpecificationMarkdown.Render(markdown, Glossary).ToString();
        var plain = SpecificationMarkdown.Render(markdown).ToString();

        Assert.Contains("app-glossary-term__link", first, StringComparison.Ordinal);
        Assert.Equal(first, kept);
        Assert.DoesNotContain("app-glossary-term", plain, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", plain, StringComparison.Ordinal);
    }

    [Fact]
    public void Unchanged_text_compares_as_one_unchanged_run_of_its_rendering()
    {
        var markdown = $"Evening visits for **carers**.\n\n- One\n- Two {Guid.CreateVersion7()}";

        var runs = TextDiff.Rendered(markdown, markdown);

        var run = Assert.Single(runs);
        Assert.Equal(DiffKind.Same, run.Kind);
        Assert.True(run.IsHtml);
        Assert.Equal(SpecificationMarkdown.Render(markdown).ToString(), run.Text);
        Assert.Empty(TextDiff.Rendered(null, "  "));
    }

    [Theory]
    [MemberData(nameof(Texts))]
    public void A_kept_comparison_is_the_first_one(string text)
    {
        var before = $"{text}\n\nWritten for {Guid.CreateVersion7()}.";
        var after = before.Replace("Carers", "Families", StringComparison.Ordinal) + "\n\nA sentence added.";

        var first = TextDiff.Rendered(before, after);
        var kept = TextDiff.Rendered(before, after);
        var reversed = TextDiff.Rendered(after, before);

        Assert.Same(first, kept);
        Assert.Contains(first, run => run.Kind == DiffKind.Added && run.Text.Contains("A sentence added", StringComparison.Ordinal));
        // Kept by both texts in their order: the other way round, the sentence was removed.
        Assert.DoesNotContain(reversed, run => run.Kind == DiffKind.Added && run.Text.Contains("A sentence added", StringComparison.Ordinal));
        Assert.Contains(reversed, run => run.Kind == DiffKind.Removed && run.Text.Contains("A sentence added", StringComparison.Ordinal));
    }
}
