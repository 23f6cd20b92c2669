using CoproCommissioning.BrowserTests.Infrastructure;
using CoproCommissioning.Domain.Cycles;
using Microsoft.Playwright;

namespace CoproCommissioning.BrowserTests.Journeys;

/// <summary>Journey 4: the whole of journey 1 with the keyboard alone: Tab to move, Enter to follow and send, Space to choose, typing to fill in.</summary>
public sealed class CycleKeyboardJourneyTests(BrowserAppFixture app) : BrowserTest(app), IClassFixture<BrowserAppFixture>
{
    private const string Title = "Eating disorders support, North Harbour";
    private const string Insight = "Nobody asked what I eat at home";

    [Fact]
    public async Task Signing_off_works_with_the_keyboard_alone()
    {
        var people = await CycleTestData.LoadPeopleAsync(App);
        var cycleId = await CycleTestData.CreateCycleAsync(App, people, c => c.FromProvider(), title: Title);
        var card = Page.Locator(".nhsuk-card", new() { HasText = Title });

        // The commissioner is told why needs assessment cannot be signed off yet.
        await Page.SignInWithKeyboardAsync(CyclePeople.CommissionerEmail);
        await Assertions.Expect(Page.Locator("h1")).ToHaveTextAsync("My cycles");
        await Page.TabAndFollowAsync(Page.GetByRole(AriaRole.Link, new() { Name = Title }));
        await Page.TabAndFollowAsync(Page.GetByRole(AriaRole.Link, new() { Name = "Needs assessment" }));
        await Page.TabAndFollowAsync(Page.GetByRole(AriaRole.Link, new() { Name = "See what is needed to sign off" }));
        await Assertions.Expect(Page.Locator("main ol")).ToContainTextAsync(CycleRules.LivedExperienceInputRequired.Message);
        await Page.SignOutWithKeyboardAsync();

        // The panel member adds an insight.
        await Page.SignInWithKeyboardAsync(CyclePeople.PanelEmail);
        await Assertions.Expect(Page.Locator("h1")).ToHaveTextAsync("My cycles");
        await Page.TabAndFollowAsync(card.GetByRole(AriaRole.Link, new() { Name = "Needs assessment is open for your input" }));
        await Page.TabAndTypeAsync(Page.GetByLabel("Summary", new() { Exact = true }), Insight);
        await Page.TabAndTypeAsync(Page.GetByLabel("More detail (optional)"), "Meals at home are the hardest part of the day.");
        await Page.TabAndTickAsync(Page.GetByLabel("Everyone in this cycle"));
        await Page.TabAndFollowAsync(Page.GetByRole(AriaRole.Button, new() { Name = "Add your input" }));
        await Assertions.Expect(Page.Locator(".nhsuk-notification-banner")).ToContainTextAsync("Your input was added");
        await Page.SignOutWithKeyboardAsync();
        var insight = (await CycleTestData.LoadCycleAsync(App, cycleId)).StageOf(StageKind.NeedsAssessment).Contributions.Single(c => c.Summary == Insight);

        // The commissioner answers it, records a decision citing it, and signs off.
        await Page.SignInWithKeyboardAsync(CyclePeople.CommissionerEmail);
        await Assertions.Expect(Page.Locator("h1")).ToHaveTextAsync("My cycles");
        await Page.TabAndFollowAsync(card.GetByRole(AriaRole.Link, new() { Name = "1 lived-experience contribution waiting for a response in needs assessment" }));
        await Page.TabAndFollowAsync(Page.GetByRole(AriaRole.Link, new() { Name = $"Respond to “{Insight}”" }));
        await Page.TabAndTickAsync(Page.GetByLabel("Adopted", new() { Exact = true }));
        await Page.TabAndTypeAsync(Page.GetByLabel("Explain what you did, and why"), "Dietitians will visit people at home at mealtimes.");
        await Page.TabAndFollowAsync(Page.GetByRole(AriaRole.Button, new() { Name = "Save response" }));
        await Assertions.Expect(Page.Locator(".nhsuk-notification-banner")).ToContainTextAsync("Response saved");

        await Page.TabAndFollowAsync(Page.GetByRole(AriaRole.Button, new() { Name = "Record a decision" }));
        await Page.TabAndTypeAsync(Page.GetByLabel("Title"), "Home visits at mealtimes");
        await Page.TabAndTypeAsync(Page.GetByLabel("What was decided"), "Dietitians and peer workers will offer home visits at mealtimes.");
        await Page.TabAndTickAsync(Page.GetByLabel("Co-produced", new() { Exact = true }));
        await Page.TabAndTickAsync(Page.GetByLabel("Co-production", new() { Exact = true }));
        await Page.TabAndTickAsync(Page.GetByLabel("Priya Sharma (you)"));
        await Page.TabAndTickAsync(Page.GetByLabel("Jess Morgan"));
        await Page.TabAndTickAsync(Page.GetByLabel(Insight));
        await Page.TabAndTypeAsync(Page.Locator($"#Form_Notes_{insight.Id}_"), "Set mealtime visits as the model.");
        await Page.TabAndFollowAsync(Page.GetByRole(AriaRole.Button, new() { Name = "Record decision" }));
        await Assertions.Expect(Page.Locator(".nhsuk-notification-banner")).ToContainTextAsync("Decision recorded");

        await Page.TabAndFollowAsync(Page.GetByRole(AriaRole.Link, new() { Name = "Sign off needs assessment" }));
        await Page.TabAndTypeAsync(Page.GetByLabel("Sign-off statement"), "Agreed with the panel and carers.");
        await Page.TabAndFollowAsync(Page.GetByRole(AriaRole.Button, new() { Name = "Continue" }));
        await Page.TabAndFollowAsync(Page.GetByRole(AriaRole.Button, new() { Name = "Confirm and sign off needs assessment" }));
        await Assertions.Expect(Page.Locator(".nhsuk-notification-banner")).ToContainTextAsync("Needs assessment signed off");

        var cycle = await CycleTestData.LoadCycleAsync(App, cycleId);
        var stage = cycle.StageOf(StageKind.NeedsAssessment);
        Assert.Equal(StageStatus.SignedOff, stage.Status);
        Assert.Equal("Agreed with the panel and carers.", Assert.Single(stage.History).Text);
        Assert.Equal("Dietitians will visit people at home at mealtimes.", cycle.FindContribution(insight.Id)!.CurrentResponse!.Explanation);
        Assert.Equal("Set mealtime visits as the model.", Assert.Single(Assert.Single(stage.Decisions).Influences).Note);
    }
}
