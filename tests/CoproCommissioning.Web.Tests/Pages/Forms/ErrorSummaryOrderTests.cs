using System.Net;

namespace CoproCommissioning.Web.Tests.Pages.Forms;

/// <summary>
/// The error summary lists problems in the order people meet the fields on the page (the shared _ErrorSummary with
/// FormFieldOrder), whichever check found them: each form is sent empty and the summary's links must follow the page.
/// </summary>
public sealed class ErrorSummaryOrderTests(CyclePagesFixture fixture) : IClassFixture<CyclePagesFixture>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_form_sent_empty_lists_its_errors_in_the_order_of_its_fields()
    {
        var cycleId = await fixture.CreateCycleAsync();
        (string Email, string Url)[] forms =
        [
            (CyclePeople.CommissionerEmail, "/cycles/new"),
            (CyclePeople.CommissionerEmail, $"/cycles/{cycleId}/settings"),
            (CyclePeople.CommissionerEmail, $"/cycles/{cycleId}/needs-assessment/evidence/add"),
            (CyclePeople.CommissionerEmail, $"/cycles/{cycleId}/needs-assessment/needs/add"),
            (CyclePeople.CommissionerEmail, $"/cycles/{cycleId}/needs-assessment/inequalities/add"),
            (CyclePeople.PanelEmail, $"/cycles/{cycleId}/stages/needs-assessment/contributions/new"),
            ("admin@demo.copro.test", "/admin/organisations/new"),
            ("admin@demo.copro.test", "/admin/accounts/invite"),
        ];

        List<string> wrong = [];
        foreach (var (email, url) in forms)
        {
            var client = await fixture.SignedInAsync(email);
            var form = (await client.GetAsync(url, _ct)).Document.QuerySelector("main form[method=post]:not([action*='handler='])")
                ?? throw new InvalidOperationException($"No form on {url}.");
            var empty = form.QuerySelectorAll("input[type=text], input[type=email], input:not([type]), textarea")
                .Select(f => f.GetAttribute("name")!)
                .Where(n => n is not null)
                .Distinct()
                .ToDictionary(n => n, _ => "");

            var sent = await client.SubmitAsync(url, empty, "main form[method=post]:not([action*='handler='])", _ct);

            Assert.Equal(HttpStatusCode.OK, sent.Status);
            var links = sent.Document.QuerySelectorAll(".nhsuk-error-summary__list a").Select(a => a.GetAttribute("href")![1..]).ToList();
            Assert.True(links.Count > 1, $"{url} sent empty shows {links.Count} linked errors: too few to check their order.");
            var fieldOrder = sent.Document.QuerySelectorAll("[id]").Select(e => e.Id!).ToList();
            var positions = links.Select(id => fieldOrder.IndexOf(id)).ToList();
            if (positions.Contains(-1) || !positions.SequenceEqual(positions.Order()))
            {
                wrong.Add($"{url}: {string.Join(", ", links)}");
            }
        }

        Assert.True(wrong.Count == 0, "Error summaries not in the order of the fields:\n" + string.Join('\n', wrong));
    }
}
