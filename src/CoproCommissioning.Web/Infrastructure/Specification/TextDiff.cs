using System.Text;
using System.Text.RegularExpressions;
using DiffPlex;
using DiffPlex.Chunkers;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;
using Microsoft.AspNetCore.Html;

namespace CoproCommissioning.Web.Infrastructure.Specification;

/// <summary>
/// A word-by-word comparison of two texts (DiffPlex), as runs of text that stayed, were added or were removed.
/// Pages show added runs in &lt;ins&gt; and removed runs in &lt;del&gt;, with words for screen readers, so the
/// difference never depends on colour.
/// </summary>
public static partial class TextDiff
{
    public static IReadOnlyList<DiffRun> Words(string? before, string? after)
    {
        var model = InlineDiffBuilder.Diff(before ?? "", after ?? "", ignoreWhiteSpace: false, ignoreCase: false, WordChunker.Instance);
        var runs = new RunBuilder(isHtml: false);
        foreach (var piece in model.Lines)
        {
            runs.Add(KindOf(piece.Type), piece.Text ?? "");
        }

        return runs.ToList();
    }

    /// <summary>
    /// Two Markdown texts compared as people read them: each is rendered to safe HTML (<see cref="SpecificationMarkdown"/>,
    /// raw HTML off, sanitised) and the renderings are compared tag by tag and word by word, so bold, lists and links show
    /// as formatting rather than as asterisks and brackets. The later version's tags are all kept; of the earlier
    /// version's removed tags only whole elements are kept (a removed list item stays a list item), so the result nests
    /// as the renderer made it. Every piece of text comes from the sanitised rendering, already encoded.
    /// </summary>
    public static IReadOnlyList<DiffRun> Rendered(string? before, string? after)
    {
        var key = (before ?? "", after ?? "");
        if (Comparisons.TryGet(key, out DiffRun[]? kept))
        {
            return kept;
        }

        DiffRun[] runs = [.. Compare(before, after)];
        Comparisons.Keep(key, runs, key.Item1.Length + key.Item2.Length + runs.Sum(r => r.Text.Length));
        return runs;
    }

    // A snapshot's text never changes, so neither does the comparison of two snapshots, and the compare page makes the
    // same comparisons for everyone who opens it (30 sections a version at scale 100, half the page's CPU): comparisons
    // are kept, up to a bounded amount, least recently used first out, as SpecificationMarkdown keeps renderings.
    private static readonly KeptValues Comparisons = new(ComparisonsKept);

    /// <summary>How many characters of compared texts and their comparisons are kept: a few megabytes.</summary>
    private const long ComparisonsKept = 4_000_000;

    private static List<DiffRun> Compare(string? before, string? after)
    {
        var old = Render(before);
        // The same text renders the same: nothing to compare, and the diff of it would be one unchanged run.
        var current = string.Equals(before, after, StringComparison.Ordinal) ? old : Render(after);
        if (ReferenceEquals(old, current))
        {
            return current.Length == 0 ? [] : [new DiffRun(DiffKind.Same, current) { IsHtml = true }];
        }

        // The text both share at the start and at the end is set aside first, as the diff itself would do, so DiffPlex
        // builds its pieces for the changed middle only (a changed sentence, not the whole section): the same result.
        var a = HtmlChunker.Instance.Chunk(old);
        var b = HtmlChunker.Instance.Chunk(current);
        int prefix = 0, suffix = 0;
        while (prefix < a.Count && prefix < b.Count && a[prefix] == b[prefix])
        {
            prefix++;
        }

        while (suffix < a.Count - prefix && suffix < b.Count - prefix && a[a.Count - 1 - suffix] == b[b.Count - 1 - suffix])
        {
            suffix++;
        }

        var model = InlineDiffBuilder.Diff(
            string.Concat(a.Skip(prefix).Take(a.Count - prefix - suffix)),
            string.Concat(b.Skip(prefix).Take(b.Count - prefix - suffix)),
            ignoreWhiteSpace: false,
            ignoreCase: false,
            HtmlChunker.Instance);
        List<(DiffKind Kind, string Token)> tokens =
        [
            .. prefix > 0 ? [(DiffKind.Same, string.Concat(a.Take(prefix)))] : Array.Empty<(DiffKind, string)>(),
            .. model.Lines.Select(piece => (KindOf(piece.Type), piece.Text ?? "")),
            .. suffix > 0 ? [(DiffKind.Same, string.Concat(a.Skip(a.Count - suffix)))] : Array.Empty<(DiffKind, string)>(),
        ];

        var runs = new RunBuilder(isHtml: true);
        foreach (var group in Consecutive(tokens))
        {
            var kept = group.Kind == DiffKind.Removed ? WholeElementsOnly(group.Tokens) : group.Tokens;
            foreach (var token in kept)
            {
                // Tags are structure, never marked as added or removed; the words between them are.
                runs.Add(token.StartsWith('<') ? DiffKind.Same : group.Kind, token);
            }
        }

        return runs.ToList();
    }

    private static DiffKind KindOf(ChangeType type) => type switch
    {
        ChangeType.Inserted => DiffKind.Added,
        ChangeType.Deleted => DiffKind.Removed,
        _ => DiffKind.Same,
    };

    /// <summary>
    /// Runs built piece by piece, each piece joining the run before it when of the same kind: in a buffer, since a long
    /// unchanged text comes as hundreds of pieces and joining strings one piece at a time copies the text each time.
    /// </summary>
    private sealed class RunBuilder(bool isHtml)
    {
        private readonly List<DiffRun> _runs = [];
        private readonly StringBuilder _text = new();
        private DiffKind? _kind;

        public void Add(DiffKind kind, string text)
        {
            if (_kind != kind)
            {
                Flush();
                _kind = kind;
            }

            _text.Append(text);
        }

        public List<DiffRun> ToList()
        {
            Flush();
            return _runs;
        }

        private void Flush()
        {
            if (_kind is { } kind)
            {
                _runs.Add(new DiffRun(kind, _text.ToString()) { IsHtml = isHtml });
            }

            _text.Clear();
            _kind = null;
        }
    }

    private static string Render(string? markdown) =>
        string.IsNullOrWhiteSpace(markdown) ? "" : SpecificationMarkdown.Render(markdown).ToString() ?? "";

    private static IEnumerable<(DiffKind Kind, List<string> Tokens)> Consecutive(List<(DiffKind Kind, string Token)> tokens)
    {
        for (int i = 0; i < tokens.Count;)
        {
            var kind = tokens[i].Kind;
            List<string> group = [];
            while (i < tokens.Count && tokens[i].Kind == kind)
            {
                group.Add(tokens[i++].Token);
            }

            yield return (kind, group);
        }
    }

    // A removed run may hold half an element (its closing tag, say) whose other half the later version still has: that
    // half is dropped, so the later version's tags alone decide the nesting. Whole removed elements stay.
    private static List<string> WholeElementsOnly(List<string> tokens)
    {
        var keep = new bool[tokens.Count];
        Stack<(string Name, int Index)> open = new();
        for (int i = 0; i < tokens.Count; i++)
        {
            var match = TagPattern.Match(tokens[i]);
            if (!match.Success)
            {
                keep[i] = true;
                continue;
            }

            var name = match.Groups["name"].Value.ToLowerInvariant();
            if (match.Groups["close"].Success)
            {
                if (open.Count > 0 && open.Peek().Name == name)
                {
                    keep[open.Pop().Index] = true;
                    keep[i] = true;
                }
            }
            else if (VoidTags.Contains(name))
            {
                keep[i] = true;
            }
            else
            {
                open.Push((name, i));
            }
        }

        return [.. tokens.Where((_, i) => keep[i])];
    }

    private static readonly HashSet<string> VoidTags = new(["br", "hr"], StringComparer.Ordinal);

    private static readonly Regex TagPattern = new(@"^<(?<close>/)?(?<name>[a-zA-Z0-9]+)", RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100));

    /// <summary>Splits rendered HTML into tags, runs of white space and words, each compared whole.</summary>
    private sealed partial class HtmlChunker : IChunker
    {
        public static HtmlChunker Instance { get; } = new();

        public IReadOnlyList<string> Chunk(string text) => [.. Tokens().Matches(text).Select(m => m.Value)];

        [GeneratedRegex(@"<[^>]*>|\s+|[^<\s]+", RegexOptions.CultureInvariant)]
        private static partial Regex Tokens();
    }
}

public enum DiffKind
{
    Same,
    Added,
    Removed,
}

public sealed record DiffRun(DiffKind Kind, string Text)
{
    /// <summary>The text is rendered HTML from <see cref="TextDiff.Rendered"/> (sanitised, already encoded), not plain text.</summary>
    public bool IsHtml { get; init; }

    public static bool AnyChange(IReadOnlyList<DiffRun> runs) => runs.Any(r => r.Kind != DiffKind.Same);

    /// <summary>
    /// The runs as HTML, the text encoded. Built here rather than in Razor because the container keeps white space
    /// (so line breaks in the text show), and a template's indentation would show too.
    /// </summary>
    public static IHtmlContent ToHtml(IReadOnlyList<DiffRun> runs)
    {
        var rendered = runs.Any(r => r.IsHtml);
        var html = new HtmlContentBuilder();
        html.AppendHtml(rendered ? "<div class=\"app-diff app-diff--rendered\">" : "<div class=\"app-diff\">");
        foreach (var run in runs)
        {
            switch (run.Kind)
            {
                case DiffKind.Added:
                    html.AppendHtml("<ins class=\"app-diff__added\"><span class=\"nhsuk-u-visually-hidden\">[added: </span>");
                    AppendText(html, run).AppendHtml("<span class=\"nhsuk-u-visually-hidden\">]</span></ins>");
                    break;
                case DiffKind.Removed:
                    html.AppendHtml("<del class=\"app-diff__removed\"><span class=\"nhsuk-u-visually-hidden\">[removed: </span>");
                    AppendText(html, run).AppendHtml("<span class=\"nhsuk-u-visually-hidden\">]</span></del>");
                    break;
                default:
                    AppendText(html, run);
                    break;
            }
        }

        return html.AppendHtml("</div>");
    }

    // Rendered runs come from the sanitiser's output, already encoded; plain runs are encoded here.
    private static IHtmlContentBuilder AppendText(IHtmlContentBuilder html, DiffRun run) =>
        run.IsHtml ? html.AppendHtml(run.Text) : html.Append(run.Text);
}
