using CoproCommissioning.BrowserTests.Infrastructure;
using CoproCommissioning.Domain.Cycles;
using CoproCommissioning.Web.DemoData;
using Microsoft.Playwright;

namespace CoproCommissioning.BrowserTests.Journeys;

/// <summary>
/// Journey 1: a commissioner tries to sign off needs assessment with only provider input and sees why not; a
/// panel member adds an insight; the commissioner answers it, records a co-produced decision citing it and signs off.
/// </summary>
public sealed class CycleSignOffJourneyTests(BrowserAppFixture app) : BrowserTest(app), IClassFixture<BrowserAppFixture>
{
    private const string Title = "Early intervention in psychosis, Harbourside";
    private const string Insight = "I waited eleven weeks for a first appointment";

    [Fact]
    public async Task A_stage_is_signed_off_once_input_is_answered_and_cited()
    {
        var people = await CycleTestData.LoadPeopleAsync(App);
        var cycleId = await CycleTestData.CreateCycleAsync(App, people, c => c.FromProvider(), title: Title);

        // The commissioner finds the cycle and is told, in plain words, why needs assessment cannot be signed off.
        await SignInAsync(CyclePeople.CommissionerEmail, DemoSeeder.Password);
        await Page.GotoAsync("/cycles");
        await Assertions.Expect(Page.Locator("h1")).ToHaveTextAsync("My cycles");
        await Page.AssertNoViolationsAsync();
        await ScreenshotAsync("dashboard");
        await Page.GetByRole(AriaRole.Link, new() { Name = Title }).ClickAsync();
        await Page.AssertNoViolationsAsync();
        await Page.GetByRole(AriaRole.Link, new() { Name = "Needs assessment" }).ClickAsync();
        await Assertions.Expect(Page.Locator("main")).ToContainTextAsync("38 people are in placements out of area");
        await Page.AssertNoViolationsAsync();
        await ScreenshotAsync("stage-workspace");
        await Page.GetByRole(AriaRole.Link, new() { Name = "See what is needed to sign off" }).ClickAsync();
        await Assertions.Expect(Page.Locator("main ol")).ToContainTextAsync(CycleRules.LivedExperienceInputRequired.Message);
        // With both minimums at 1, the two R1 rules read as one item.
        await Assertions.Expect(Page.Locator("main ol")).Not.ToContainTextAsync(CycleRules.DistinctContributorsRequired.Message);
        await Assertions.Expect(Page.GetByLabel("Sign-off statement")).ToHaveCountAsync(0);
        await Page.AssertNoViolationsAsync();
        await ScreenshotAsync("sign-off");
        Assert.Equal(StageStatus.Open, (await CycleTestData.LoadCycleAsync(App, cycleId)).StageOf(StageKind.NeedsAssessment).Status);
        await Page.SignOutAsync();

        // A panel member adds an insight in their own voice.
        await SignInAsync(CyclePeople.PanelEmail, DemoSeeder.Password);
        await Page.GotoAsync("/cycles");
        await Page.Locator(".nhsuk-card", new() { HasText = Title })
            .GetByRole(AriaRole.Link, new() { Name = "Needs assessment is open for your input" }).ClickAsync();
        await Page.AssertNoViolationsAsync();
        await Page.GetByLabel("Summary", new() { Exact = true }).FillAsync(Insight);
        await Page.GetByLabel("More detail (optional)").FillAsync("By then I had stopped going out. Someone to talk to while I waited would have helped.");
        await Page.GetByLabel("Everyone in this cycle").CheckAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Add your input" }).ClickAsync();
        await Assertions.Expect(Page.Locator(".nhsuk-notification-banner")).ToContainTextAsync("Your input was added to needs assessment");
        await Page.AssertNoViolationsAsync();
        var insight = (await CycleTestData.LoadCycleAsync(App, cycleId)).StageOf(StageKind.NeedsAssessment).Contributions.Single(c => c.Summary == Insight);
        Assert.Equal((people.Panel, Voice.LivedExperience), (insight.AuthorUserId, insight.Voice));
        await Page.SignOutAsync();

        // The commissioner answers it, records a co-produced decision citing it, and signs off.
        await SignInAsync(CyclePeople.CommissionerEmail, DemoSeeder.Password);
        await Page.GotoAsync(CycleUrls.Stage(cycleId));
        await Page.GetByRole(AriaRole.Link, new() { Name = $"Respond to “{Insight}”" }).ClickAsync();
        await Page.AssertNoViolationsAsync();
        await Page.GetByLabel("Adopted", new() { Exact = true }).CheckAsync();
        await Page.GetByLabel("Explain what you did, and why").FillAsync("The new service will offer a first contact within two weeks, and peer support while people wait.");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Save response" }).ClickAsync();
        await Assertions.Expect(Page.Locator(".nhsuk-notification-banner")).ToContainTextAsync("Response saved");
        await Page.AssertNoViolationsAsync();

        await Page.GetByRole(AriaRole.Button, new() { Name = "Record a decision" }).ClickAsync();
        await Page.AssertNoViolationsAsync();
        await Page.GetByLabel("Title").FillAsync("First contact within two weeks");
        await Page.GetByLabel("What was decided").FillAsync("Everyone referred will be contacted within two weeks, with peer support offered while they wait.");
        await Page.GetByLabel("Co-produced", new() { Exact = true }).CheckAsync();
        await Page.GetByLabel("Co-production", new() { Exact = true }).CheckAsync();
        await Page.GetByLabel("Priya Sharma (you)").CheckAsync();
        await Page.GetByLabel("Jess Morgan").CheckAsync();
        await Page.GetByLabel(Insight).CheckAsync();
        await Page.Locator($"#Form_Notes_{insight.Id}_").FillAsync("Set the two-week target.");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Record decision" }).ClickAsync();
        await Assertions.Expect(Page.Locator(".nhsuk-notification-banner")).ToContainTextAsync("Decision recorded: First contact within two weeks");
        await Assertions.Expect(Page.Locator("main")).ToContainTextAsync("Shaped by 1 lived-experience contribution");
        await Page.AssertNoViolationsAsync();

        await Page.GetByRole(AriaRole.Link, new() { Name = "Sign off needs assessment" }).ClickAsync();
        await Page.AssertNoViolationsAsync();
        await ScreenshotAsync("sign-off-ready");
        await Page.GetByLabel("Sign-off statement").FillAsync("Agreed with the panel: first contact within two weeks.");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        // The check step: nothing is signed off until the commissioner confirms what they see.
        await Assertions.Expect(Page.Locator("h1")).ToContainTextAsync("Check before you sign off needs assessment");
        await Assertions.Expect(Page.Locator("#what-you-are-signing-off")).ToContainTextAsync("First contact within two weeks (Co-produced)");
        await Assertions.Expect(Page.Locator("#what-you-are-signing-off")).ToContainTextAsync("Agreed with the panel: first contact within two weeks.");
        await Page.AssertNoViolationsAsync();
        Assert.Equal(StageStatus.Open, (await CycleTestData.LoadCycleAsync(App, cycleId)).StageOf(StageKind.NeedsAssessment).Status);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Confirm and sign off needs assessment" }).ClickAsync();
        await Assertions.Expect(Page.Locator(".nhsuk-notification-banner")).ToContainTextAsync("Needs assessment signed off. Co-design is open.");
        await Assertions.Expect(Page.Locator(".nhsuk-task-list__item").First).ToContainTextAsync("Signed off");
        await Page.AssertNoViolationsAsync();

        var cycle = await CycleTestData.LoadCycleAsync(App, cycleId);
        var stage = cycle.StageOf(StageKind.NeedsAssessment);
        Assert.Equal(StageStatus.SignedOff, stage.Status);
        Assert.Equal("Agreed with the panel: first contact within two weeks.", Assert.Single(stage.History).Text);
        Assert.Equal(ResponseType.Adopted, cycle.FindContribution(insight.Id)!.CurrentResponse!.Type);
        var decision = Assert.Single(stage.Decisions);
        Assert.Equal((insight.Id, "Set the two-week target."), decision.Influences.Select(i => (i.ContributionId, i.Note)).Single());
        Assert.Equal(new[] { people.Commissioner, people.Panel }.Order(), decision.Participants.Select(p => p.UserId).Order());
    }
}
