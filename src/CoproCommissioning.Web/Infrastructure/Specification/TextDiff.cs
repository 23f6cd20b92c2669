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
public static class TextDiff
{
    public static IReadOnlyList<DiffRun> Words(string? before, string? after)
    {
        var model = InlineDiffBuilder.Diff(before ?? "", after ?? "", ignoreWhiteSpace: false, ignoreCase: false, WordChunker.Instance);
        List<DiffRun> runs = [];
        foreach (var piece in model.Lines)
        {
            var kind = piece.Type switch
            {
                ChangeType.Inserted => DiffKind.Added,
                ChangeType.Deleted => DiffKind.Removed,
                _ => DiffKind.Same,
            };
            if (runs.Count > 0 && runs[^1].Kind == kind)
            {
                runs[^1] = runs[^1] with { Text = runs[^1].Text + piece.Text };
            }
            else
            {
                runs.Add(new DiffRun(kind, piece.Text ?? ""));
            }
        }

        return runs;
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
    public static bool AnyChange(IReadOnlyList<DiffRun> runs) => runs.Any(r => r.Kind != DiffKind.Same);

    /// <summary>
    /// The runs as HTML, the text encoded. Built here rather than in Razor because the container keeps white space
    /// (so line breaks in the text show), and a template's indentation would show too.
    /// </summary>
    public static IHtmlContent ToHtml(IReadOnlyList<DiffRun> runs)
    {
        var html = new HtmlContentBuilder();
        html.AppendHtml("<div class=\"app-diff\">");
        foreach (var run in runs)
        {
            switch (run.Kind)
            {
                case DiffKind.Added:
                    html.AppendHtml("<ins class=\"app-diff__added\"><span class=\"nhsuk-u-visually-hidden\">[added: </span>")
                        .Append(run.Text).AppendHtml("<span class=\"nhsuk-u-visually-hidden\">]</span></ins>");
                    break;
                case DiffKind.Removed:
                    html.AppendHtml("<del class=\"app-diff__removed\"><span class=\"nhsuk-u-visually-hidden\">[removed: </span>")
                        .Append(run.Text).AppendHtml("<span class=\"nhsuk-u-visually-hidden\">]</span></del>");
                    break;
                default:
                    html.Append(run.Text);
                    break;
            }
        }

        return html.AppendHtml("</div>");
    }
}
