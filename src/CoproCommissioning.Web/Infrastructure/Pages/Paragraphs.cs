using Microsoft.AspNetCore.Html;

namespace CoproCommissioning.Web.Infrastructure.Pages;

/// <summary>
/// Text someone typed, one paragraph per line, so their line breaks survive without inline styles. The text is encoded
/// when written, as Razor encodes it; nothing here is rendered as HTML. A method rather than a partial view because lists
/// show it for every contribution, comment and score: a partial costs a view activation each time (docs/benchmarks.md).
/// </summary>
public static class Paragraphs
{
    public static IHtmlContent Of(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return HtmlString.Empty;
        }

        var content = new HtmlContentBuilder();
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            content.AppendHtml("<p>").Append(line).AppendHtml("</p>\n");
        }

        return content;
    }
}
