using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Ganss.Xss;
using Markdig;
using Markdig.Syntax;
using Microsoft.AspNetCore.Html;

namespace CoproCommissioning.Web.Infrastructure.Specification;

/// <summary>
/// Turns a section's Markdown into HTML that is safe to put on a page: Markdig renders it with raw HTML switched
/// off (typed tags show as text), HtmlSanitizer keeps only a short list of tags and http, https and mailto links,
/// and then agreed glossary terms are marked. Headings start at level 3, below the section's own title.
/// </summary>
public static class SpecificationMarkdown
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UsePipeTables()
        .UseAutoLinks()
        .Build();

    private static readonly string[] AllowedTags =
        ["p", "br", "strong", "em", "ul", "ol", "li", "a", "h3", "h4", "h5", "h6", "blockquote", "code", "pre",
         "table", "thead", "tbody", "tr", "th", "td", "hr"];

    // Glossary terms are not marked inside these: a link in a link is invalid, and code and headings read oddly with it.
    private static readonly HashSet<string> NoMarkingInside =
        new(["A", "CODE", "PRE", "H3", "H4", "H5", "H6"], StringComparer.OrdinalIgnoreCase);

    // A snapshot's text never changes, and pages render the same texts again and again (each version shown, both sides of
    // every comparison): the safe rendering of each text is kept, up to a bounded amount, least recently used first out.
    // Glossary terms change, so they are marked on each rendering, in a document read back from the kept HTML.
    private static readonly KeptValues Renderings = new(RenderingsKept);

    /// <summary>How many characters of Markdown and its rendering are kept: a few megabytes, hundreds of sections.</summary>
    private const long RenderingsKept = 4_000_000;

    public static IHtmlContent Render(string markdown, GlossaryMarks? glossary = null)
    {
        markdown ??= "";
        bool marking = glossary is { Entries.Count: > 0 };
        IHtmlDocument document;
        IElement body;
        if (Renderings.TryGet(markdown, out string? kept))
        {
            if (!marking)
            {
                return new HtmlString(kept);
            }

            document = new HtmlParser().ParseDocument("<html><body>" + kept);
            body = document.Body ?? throw new InvalidOperationException("A kept rendering read back without a body.");
        }
        else
        {
            (document, body) = RenderSafe(markdown);
            var html = body.InnerHtml;
            Renderings.Keep(markdown, html, markdown.Length + html.Length);
            if (!marking)
            {
                return new HtmlString(html);
            }
        }

        MarkTerms(document, body, glossary!);
        return new HtmlString(body.InnerHtml);
    }

    private static (IHtmlDocument Document, IElement Body) RenderSafe(string markdown)
    {
        var document = Markdown.Parse(markdown, Pipeline);
        foreach (var heading in document.Descendants<HeadingBlock>())
        {
            heading.Level = Math.Min(6, heading.Level + 2);
        }

        var html = document.ToHtml(Pipeline);
        var safe = Sanitizer.SanitizeDom(html);
        var body = safe.Body ?? throw new InvalidOperationException("The sanitiser returned no body.");
        AddFrontendClasses(body);
        return (safe, body);
    }

    // One sanitiser, configured once and never changed after: HtmlSanitizer may then be used from many threads at once
    // (its documented thread safety), and making one per rendering cost about as much as sanitising a section.
    private static readonly HtmlSanitizer Sanitizer = Configured();

    private static HtmlSanitizer Configured()
    {
        var sanitizer = new HtmlSanitizer { KeepChildNodes = true };
        sanitizer.AllowedTags.Clear();
        sanitizer.AllowedTags.UnionWith(AllowedTags);
        sanitizer.AllowedAttributes.Clear();
        sanitizer.AllowedAttributes.Add("href");
        sanitizer.AllowedSchemes.Clear();
        sanitizer.AllowedSchemes.UnionWith(["http", "https", "mailto"]);
        sanitizer.AllowedClasses.Clear();
        sanitizer.AllowedCssProperties.Clear();
        sanitizer.AllowedAtRules.Clear();
        return sanitizer;
    }

    private static void AddFrontendClasses(IElement body)
    {
        foreach (var element in body.QuerySelectorAll("*"))
        {
            var classes = element.LocalName switch
            {
                "ul" => "nhsuk-list nhsuk-list--bullet",
                "ol" => "nhsuk-list nhsuk-list--number",
                "table" => "nhsuk-table",
                "thead" => "nhsuk-table__head",
                "tbody" => "nhsuk-table__body",
                "tr" => "nhsuk-table__row",
                "th" => "nhsuk-table__header",
                "td" => "nhsuk-table__cell",
                "h3" => "nhsuk-heading-s",
                "h4" or "h5" or "h6" => "nhsuk-heading-xs",
                "blockquote" => "nhsuk-inset-text",
                _ => null,
            };
            if (classes is not null)
            {
                element.ClassName = classes;
            }

            // Links in a link-less anchor (a javascript: href the sanitiser removed) would only confuse.
            if (element is IHtmlAnchorElement anchor && !anchor.HasAttribute("href"))
            {
                anchor.Replace([.. anchor.ChildNodes]);
            }
        }
    }

    private static void MarkTerms(IHtmlDocument document, IElement body, GlossaryMarks glossary)
    {
        int count = 0;
        foreach (var entry in glossary.Entries.Where(e => e.Term.Length > 0).OrderByDescending(e => e.Term.Length))
        {
            var pattern = new Regex(
                $@"(?<![\p{{L}}\p{{N}}]){Regex.Escape(entry.Term)}(?![\p{{L}}\p{{N}}])",
                RegexOptions.IgnoreCase | RegexOptions.CultureInvariant,
                TimeSpan.FromMilliseconds(100));
            foreach (var text in TextNodes(body))
            {
                var match = pattern.Match(text.Data);
                if (!match.Success)
                {
                    continue;
                }

                string meaningId = $"{glossary.IdPrefix}-term-{++count}";
                var mark = document.CreateElement("span");
                mark.ClassName = "app-glossary-term";
                var link = document.CreateElement("a");
                link.ClassName = "app-glossary-term__link";
                link.SetAttribute("href", $"{glossary.GlossaryUrl}#term-{entry.Id}");
                link.SetAttribute("aria-describedby", meaningId);
                link.TextContent = match.Value;
                var meaning = document.CreateElement("span");
                meaning.Id = meaningId;
                meaning.ClassName = "app-glossary-term__meaning";
                meaning.SetAttribute("role", "tooltip");
                meaning.TextContent = entry.Meaning;
                mark.AppendChild(link);
                mark.AppendChild(meaning);

                var fromMatch = text.Split(match.Index);
                fromMatch.Split(match.Length);
                fromMatch.Parent!.ReplaceChild(mark, fromMatch);
                break; // Each term once per section: enough to explain it without a link on every line.
            }
        }
    }

    private static List<IText> TextNodes(IElement root) =>
        [.. root.Descendants<IText>().Where(t => !t.Ancestors<IElement>().TakeWhile(a => a != root)
            .Any(a => NoMarkingInside.Contains(a.LocalName) || a.ClassList.Contains("app-glossary-term")))];
}

/// <summary>Agreed glossary terms to mark in one rendering; <paramref name="IdPrefix"/> keeps ids unique on a page.</summary>
public sealed record GlossaryMarks(IReadOnlyList<GlossaryEntry> Entries, string GlossaryUrl, string IdPrefix);

public sealed record GlossaryEntry(Guid Id, string Term, string Meaning);
