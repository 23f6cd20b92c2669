using System.Net;
using System.Text.Json;
using CoproCommissioning.Domain.Specification;
using CoproCommissioning.Web.Infrastructure.Accounts;
using CoproCommissioning.Web.Pages.Cycles.Monitoring;
using CoproCommissioning.Web.Pages.Cycles.Monitoring.Ratings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoproCommissioning.Web.Tests.Accounts;

/// <summary>
/// A panel member's ratings of the outcomes are theirs: in their data download, with nobody else's; and, like their
/// contributions and scores, kept with their provenance when they delete their account, under "Former participant #N".
/// </summary>
public sealed class PanelRatingPersonalDataTests(CyclePagesFixture fixture) : IClassFixture<CyclePagesFixture>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_download_has_the_persons_own_panel_ratings_and_not_another_members()
    {
        var monitored = await TestMonitoring.ContractedAsync(fixture, fixture.People);
        await TestMonitoring.RatedAsync(fixture, monitored, 2, fixture.People.Panel, RatingLevel.Fair);
        var mine = $"The night line answered within a minute ({Guid.NewGuid():N})";
        await TestMonitoring.RatedAsync(fixture, monitored, 1, fixture.People.Carer, RatingLevel.Outstanding);
        var panel = await fixture.SignedInAsync(CyclePeople.PanelEmail);
        var given = await panel.SubmitAsync(RatingsUrls.Rate(monitored.CycleId, monitored.PeriodIds[0]), new Dictionary<string, string>
        {
            [$"Form.Outcomes[{TestMonitoring.CrisisOutcome}].Rating"] = "Stretch",
            [$"Form.Outcomes[{TestMonitoring.CrisisOutcome}].WhatItsLike"] = mine,
            [$"Form.Outcomes[{TestMonitoring.EnjoyOutcome}].WhatItsLike"] = "",
            ["Form.Visibility"] = "CommissioningTeam",
        }, "main form", _ct);

        var download = await panel.SubmitAsync("/Identity/Account/Manage/PersonalData", new Dictionary<string, string>(),
            "form[action*=DownloadPersonalData]", _ct);

        Assert.Equal(HttpStatusCode.Redirect, given.Status);
        Assert.Equal(HttpStatusCode.OK, download.Status);
        using var json = JsonDocument.Parse(download.Html);
        // The demo cycles' own ratings by this member are in the download too; these are the test cycle's.
        var ratings = json.RootElement.GetProperty("panelRatingsYouGave").EnumerateArray()
            .Where(r => r.GetProperty("cycleId").GetGuid() == monitored.CycleId).ToList();
        Assert.Equal(2, ratings.Count);
        var first = ratings.Single(r => r.GetProperty("period").GetInt32() == 1);
        Assert.Equal(monitored.CycleId, first.GetProperty("cycleId").GetGuid());
        Assert.Equal("CommissioningTeam", first.GetProperty("sharedWith").GetString());
        Assert.False(first.GetProperty("loggedOnYourBehalf").GetBoolean());
        var outcome = Assert.Single(first.GetProperty("ratings").EnumerateArray());
        Assert.Equal("I can get help before I reach crisis", outcome.GetProperty("outcome").GetString());
        Assert.Equal("Stretch", outcome.GetProperty("rating").GetString());
        Assert.Equal(mine, outcome.GetProperty("whatItsLike").GetString());
        Assert.Equal(2, ratings.Single(r => r.GetProperty("period").GetInt32() == 2).GetProperty("ratings").GetArrayLength());
        Assert.DoesNotContain("Outstanding", download.Html);
    }

    [Fact]
    public async Task Deleting_a_panel_members_account_keeps_their_ratings_under_their_pseudonym_as_their_contributions_are()
    {
        var monitored = await TestMonitoring.ContractedAsync(fixture, fixture.People);
        var ratingId = await TestMonitoring.RatedAsync(fixture, monitored, 1, fixture.People.Carer, RatingLevel.Poor);
        int number;
        await using (var scope = fixture.Db())
        {
            number = await scope.Services.GetRequiredService<AccountPseudonymiser>().PseudonymiseAsync(fixture.People.Carer, _ct);
        }

        var commissioner = await fixture.SignedInAsync(CyclePeople.CommissionerEmail);
        var team = await commissioner.GetAsync(MonitoringUrls.Ratings(monitored.CycleId), _ct);

        await using (var scope = fixture.Db())
        {
            var rating = await scope.Context.PanelRatings.AsNoTracking().SingleAsync(r => r.Id == ratingId, _ct);
            Assert.Equal(fixture.People.Carer, rating.MemberUserId);
            Assert.Equal(RatingLevel.Poor, rating.RatingFor(TestMonitoring.CrisisOutcome)?.Rating);
        }

        var who = team.Document.QuerySelector($"table[data-period='{monitored.PeriodIds[0]}']")?.TextContent;
        Assert.Contains($"Former participant #{number}", who);
        Assert.DoesNotContain("Alan Price", team.Text);
    }
}
