using CoproCommissioning.BrowserTests.Infrastructure;
using CoproCommissioning.Domain.Cycles;
using CoproCommissioning.Domain.Testing;
using CoproCommissioning.Web.DemoData;
using Microsoft.Playwright;

namespace CoproCommissioning.BrowserTests.Journeys;

/// <summary>
/// A panel member shares input with the commissioning team only; a provider and an observer look everywhere they can go
/// and are told only that it exists; the commissioner reads and answers it; the panel member sees the answer on What
/// happened to my input and finds it, with who it was shared with, in Your data (R7).
/// </summary>
public sealed class TeamOnlyInputJourneyTests(BrowserAppFixture app) : BrowserTest(app), IClassFixture<BrowserAppFixture>
{
    private const string Title = "Crisis alternatives, Harbourside";
    private const string Insight = "The crisis team made me feel like a problem, not a person";
    private const string SharedWithEveryone = "Support should carry on after I move home";
    private const string DecisionTitle = "A crisis house instead of A&E";
    private const string Answer = "The new service will have a crisis house run with people who have been in crisis themselves.";
    private const string TeamOnlyLine = "1 contribution was shared with the commissioning team only.";

    [Fact]
    public async Task Input_shared_with_the_team_only_is_answered_without_providers_or_observers_seeing_it()
    {
        var people = await CycleTestData.LoadPeopleAsync(App);
        var cycleId = await CycleTestData.CreateCycleAsync(App, people, a => a.FromPanel(summary: SharedWithEveryone), title: Title);

        // The panel member adds input and chooses who sees it.
        await SignInAsync(CyclePeople.PanelEmail, DemoSeeder.Password);
        await Page.GotoAsync(CycleUrls.AddContribution(cycleId));
        await Page.AssertNoViolationsAsync();
        await Page.GetByLabel("Summary", new() { Exact = true }).FillAsync(Insight);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Add your input" }).ClickAsync();
        await Assertions.Expect(Page.Locator("#Form_Visibility-error")).ToContainTextAsync("Choose who can see this input");
        await Assertions.Expect(Page.GetByLabel("Summary", new() { Exact = true })).ToHaveValueAsync(Insight);
        await Page.AssertNoViolationsAsync();
        await Page.GetByLabel("The commissioning team only").CheckAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Add your input" }).ClickAsync();
        await Assertions.Expect(Page.Locator(".nhsuk-notification-banner")).ToContainTextAsync("Your input was added to needs assessment");
        await Page.AssertNoViolationsAsync();
        await ScreenshotAsync("team-only-added");
        await Page.SignOutAsync();

        // A decision it shaped, so that the decision page is somewhere to look too. Recorded through the domain: this
        // journey is about who reads the input, and the decision form has journeys of its own.
        await CycleTestData.ChangeCycleAsync(App, cycleId, cycle =>
        {
            var needsAssessment = cycle.StageOf(StageKind.NeedsAssessment).Contributions;
            var insight = needsAssessment.Single(c => c.Summary == Insight);
            var shared = needsAssessment.Single(c => c.Summary == SharedWithEveryone);
            Expect.Success(cycle.RecordDecision(StageKind.NeedsAssessment, new DecisionDetails(
                DecisionTitle, "We will commission a crisis house.", DecisionMode.CoProduced, "", CoProductionLadderRung.CoProduction,
                DateTimeOffset.UtcNow.AddMinutes(-1),
                [new DecisionParticipant(people.Commissioner, CycleRole.Commissioner), new DecisionParticipant(people.Panel, CycleRole.PanelMember)],
                [new DecisionInfluence(insight.Id, "It showed how A&E feels in a crisis."), new DecisionInfluence(shared.Id, "Support follows people.")]),
                people.Commissioner, CycleRole.Commissioner, DateTimeOffset.UtcNow));
        });

        // A provider and an observer look everywhere they can go, and find only that something was shared with the team.
        await LookEverywhereWithoutFindingItAsync(CyclePeople.ProviderEmail, "provider", cycleId);
        await LookEverywhereWithoutFindingItAsync(CyclePeople.ObserverEmail, "observer", cycleId);

        // The commissioner reads it where it is (the stage, the decision it shaped, what stops sign-off) and answers it.
        await SignInAsync(CyclePeople.CommissionerEmail, DemoSeeder.Password);
        await Page.GotoAsync(CycleUrls.Stage(cycleId));
        await Assertions.Expect(Page.Locator("main")).ToContainTextAsync(Insight);
        await Assertions.Expect(Page.Locator("main")).Not.ToContainTextAsync(TeamOnlyLine);
        await Page.AssertNoViolationsAsync();
        await FollowLinkAsync(DecisionTitle);
        await Assertions.Expect(Page.Locator("h1")).ToContainTextAsync(DecisionTitle);
        await Assertions.Expect(Page.Locator("main")).ToContainTextAsync(Insight);
        await Page.AssertNoViolationsAsync();
        await Page.GotoAsync(CycleUrls.SignOff(cycleId));
        await Assertions.Expect(Page.Locator("main")).ToContainTextAsync(Insight);
        await Page.AssertNoViolationsAsync();
        await Page.GotoAsync(CycleUrls.Stage(cycleId));
        await Page.GetByRole(AriaRole.Link, new() { Name = $"Respond to “{Insight}”" }).ClickAsync();
        await Assertions.Expect(Page.GetByLabel("Adapted", new() { Exact = true })).ToBeVisibleAsync();
        await Page.AssertNoViolationsAsync();
        await Page.GetByLabel("Adapted", new() { Exact = true }).CheckAsync();
        await Page.GetByLabel("Explain what you did, and why").FillAsync(Answer);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Save response" }).ClickAsync();
        await Assertions.Expect(Page.Locator(".nhsuk-notification-banner")).ToContainTextAsync("Response saved");
        await Page.AssertNoViolationsAsync();
        await Page.SignOutAsync();

        // The answer does not reveal the input to a provider either.
        await SignInAsync(CyclePeople.ProviderEmail, DemoSeeder.Password);
        await Page.GotoAsync(CycleUrls.Stage(cycleId));
        await Assertions.Expect(Page.Locator("main")).ToContainTextAsync(TeamOnlyLine);
        Assert.DoesNotContain(Answer, await Page.ContentAsync(), StringComparison.Ordinal);
        await Page.SignOutAsync();

        // The panel member sees the answer, and finds the input in Your data with who it was shared with.
        await SignInAsync(CyclePeople.PanelEmail, DemoSeeder.Password);
        await Page.GotoAsync("/my-input");
        await Assertions.Expect(Page.Locator("main")).ToContainTextAsync(Insight);
        await Assertions.Expect(Page.Locator("main")).ToContainTextAsync(Answer);
        await Assertions.Expect(Page.Locator("main")).ToContainTextAsync("Shared with the commissioning team only.");
        await Page.AssertNoViolationsAsync();
        await ScreenshotAsync("team-only-my-input");

        await OpenYourDataAsync();
        var card = Page.Locator(".nhsuk-card").Filter(new() { HasText = Insight });
        await Assertions.Expect(card).ToContainTextAsync("shared with the commissioning team only");
        await Assertions.Expect(card).ToContainTextAsync(Answer);
        await Page.AssertNoViolationsAsync();
        await ScreenshotAsync("team-only-your-data");
    }

    /// <summary>
    /// Every page the member can reach that shows, lists or counts the cycle's input, or their own data: the text of the
    /// team-only input is on none of them (not even hidden in the markup), and the stage says how many were held back.
    /// </summary>
    private async Task LookEverywhereWithoutFindingItAsync(string email, string who, Guid cycleId)
    {
        await SignInAsync(email, DemoSeeder.Password);

        await OpenAsync("/cycles");
        await Assertions.Expect(Page.Locator("main")).ToContainTextAsync(Title);
        await AssertNotOnThisPageAsync();

        Assert.Equal(CycleUrls.Overview(cycleId), await FollowLinkAsync(Title));
        await AssertNotOnThisPageAsync();

        await OpenAsync(CycleUrls.Stage(cycleId));
        await Assertions.Expect(Page.Locator("main")).ToContainTextAsync(TeamOnlyLine);
        await Assertions.Expect(Page.Locator("main")).ToContainTextAsync(SharedWithEveryone);
        await AssertNotOnThisPageAsync();
        await ScreenshotAsync($"team-only-{who}-stage");

        await FollowLinkAsync(DecisionTitle);
        await Assertions.Expect(Page.Locator("h1")).ToContainTextAsync(DecisionTitle);
        await Assertions.Expect(Page.Locator("main")).ToContainTextAsync(SharedWithEveryone);
        await AssertNotOnThisPageAsync();
        await ScreenshotAsync($"team-only-{who}-decision");

        // The sign-off checklist is the commissioning team's only (FollowSignOff): neither of them can open it.

        // The specification is where comments on its sections are shown; this cycle has no draft yet.
        await OpenAsync($"/cycles/{cycleId}/specification");
        await AssertNotOnThisPageAsync();

        await OpenAsync("/my-input");
        await AssertNotOnThisPageAsync();

        // Their own printable data holds only what they gave.
        await OpenYourDataAsync();
        await AssertNotOnThisPageAsync();

        await Page.SignOutAsync();
    }

    /// <summary>Goes to a page the member can open: a refusal would make not finding the input there prove nothing.</summary>
    private async Task OpenAsync(string url)
    {
        var response = await Page.GotoAsync(url);
        Assert.Equal(200, response?.Status);
    }

    /// <summary>
    /// Opens where the link with this text points, as <see cref="OpenAsync"/> does, and returns that address. Going to the
    /// address rather than clicking keeps the wait on the page's own response, which held up on a heavily loaded machine
    /// where waiting for a click's navigation to finish loading timed out.
    /// </summary>
    private async Task<string> FollowLinkAsync(string text)
    {
        var href = await Page.GetByRole(AriaRole.Link, new() { Name = text, Exact = true }).GetAttributeAsync("href");
        Assert.NotNull(href);
        await OpenAsync(href);
        return href;
    }

    private async Task AssertNotOnThisPageAsync()
    {
        await Assertions.Expect(Page.Locator("h1")).ToBeVisibleAsync();
        Assert.DoesNotContain(Insight, await Page.ContentAsync(), StringComparison.Ordinal);
        await Page.AssertNoViolationsAsync();
    }

    /// <summary>Your data asks the person to confirm it's them if they signed in more than a few minutes ago.</summary>
    private async Task OpenYourDataAsync()
    {
        await Page.GotoAsync("/Identity/Account/Manage/YourData");
        if (Page.Url.Contains("/Account/ConfirmItsYou", StringComparison.Ordinal))
        {
            await Page.AssertNoViolationsAsync();
            await Page.Locator("#Input_Password").FillAsync(DemoSeeder.Password);
            await Page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        }

        // Waits out the redirect back from Confirm it's you, when there was one.
        await Assertions.Expect(Page.Locator("h1")).ToHaveTextAsync("All your data", new() { Timeout = 30_000 });
    }
}
