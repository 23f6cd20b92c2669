namespace CoproCommissioning.Web.Tests.Pages.Cycles.Stages;

/// <summary>The stage workspace lists input a page at a time in the order PostgreSQL keeps for it.</summary>
public sealed class WorkspacePageTests(CyclePagesFixture fixture) : IClassFixture<CyclePagesFixture>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Input_is_listed_lived_experience_first_then_newest_first_a_page_at_a_time()
    {
        List<Guid> panel = [], providers = [];
        var cycleId = await fixture.CreateCycleAsync(a =>
        {
            // The lived-experience input is the older, so neither "newest first" nor the order of adding explains the list.
            for (int i = 0; i < 11; i++)
            {
                panel.Add(a.FromPanel(summary: $"Panel input {i}").Id);
            }

            for (int i = 0; i < 11; i++)
            {
                providers.Add(a.FromProvider(summary: $"Provider input {i}").Id);
            }
        });
        var client = await fixture.SignedInAsync(CyclePeople.CommissionerEmail);

        var first = await client.GetAsync(CycleUrls.Stage(cycleId), _ct);
        var second = await client.GetAsync($"{CycleUrls.Stage(cycleId)}?contributionsPage=2", _ct);

        List<Guid> expected = [.. Enumerable.Reverse(panel), .. Enumerable.Reverse(providers)];
        Assert.Equal(expected[..20], Listed(first));
        Assert.Equal(expected[20..], Listed(second));
    }

    private static List<Guid> Listed(BrowserLikeClient.Page page) =>
        [.. page.Document.QuerySelectorAll("[id^='contribution-']").Select(e => Guid.Parse(e.Id!["contribution-".Length..]))];
}
