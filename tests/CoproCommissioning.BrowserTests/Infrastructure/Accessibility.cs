using System.Text;
using Deque.AxeCore.Commons;
using Microsoft.Playwright;
using Newtonsoft.Json.Linq;

namespace CoproCommissioning.BrowserTests.Infrastructure;

public static class Accessibility
{
    // WCAG 2.2 A and AA, including the 2.0 and 2.1 criteria it carries forward.
    private static readonly List<string> WcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"];

    /// <summary>
    /// axe-core as Deque's package bundles it. BrowserTest gives every test's context it as an init script, so each page
    /// already has it: Deque's RunAxe sends the whole script (about 560 kB) on every call and finishes each run in a new
    /// blank page, which took about 3 s a check on the CI machine, most of the browser tests' time.
    /// </summary>
    public static string AxeSource { get; } = new BundledAxeScriptProvider().GetScript();

    // axe measures layout (target-size, contrast), so check the page once it has settled: loaded, fonts ready, and two
    // frames on, after NHS.UK frontend's header has laid out its navigation (it does so on the first frame, from a
    // ResizeObserver) and after load handlers (the success banner takes focus then).
    private const string SettleScript = """
        async () => {
            if (document.readyState !== 'complete') {
                await new Promise(resolve => window.addEventListener('load', resolve, { once: true }));
            }
            await document.fonts.ready;
            for (let frame = 0; frame < 2; frame++) {
                await new Promise(resolve => requestAnimationFrame(() => setTimeout(resolve, 0)));
            }
        }
        """;

    /// <summary>Fails the test with every WCAG 2.2 A/AA violation axe-core finds on the page as it is now.</summary>
    public static async Task AssertNoViolationsAsync(this IPage page)
    {
        await page.EvaluateAsync(SettleScript);
        // A page from a context that BrowserTest did not make (a second person's) gets axe here.
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe?.run === 'function'"))
        {
            await page.EvaluateAsync("() => {" + AxeSource + "}");
        }

        // The same run as Deque's RunAxe (axe.run on the whole document, iframes included), in the page itself.
        var json = await page.EvaluateAsync<string>(
            "tags => axe.run(document, { runOnly: { type: 'tag', values: tags } }).then(result => JSON.stringify(result))", WcagTags);
        var result = new AxeResult(JObject.Parse(json));
        if (result.Violations is not { Length: > 0 } violations)
        {
            return;
        }

        var report = new StringBuilder($"axe found {violations.Length} WCAG violation(s) on {page.Url}:");
        foreach (var violation in violations)
        {
            report.AppendLine().Append($"- {violation.Id} ({violation.Impact}): {violation.Help}");
            foreach (var node in violation.Nodes.Take(5))
            {
                report.AppendLine().Append($"    at {string.Join(" ", node.Target)}: {node.Html}");
            }
        }

        Assert.Fail(report.ToString());
    }
}
