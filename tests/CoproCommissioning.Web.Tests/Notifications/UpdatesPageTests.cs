using System.Net;
using CoproCommissioning.Data.Notifications;

namespace CoproCommissioning.Web.Tests.Notifications;

/// <summary>"Your updates": everything a person was told, however they chose to hear it, and nobody else's.</summary>
public sealed class UpdatesPageTests(CyclePagesFixture fixture) : IClassFixture<CyclePagesFixture>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_person_sees_their_own_updates_newest_first_with_how_each_was_sent_and_nobody_elses()
    {
        var now = DateTimeOffset.UtcNow;
        var older = new Notification(fixture.People.Carer, NotificationKind.StageSignedOff, null, "Needs assessment was signed off in Eastbrook",
            "The commissioner signed off needs assessment.", "/cycles", NotificationFrequency.WeeklySummary, now.AddDays(-2));
        var newer = new Notification(fixture.People.Carer, NotificationKind.InputAnswered, null, "We answered your input in Eastbrook",
            "Here is our answer: a call back within a day.", "/my-input", NotificationFrequency.NotByEmail, now.AddHours(-1));
        var crafted = new Notification(fixture.People.Carer, NotificationKind.DecisionCitesInput, null, "A decision uses your input",
            "It was decided.", "//elsewhere.example/phish", NotificationFrequency.StraightAway, now.AddDays(-3));
        var someoneElses = new Notification(fixture.People.Panel, NotificationKind.InputAnswered, null, "Somebody else's answer",
            "Not for the carer.", "/my-input", NotificationFrequency.StraightAway, now);
        await using (var scope = fixture.Db())
        {
            scope.Context.Notifications.AddRange(older, newer, crafted, someoneElses);
            await scope.Context.SaveChangesAsync(_ct);
        }

        var carer = await fixture.SignedInAsync(CyclePeople.CarerEmail);
        var page = await carer.GetAsync("/updates", _ct);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        var titles = page.Document.QuerySelectorAll(".nhsuk-card__heading").Select(h => h.TextContent.Trim()).ToList();
        Assert.Equal([newer.Title, older.Title, crafted.Title], titles);
        Assert.DoesNotContain(someoneElses.Title, page.Text, StringComparison.Ordinal);
        Assert.Contains("Not emailed, as you chose", page.Document.QuerySelector($"#update-{newer.Id}")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("In your next weekly summary", page.Document.QuerySelector($"#update-{older.Id}")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("/my-input", page.Document.QuerySelector($"#update-{newer.Id} a")!.GetAttribute("href"));
        // A link that would leave the app is shown as text, not followed.
        Assert.Null(page.Document.QuerySelector($"#update-{crafted.Id} a"));
    }

    [Fact]
    public async Task Someone_not_signed_in_is_asked_to_sign_in()
    {
        var anonymous = BrowserLikeClient.For(fixture.Factory);

        var page = await anonymous.GetAsync("/updates", _ct);

        Assert.Equal(HttpStatusCode.Redirect, page.Status);
        Assert.Contains("/Identity/Account/Login", page.Location, StringComparison.Ordinal);
    }
}
