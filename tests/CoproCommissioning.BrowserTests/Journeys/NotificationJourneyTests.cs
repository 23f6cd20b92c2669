using System.Net;
using System.Text.RegularExpressions;
using CoproCommissioning.BrowserTests.Infrastructure;
using CoproCommissioning.Data.Notifications;
using CoproCommissioning.Web.DemoData;
using CoproCommissioning.Web.Infrastructure.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace CoproCommissioning.BrowserTests.Journeys;

/// <summary>
/// Hearing back (issue 18): a panel member chooses how they hear about each kind of event, keeping answers to their input
/// "straight away"; a commissioner answers their input; the email arrives (the pickup folder, through the outbox) with
/// the answer in both parts, a one-click unsubscribe header and a link that, after signing in, opens "What happened to
/// my input" with the answer, and "Your updates" lists it. The commissioner, who acted, gets no email about it.
/// </summary>
public sealed partial class NotificationJourneyTests(BrowserAppFixture app) : BrowserTest(app), IClassFixture<BrowserAppFixture>
{
    private const string Title = "Crisis support for young adults, Eastbrook";
    private const string Said = "Nobody called me back after I left A&E at night";
    private const string Answer = "The new crisis line will call everyone back within 24 hours of an A&E visit.";

    [Fact]
    public async Task A_panel_member_is_emailed_the_answer_to_their_input_and_its_link_opens_what_happened_to_it()
    {
        var people = await CycleTestData.LoadPeopleAsync(App);
        var cycleId = await CycleTestData.CreateCycleAsync(App, people, c => c.FromPanel(summary: Said), title: Title);

        // The panel member keeps answers straight away and moves sign-offs into a weekly summary.
        await SignInAsync(CyclePeople.PanelEmail, DemoSeeder.Password);
        await Page.GotoAsync("/account/notifications");
        await Assertions.Expect(Page.Locator("h1")).ToHaveTextAsync("Emails about what happens");
        var answered = Page.GetByRole(AriaRole.Group, new() { Name = NotificationCatalogue.Of(NotificationKind.InputAnswered).Name });
        await Assertions.Expect(answered.GetByLabel("Straight away")).ToBeCheckedAsync();
        var signedOff = Page.GetByRole(AriaRole.Group, new() { Name = NotificationCatalogue.Of(NotificationKind.StageSignedOff).Name });
        await signedOff.GetByLabel("In a weekly summary").CheckAsync();
        await Page.AssertNoViolationsAsync();
        await ScreenshotAsync("preferences");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Save your choices" }).ClickAsync();
        await Assertions.Expect(Page.Locator("main")).ToContainTextAsync("Your choices have been saved");
        await Assertions.Expect(signedOff.GetByLabel("In a weekly summary")).ToBeCheckedAsync();
        await Page.AssertNoViolationsAsync();
        await Page.SignOutAsync();

        // The commissioner answers it.
        await SignInAsync(CyclePeople.CommissionerEmail, DemoSeeder.Password);
        await Page.GotoAsync(CycleUrls.Stage(cycleId));
        await Page.GetByRole(AriaRole.Link, new() { Name = $"Respond to “{Said}”" }).ClickAsync();
        await Page.GetByLabel("Adopted", new() { Exact = true }).CheckAsync();
        await Page.GetByLabel("Explain what you did, and why").FillAsync(Answer);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Save response" }).ClickAsync();
        await Assertions.Expect(Page.Locator(".nhsuk-notification-banner")).ToContainTextAsync("Response saved");
        await Page.SignOutAsync();

        // The email, as the panel member's inbox receives it.
        var email = Assert.Single(await TestMailbox.EmailsToAsync(App.Factory, CyclePeople.PanelEmail, Ct), m => m.Subject?.Contains(Title, StringComparison.Ordinal) == true);
        Assert.Contains(Answer, email.TextBody, StringComparison.Ordinal);
        Assert.Contains(Answer, WebUtility.HtmlDecode(email.HtmlBody), StringComparison.Ordinal);
        Assert.Equal("List-Unsubscribe=One-Click", email.Headers["List-Unsubscribe-Post"]);
        Assert.StartsWith($"<{App.BaseUrl}/unsubscribe/", email.Headers["List-Unsubscribe"], StringComparison.Ordinal);
        var link = MyInputLink().Match(email.TextBody ?? "").Value;
        Assert.StartsWith($"{App.BaseUrl}/my-input", link, StringComparison.Ordinal);
        Assert.Contains(link, WebUtility.HtmlDecode(email.HtmlBody), StringComparison.Ordinal);
        Assert.DoesNotContain(await TestMailbox.EmailsToAsync(App.Factory, CyclePeople.CommissionerEmail, Ct), m => m.Subject?.Contains(Title, StringComparison.Ordinal) == true);

        // The link asks them to sign in first, then shows what happened to their input.
        await Page.GotoAsync(link);
        await Assertions.Expect(Page).ToHaveURLAsync(new Regex("/Account/Login", RegexOptions.IgnoreCase));
        await Page.AssertNoViolationsAsync();
        await Page.GetByLabel("Email").FillAsync(CyclePeople.PanelEmail);
        await Page.GetByLabel("Password").FillAsync(DemoSeeder.Password);
        await Page.Locator("form#account button[type=submit]").ClickAsync();
        await Assertions.Expect(Page.Locator("h1")).ToHaveTextAsync("What happened to my input");
        var card = Page.Locator(".nhsuk-card", new() { HasText = Said });
        await Assertions.Expect(card).ToContainTextAsync(Answer);
        await Page.AssertNoViolationsAsync();

        // Everything they were told is also listed in the service, however it was sent.
        await Page.GetByRole(AriaRole.Link, new() { Name = "Updates" }).ClickAsync();
        await Assertions.Expect(Page.Locator("h1")).ToHaveTextAsync("Your updates");
        var update = Page.Locator(".nhsuk-card", new() { HasText = Title });
        await Assertions.Expect(update).ToContainTextAsync(Answer);
        await Assertions.Expect(update).ToContainTextAsync("Emailed");
        await Page.AssertNoViolationsAsync();
        await ScreenshotAsync("updates");

        await using var scope = App.Db();
        var stored = await scope.Context.NotificationPreferences.AsNoTracking()
            .SingleAsync(p => p.UserId == people.Panel && p.Kind == NotificationKind.StageSignedOff, Ct);
        Assert.Equal(NotificationFrequency.WeeklySummary, stored.Frequency);
    }

    [GeneratedRegex(@"https?://\S+/my-input\S*")]
    private static partial Regex MyInputLink();
}
