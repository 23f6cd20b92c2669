using System.Text;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace CoproCommissioning.BrowserTests.Infrastructure;

public static class Accessibility
{
    // WCAG 2.2 A and AA, including the 2.0 and 2.1 criteria it carries forward.
    private static readonly List<string> WcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"];

    /// <summary>Fails the test with every WCAG 2.2 A/AA violation axe-core finds on the page as it is now.</summary>
    public static async Task AssertNoViolationsAsync(this IPage page)
    {
        var result = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = WcagTags },
        });
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
