using System.Globalization;
using AngleSharp.Dom;
using CoproCommissioning.Domain.Specification;
using CoproCommissioning.Web.DemoData;

namespace CoproCommissioning.Web.Tests.Pages.Cycles.Specification;

/// <summary>What the specification forms post, and checks on what the pages show.</summary>
public static class SpecificationForms
{
    public static async Task<BrowserLikeClient> SignedInAsync(DatabaseFixture fixture, string email, CancellationToken ct)
    {
        var client = BrowserLikeClient.For(fixture.Factory);
        await client.SignInAsync(email, DemoSeeder.Password, ct);
        return client;
    }

    /// <summary>
    /// The edit form as a commissioner would post it: every section of <paramref name="version"/>, with
    /// <paramref name="newBody"/> as the text of the section at <paramref name="index"/>.
    /// </summary>
    public static Dictionary<string, string> EditFields(
        SpecificationVersion version, int basedOn, string changeSummary, int? index = null, string? newBody = null,
        params (Guid CommentId, string Answer)[] answers)
    {
        var fields = new Dictionary<string, string>
        {
            ["Form.BasedOnVersion"] = basedOn.ToString(CultureInfo.InvariantCulture),
            ["Form.ChangeSummary"] = changeSummary,
        };
        for (int i = 0; i < version.Sections.Count; i++)
        {
            var section = version.Sections[i];
            fields[$"Form.Sections[{i}].SectionId"] = section.SectionId.ToString();
            fields[$"Form.Sections[{i}].Title"] = section.Title;
            fields[$"Form.Sections[{i}].Body"] = i == index && newBody is not null ? newBody : section.Body;
            fields[$"Form.Sections[{i}].PlainSummary"] = section.PlainSummary;
            if (i == index)
            {
                foreach (var (commentId, answer) in answers)
                {
                    fields[$"Form.Sections[{i}].Answers[{commentId}]"] = answer;
                }
            }
        }

        return fields;
    }

    public static Dictionary<string, string> CommentFields(int version, string summary, string body = "") => new()
    {
        ["Form.Version"] = version.ToString(CultureInfo.InvariantCulture),
        ["Form.Summary"] = summary,
        ["Form.Visibility"] = "Everyone",
        ["Form.Body"] = body,
    };

    /// <summary>
    /// Nothing a browser would run: no script, image or embedded object in the page's main content, no event-handler
    /// attribute and no javascript: address anywhere, and only our own module script in the whole page.
    /// </summary>
    public static void AssertInert(BrowserLikeClient.Page page)
    {
        var main = page.Document.QuerySelector("main") ?? throw new InvalidOperationException("The page has no main element.");
        Assert.Empty(main.QuerySelectorAll("script, img, iframe, object, embed, svg, style, form[action^='javascript' i]"));
        var everything = page.Document.QuerySelectorAll("*");
        Assert.DoesNotContain(everything, e => e.Attributes.Any(a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase)));
        Assert.DoesNotContain(everything, e => e.Attributes.Any(a => a.Name is "href" or "src" or "action" or "formaction"
            && a.Value.Trim().StartsWith("javascript:", StringComparison.OrdinalIgnoreCase)));
        Assert.All(page.Document.QuerySelectorAll("script"), s => Assert.Matches(@"^/js/site(\.[a-z0-9]+)?\.js(\?.*)?$", s.GetAttribute("src") ?? "inline"));
        Assert.DoesNotContain("<script>alert", page.Html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img src=x", page.Html, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The value of the field with this id, or this name when it has no id (hidden fields).</summary>
    public static string ValueOf(BrowserLikeClient.Page page, string idOrName) =>
        (page.Document.GetElementById(idOrName) ?? page.Document.QuerySelector($"[name='{idOrName}']")) switch
        {
            AngleSharp.Html.Dom.IHtmlTextAreaElement textarea => textarea.Value,
            AngleSharp.Html.Dom.IHtmlInputElement input => input.Value,
            _ => throw new InvalidOperationException($"No field {idOrName}."),
        };

    public static IElement MainOf(BrowserLikeClient.Page page) => page.Document.QuerySelector("main")!;
}
