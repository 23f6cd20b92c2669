using CoproCommissioning.BrowserTests.Infrastructure;
using CoproCommissioning.Data;
using CoproCommissioning.Domain.Cycles;
using CoproCommissioning.Domain.Specification;
using CoproCommissioning.Domain.Testing;
using CoproCommissioning.Web.DemoData;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace CoproCommissioning.BrowserTests.Journeys;

/// <summary>
/// Each person is guided to their own tasks: a panel member lands on "My cycles", goes straight to the specification's
/// sections and reaches "What happened to my input" from the header, where a new answer is marked until seen; a provider never sees a sign-off checklist; the
/// phase banner's feedback link reaches an administrator.
/// </summary>
public sealed class RoleGuidanceJourneyTests(BrowserAppFixture app) : BrowserTest(app), IClassFixture<BrowserAppFixture>
{
    private const string SpecificationTitle = "Community crisis alternatives";
    private const string CoDesignTitle = "Peer support in the community";

    [Fact]
    public async Task A_panel_member_goes_from_sign_in_to_the_specification_sections_and_to_what_happened_to_their_input()
    {
        var people = await CycleTestData.LoadPeopleAsync(App);
        var said = $"Somewhere to go at night that is not A&E ({Guid.NewGuid():N})";
        const string Answer = "The crisis café opens in the evenings, as you asked.";
        var cycleId = await CycleTestData.CreateCycleAsync(App, people, c =>
        {
            c.SignOff(StageKind.NeedsAssessment);
            c.Respond(c.FromPanel(StageKind.CoDesign, said), Answer);
            c.SignOff(StageKind.CoDesign);
        }, title: SpecificationTitle);
        await OpenSpecificationForCommentAsync(cycleId, people.Commissioner);

        await SignInAsync(CyclePeople.PanelEmail, DemoSeeder.Password);
        Assert.EndsWith("/cycles", new Uri(Page.Url).AbsolutePath, StringComparison.Ordinal);
        await Assertions.Expect(Page.Locator("h1")).ToHaveTextAsync("My cycles");
        var navigation = Page.GetByRole(AriaRole.Navigation, new() { Name = "Menu" });
        await Assertions.Expect(navigation.GetByRole(AriaRole.Link, new() { Name = "My cycles" })).ToHaveAttributeAsync("aria-current", "page");
        await Page.AssertNoViolationsAsync();
        await ScreenshotAsync("1-my-cycles");

        await Page.Locator(".nhsuk-card", new() { HasText = SpecificationTitle })
            .GetByRole(AriaRole.Link, new() { Name = "Specification is open for your input" }).ClickAsync();
        Assert.Equal($"/cycles/{cycleId}/specification", new Uri(Page.Url).AbsolutePath);
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Opening hours" })).ToBeVisibleAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Link, new() { Name = "Comment on this section" }).First).ToBeVisibleAsync();
        await Page.AssertNoViolationsAsync();
        await ScreenshotAsync("2-specification-sections");

        // Back to the dashboard, whose card for the cycle counts the new answers and opens them.
        await navigation.GetByRole(AriaRole.Link, new() { Name = "My cycles" }).ClickAsync();
        var card = Page.Locator(".nhsuk-card", new() { HasText = SpecificationTitle });
        await card.GetByRole(AriaRole.Link, new() { Name = "3 new responses to your input" }).ClickAsync();
        await Assertions.Expect(Page.Locator("h1")).ToHaveTextAsync("What happened to my input");
        var answered = Page.Locator(".nhsuk-card", new() { HasText = said });
        await Assertions.Expect(answered).ToContainTextAsync(Answer);
        await Assertions.Expect(answered.Locator(".app-new-tag")).ToHaveTextAsync("New answer");
        await Page.AssertNoViolationsAsync();
        await ScreenshotAsync("3-what-happened-to-my-input");

        // Seen once, the answer is no longer new, here or on the dashboard.
        await Page.ReloadAsync();
        await Assertions.Expect(answered).ToContainTextAsync(Answer);
        await Assertions.Expect(answered.Locator(".app-new-tag")).ToHaveCountAsync(0);
        await Page.AssertNoViolationsAsync();
        await ScreenshotAsync("4-answer-seen");
        await navigation.GetByRole(AriaRole.Link, new() { Name = "My cycles" }).ClickAsync();
        await Assertions.Expect(card).ToBeVisibleAsync();
        await Assertions.Expect(card).Not.ToContainTextAsync("new response");

        await navigation.GetByRole(AriaRole.Link, new() { Name = "What happened to my input" }).ClickAsync();
        await Assertions.Expect(Page.Locator("h1")).ToHaveTextAsync("What happened to my input");
        await Assertions.Expect(navigation.GetByRole(AriaRole.Link, new() { Name = "What happened to my input" })).ToHaveAttributeAsync("aria-current", "page");
        await Page.AssertNoViolationsAsync();
        await using var scope = App.Db();
        var contributionId = await scope.Context.Cycles.Where(c => c.Id == cycleId).SelectMany(c => c.Stages).SelectMany(s => s.Contributions)
            .Where(c => c.Summary == said).Select(c => c.Id).SingleAsync(Ct);
        Assert.True(await scope.Context.SeenResponses.AnyAsync(r => r.ContributionId == contributionId && r.UserId == people.Panel, Ct));
    }

    [Fact]
    public async Task A_provider_sees_the_stage_workspace_and_overview_without_a_sign_off_checklist()
    {
        var people = await CycleTestData.LoadPeopleAsync(App);
        var cycleId = await CycleTestData.CreateCycleAsync(App, people, c =>
        {
            c.SignOff(StageKind.NeedsAssessment);
            c.FromPanel(StageKind.CoDesign, "Peer workers who have been there");
            c.FromProvider(StageKind.CoDesign);
        }, title: CoDesignTitle);

        await SignInAsync(CyclePeople.ProviderEmail, DemoSeeder.Password);
        await Page.Locator(".nhsuk-card", new() { HasText = CoDesignTitle }).GetByRole(AriaRole.Link, new() { Name = CoDesignTitle }).ClickAsync();
        await Assertions.Expect(Page.Locator("h1")).ToContainTextAsync(CoDesignTitle);
        await AssertNoSignOffChecklistAsync();
        await Assertions.Expect(Page.Locator("#stage-co-design-status")).ToHaveTextAsync("In progress");
        await Page.AssertNoViolationsAsync();
        await ScreenshotAsync("1-provider-overview");

        await Page.GetByRole(AriaRole.Link, new() { Name = "Co-design" }).ClickAsync();
        await Assertions.Expect(Page.Locator("h1")).ToContainTextAsync("Co-design");
        await AssertNoSignOffChecklistAsync();
        await Page.AssertNoViolationsAsync();
        await ScreenshotAsync("2-provider-co-design-workspace");

        await Page.GotoAsync($"/cycles/{cycleId}/stages/needs-assessment");
        await Assertions.Expect(Page.Locator("main")).ToContainTextAsync("Needs assessment was signed off");
        await AssertNoSignOffChecklistAsync();
        await Page.AssertNoViolationsAsync();
        await ScreenshotAsync("3-provider-needs-assessment-hub");

        var refused = await Page.GotoAsync($"/cycles/{cycleId}/stages/co-design/sign-off");
        Assert.Equal(403, refused!.Status);
    }

    [Fact]
    public async Task Someone_not_signed_in_sends_feedback_from_the_phase_banner_and_an_administrator_reads_it()
    {
        var said = $"The home page explains the service well ({Guid.NewGuid():N}).";

        await Page.GotoAsync("/");
        await Page.Locator(".app-phase-banner").GetByRole(AriaRole.Link, new() { Name = "feedback" }).ClickAsync();
        await Assertions.Expect(Page.Locator("h1")).ToHaveTextAsync("Give feedback on this service");
        await Assertions.Expect(Page.Locator("main")).ToContainTextAsync("Do not include personal or health information");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Send feedback" }).ClickAsync();
        await Assertions.Expect(Page.Locator("#Form_Text-error")).ToContainTextAsync("Enter your feedback.");
        await Page.AssertNoViolationsAsync();
        await ScreenshotAsync("1-feedback-error");

        await Page.GetByLabel("Your feedback").FillAsync(said);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Send feedback" }).ClickAsync();
        await Assertions.Expect(Page.Locator("h1")).ToHaveTextAsync("Thank you for your feedback");
        await Page.AssertNoViolationsAsync();
        await ScreenshotAsync("2-feedback-sent");

        await SignInAsync(CyclePeople.ObserverEmail, DemoSeeder.Password);
        await Page.GetByRole(AriaRole.Navigation, new() { Name = "Menu" }).GetByRole(AriaRole.Link, new() { Name = "Administration" }).ClickAsync();
        await Page.GetByRole(AriaRole.Link, new() { Name = "Feedback on the service" }).ClickAsync();
        await Assertions.Expect(Page.Locator("main")).ToContainTextAsync(said);
        await Assertions.Expect(Page.Locator("main")).ToContainTextAsync("Sent from /.");
        await Page.AssertNoViolationsAsync();
        await ScreenshotAsync("3-feedback-list");

        await using var scope = App.Db();
        Assert.Equal("/", (await scope.Context.Feedback.SingleAsync(f => f.Text == said, Ct)).Page);
    }

    private async Task AssertNoSignOffChecklistAsync()
    {
        var main = Page.Locator("main");
        foreach (var words in new[] { "to do before", "needed to sign off", "needed for sign-off", "ready to sign off", "Sign-off rule" })
        {
            await Assertions.Expect(main).Not.ToContainTextAsync(words, new() { IgnoreCase = true });
        }

        Assert.Equal(0, await main.Locator("a[href$='/sign-off']").CountAsync());
    }

    private async Task OpenSpecificationForCommentAsync(Guid cycleId, string commissioner)
    {
        await using var scope = App.Db();
        var cycle = await scope.Context.Cycles.IncludeStages().SingleAsync(c => c.Id == cycleId, Ct);
        var now = DateTimeOffset.UtcNow;
        var draft = new VersionDraft("First draft",
            [
                new SectionDraft(Guid.CreateVersion7(), "Who the service is for", "Adults in Harbourside who are in crisis or close to it.", "Grown-ups in Harbourside."),
                new SectionDraft(Guid.CreateVersion7(), "Opening hours", "The crisis café is open **6pm to midnight**, every day.", ""),
            ],
            []);
        var specification = Expect.Success(ServiceSpecification.Start(cycle, draft, commissioner, CycleRole.Commissioner, now.AddHours(-1)));
        Expect.Success(specification.OpenForComment(cycle, now.AddDays(14), false, commissioner, CycleRole.Commissioner, now.AddMinutes(-30)));
        scope.Context.Specifications.Add(specification);
        await scope.Context.SaveChangesAsync(Ct);
    }
}
