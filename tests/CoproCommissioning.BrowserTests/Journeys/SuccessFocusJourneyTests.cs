using CoproCommissioning.BrowserTests.Infrastructure;
using CoproCommissioning.Data;
using CoproCommissioning.Domain.Cycles;
using CoproCommissioning.Domain.Specification;
using CoproCommissioning.Domain.Testing;
using CoproCommissioning.Web.Infrastructure.Specification;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace CoproCommissioning.BrowserTests.Journeys;

/// <summary>
/// After a form is sent, the success message has focus, so keyboard and screen-reader users start from it (issue 16);
/// and a commissioner checks what they are signing off before they do.
/// </summary>
public sealed class SuccessFocusJourneyTests(BrowserAppFixture app) : BrowserTest(app), IClassFixture<BrowserAppFixture>
{
    private const string Comment = "Evening appointments would help people who work days";

    private const string FocusedOnSuccess = "() => document.activeElement?.matches('.nhsuk-notification-banner--success[role=alert]') ?? false";

    [Fact]
    public async Task A_panel_member_comments_on_a_section_with_the_keyboard_alone_and_the_success_message_takes_focus()
    {
        var people = await CycleTestData.LoadPeopleAsync(App);
        var cycleId = await CycleTestData.CreateCycleAsync(App, people, c =>
        {
            c.SignOff(StageKind.NeedsAssessment);
            c.SignOff(StageKind.CoDesign);
        });
        Guid sectionId;
        await using (var scope = App.Db())
        {
            var cycle = await scope.Context.Cycles.IncludeStages().SingleAsync(c => c.Id == cycleId, Ct);
            var now = DateTimeOffset.UtcNow;
            var specification = Expect.Success(ServiceSpecification.Start(cycle,
                new("First draft", [new(Guid.CreateVersion7(), "Opening hours", "The service is open **9am to 5pm** on weekdays.", "When you can get help.")], []),
                people.Commissioner, CycleRole.Commissioner, now));
            Expect.Success(specification.OpenForComment(cycle, now.AddDays(14), false, people.Commissioner, CycleRole.Commissioner, now));
            scope.Context.Specifications.Add(specification);
            await scope.Context.SaveChangesAsync(Ct);
            sectionId = specification.Latest.Sections[0].SectionId;
        }

        await Page.SignInWithKeyboardAsync(CyclePeople.PanelEmail);
        await Page.GotoAsync(SpecificationUrls.Overview(cycleId));
        await Page.AssertNoViolationsAsync();
        await Page.TabAndFollowAsync(Page.Locator($"main a[href*='/sections/{sectionId}']").First);
        await Page.TabAndTypeAsync(Page.GetByLabel("Your comment in a sentence"), Comment);
        await Page.TabAndTickAsync(Page.Locator("#Form_Visibility"));
        await Page.TabToAsync(Page.GetByRole(AriaRole.Button, new() { Name = "Send comment" }));
        await Page.Keyboard.PressAsync("Enter");

        var banner = Page.Locator(".nhsuk-notification-banner--success");
        await Assertions.Expect(banner).ToContainTextAsync("Your comment was added");
        await Assertions.Expect(banner).ToBeFocusedAsync();
        Assert.True(await Page.EvaluateAsync<bool>(FocusedOnSuccess), "The success message does not have focus after the comment was sent.");
        await Page.AssertNoViolationsAsync();
        await ScreenshotAsync("comment-sent-focus-on-success");

        // Tab from the message goes on through the page, not back to the top.
        await Page.Keyboard.PressAsync("Tab");
        Assert.False(await Page.EvaluateAsync<bool>("() => document.activeElement?.closest('header') != null"));

        var stored = (await CycleTestData.LoadCycleAsync(App, cycleId)).StageOf(StageKind.Specification).Contributions.Single();
        Assert.Equal(Comment, stored.Summary);
        Assert.Equal(TargetKind.SpecificationSection, stored.TargetKind);
    }

    [Fact]
    public async Task A_commissioner_checks_who_took_part_the_input_and_the_decisions_then_signs_off_and_the_message_takes_focus()
    {
        var people = await CycleTestData.LoadPeopleAsync(App);
        var cycleId = await CycleTestData.CreateCycleAsync(App, people, c =>
        {
            var own = c.FromPanel();
            c.Respond(own);
            c.FromProvider();
            c.Respond(Expect.Success(c.Cycle.LogContributionOnBehalf(StageKind.NeedsAssessment, c.People.Champion, CycleRole.CoProductionChampion,
                null, 6, Voice.Carer, Channel.Workshop, ContributionVisibility.Everyone, "Parents at the Harbourside workshop want evening support", "", c.Next())));
            c.CoProducedDecision(StageKind.NeedsAssessment, "Make evening support a priority need", own);
        });

        await Page.SignInWithKeyboardAsync(CyclePeople.CommissionerEmail);
        await Page.GotoAsync($"/cycles/{cycleId}/stages/needs-assessment/sign-off");
        await Page.AssertNoViolationsAsync();
        await Page.TabAndTypeAsync(Page.GetByLabel("Sign-off statement"), "Agreed with the panel and the parents at the workshop.");
        await Page.TabAndFollowAsync(Page.GetByRole(AriaRole.Button, new() { Name = "Continue" }));

        var summary = Page.Locator("#what-you-are-signing-off");
        await Assertions.Expect(Page.Locator("h1")).ToContainTextAsync("Check before you sign off needs assessment");
        await Assertions.Expect(summary).ToContainTextAsync("People without an account (6)");
        await Assertions.Expect(summary).ToContainTextAsync("Carer: 1 (carrying 6 people's voices)");
        await Assertions.Expect(summary).ToContainTextAsync("Make evening support a priority need (Co-produced)");
        await Assertions.Expect(summary).ToContainTextAsync("Agreed with the panel and the parents at the workshop.");
        await Page.AssertNoViolationsAsync();
        await ScreenshotAsync("sign-off-check-what-you-are-signing-off");
        await Page.TabAndFollowAsync(Page.GetByRole(AriaRole.Button, new() { Name = "Confirm and sign off needs assessment" }));
        await Assertions.Expect(Page.Locator(".nhsuk-notification-banner--success")).ToContainTextAsync("Needs assessment signed off");
        Assert.True(await Page.EvaluateAsync<bool>(FocusedOnSuccess), "The success message does not have focus after signing off.");
        await ScreenshotAsync("signed-off-focus-on-success");
        Assert.True((await CycleTestData.LoadCycleAsync(App, cycleId)).StageOf(StageKind.NeedsAssessment).IsSignedOff);
    }
}
