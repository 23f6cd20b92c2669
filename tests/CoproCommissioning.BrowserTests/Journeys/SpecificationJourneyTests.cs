using System.Globalization;
using CoproCommissioning.BrowserTests.Infrastructure;
using CoproCommissioning.Data;
using CoproCommissioning.Domain.Cycles;
using CoproCommissioning.Domain.Membership;
using CoproCommissioning.Domain.Testing;
using CoproCommissioning.Web.DemoData;
using CoproCommissioning.Web.Infrastructure.Specification;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace CoproCommissioning.BrowserTests.Journeys;

public sealed class SpecificationJourneyTests(BrowserAppFixture app) : BrowserTest(app), IClassFixture<BrowserAppFixture>
{
    private const string Commissioner = "commissioner@demo.copro.test";
    private const string Panel = "panel@demo.copro.test";

    [Fact]
    public async Task A_draft_is_commented_on_by_keyboard_changed_because_of_the_comment_compared_approved_and_signed_off()
    {
        var cycleId = await CycleAtSpecificationStageAsync();
        var overview = SpecificationUrls.Overview(cycleId);

        // A commissioner agrees a glossary term, writes v1 with three sections and opens it for comment.
        await SignInAsync(Commissioner, DemoSeeder.Password);
        await Page.GotoAsync(SpecificationUrls.Glossary(cycleId));
        await Page.AssertNoViolationsAsync();
        await Page.GetByLabel("Word or phrase").FillAsync("crisis plan");
        await Page.GetByLabel("What it means, in plain words").FillAsync("A plan you make with your care team about what helps when things get hard.");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Add term" }).ClickAsync();
        await Assertions.Expect(Page.Locator(".nhsuk-notification-banner")).ToContainTextAsync("added to the glossary");

        await Page.GotoAsync(overview);
        await Page.AssertNoViolationsAsync();
        await Page.GetByRole(AriaRole.Link, new() { Name = "Write the first draft" }).ClickAsync();
        await Page.AssertNoViolationsAsync();
        await FillSectionAsync(0, "Who the service is for", "Adults aged 18 to 65 in Leeds who need support with their mental health.", "Grown-ups in Leeds.");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Add another section" }).ClickAsync();
        await FillSectionAsync(1, "Opening hours", "The service is open **9am to 5pm**, Monday to Friday.\n\nIf you have a crisis plan, the team follows it.", "When you can get help.");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Add another section" }).ClickAsync();
        await FillSectionAsync(2, "Staffing", "Each team has a psychologist and 2 nurses.", "");
        await Page.AssertNoViolationsAsync();
        await ScreenshotAsync("1-edit-v1");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Save as version 1" }).ClickAsync();
        await Assertions.Expect(Page.Locator(".nhsuk-notification-banner")).ToContainTextAsync("Version 1 saved");
        await Page.AssertNoViolationsAsync();

        await Page.GetByRole(AriaRole.Link, new() { Name = "Open for comments" }).ClickAsync();
        await Page.AssertNoViolationsAsync();
        var closes = DateTime.UtcNow.AddDays(14);
        await Page.GetByLabel("Day", new() { Exact = true }).FillAsync(closes.Day.ToString(CultureInfo.InvariantCulture));
        await Page.GetByLabel("Month", new() { Exact = true }).FillAsync(closes.Month.ToString(CultureInfo.InvariantCulture));
        await Page.GetByLabel("Year", new() { Exact = true }).FillAsync(closes.Year.ToString(CultureInfo.InvariantCulture));
        await Page.GetByLabel("No, only panel members").CheckAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Open version 1 for comments" }).ClickAsync();
        await Assertions.Expect(Page.Locator(".nhsuk-notification-banner")).ToContainTextAsync("Version 1 is open for comments");
        await Page.AssertNoViolationsAsync();
        await ScreenshotAsync("2-overview-open-for-comment");

        var openingHours = await SectionIdAsync(cycleId, 1);

        // A panel member comments on section 2 with the keyboard only.
        await using var panelContext = await App.Browser.NewContextAsync(new() { BaseURL = App.BaseUrl, Locale = "en-GB" });
        var panel = await panelContext.NewPageAsync();
        await SignInAsync(panel, Panel);
        await panel.GotoAsync(overview);
        await panel.AssertNoViolationsAsync();
        await TabToAsync(panel, $"main a[href*='/sections/{openingHours}']");
        await panel.Keyboard.PressAsync("Enter");
        await panel.WaitForURLAsync($"**/sections/{openingHours}**");
        await Assertions.Expect(panel.Locator(".nhsuk-error-summary")).ToHaveCountAsync(0);
        await panel.AssertNoViolationsAsync();

        // The glossary term's meaning is shown on keyboard focus and is the link's accessible description.
        await TabToAsync(panel, ".app-glossary-term__link");
        await Assertions.Expect(panel.Locator(".app-glossary-term__meaning").First).ToBeVisibleAsync();
        await Assertions.Expect(panel.Locator(".app-glossary-term__link").First)
            .ToHaveAccessibleDescriptionAsync("A plan you make with your care team about what helps when things get hard.");
        await panel.ScreenshotAsync(new() { Path = Path.Combine(Artifacts.Folder, "specification-3-glossary-term-on-focus.png"), FullPage = true });
        await panel.Keyboard.PressAsync("Escape");
        await Assertions.Expect(panel.Locator(".app-glossary-term__meaning").First).ToBeHiddenAsync();
        await Assertions.Expect(panel.Locator(".app-glossary-term__link").First).ToBeFocusedAsync();

        await TabToAsync(panel, "#Form_Summary");
        await panel.Keyboard.TypeAsync("Evening opening would help people who work");
        await panel.Keyboard.PressAsync("Tab");
        await Assertions.Expect(panel.Locator("#Form_Body")).ToBeFocusedAsync();
        await panel.Keyboard.TypeAsync("I finish work at 6pm, so I can never get there.");
        await TabToAsync(panel, "#Form_Visibility");
        await panel.Keyboard.PressAsync("Space");
        await Assertions.Expect(panel.Locator("#Form_Visibility")).ToBeCheckedAsync();
        await TabToAsync(panel, "main button[type=submit]");
        await panel.Keyboard.PressAsync("Enter");
        await Assertions.Expect(panel.Locator(".nhsuk-notification-banner")).ToContainTextAsync("Your comment was added");
        await Assertions.Expect(panel.Locator("#comments + ul")).ToContainTextAsync("Awaiting response");
        await panel.AssertNoViolationsAsync();
        await panel.ScreenshotAsync(new() { Path = Path.Combine(Artifacts.Folder, "specification-4-panel-comment.png"), FullPage = true });

        // The commissioner saves v2, changing section 2, and links the comment.
        await Page.GotoAsync(SpecificationUrls.Edit(cycleId));
        await Page.Locator("#Form_Sections_1__Body").FillAsync("The service is open **9am to 9pm**, every day.\n\nIf you have a crisis plan, the team follows it.");
        await Page.GetByLabel("Adopted: changed as suggested").CheckAsync();
        await Page.GetByLabel("What changed in this version?").FillAsync("Open until 9pm every day, as the panel asked.");
        await Page.AssertNoViolationsAsync();
        await ScreenshotAsync("5-edit-v2-linking-the-comment");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Save as version 2" }).ClickAsync();
        await Assertions.Expect(Page.Locator(".nhsuk-notification-banner")).ToContainTextAsync("Version 2 saved. 1 comment answered");
        await Assertions.Expect(Page.Locator(".app-specification-section").Nth(1)).ToContainTextAsync("Changed in v2 because of 1 panel comment");
        await Page.AssertNoViolationsAsync();

        // The panel member sees what happened to their comment.
        await panel.GotoAsync("/my-input");
        var myComment = panel.Locator(".nhsuk-card", new() { HasText = "Evening opening would help people who work" });
        await Assertions.Expect(myComment).ToContainTextAsync("Adopted \u2014 changed in v2");
        await Assertions.Expect(myComment).ToContainTextAsync("On Opening hours (v1)");
        await Assertions.Expect(myComment.GetByRole(AriaRole.Link, new() { Name = "See Opening hours in the specification" }))
            .ToHaveAttributeAsync("href", SpecificationUrls.Section(cycleId, openingHours));
        await panel.AssertNoViolationsAsync();
        await panel.ScreenshotAsync(new() { Path = Path.Combine(Artifacts.Folder, "specification-6-my-input.png"), FullPage = true });

        // The difference between v1 and v2 shows the change.
        await panel.GotoAsync(overview);
        await panel.GetByRole(AriaRole.Link, new() { Name = "Compare with version 1" }).ClickAsync();
        await Assertions.Expect(panel.Locator(".app-comparison ins.app-diff__added").First).ToContainTextAsync("9pm");
        await Assertions.Expect(panel.Locator(".app-comparison del.app-diff__removed").First).ToContainTextAsync("5pm");
        await Assertions.Expect(panel.Locator("main")).ToContainTextAsync("Changed because of 1 panel comment");
        await panel.AssertNoViolationsAsync();
        await panel.ScreenshotAsync(new() { Path = Path.Combine(Artifacts.Folder, "specification-7-compare.png"), FullPage = true });

        // The commissioner closes comments, approves v2 (a decision in the stage) and signs the stage off.
        await Page.GotoAsync(SpecificationUrls.Comments(cycleId));
        await Page.AssertNoViolationsAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Close comments now" }).ClickAsync();
        await Page.GetByRole(AriaRole.Link, new() { Name = "Approve the specification" }).ClickAsync();
        await Page.AssertNoViolationsAsync();
        await ScreenshotAsync("8-approve");
        // A co-produced approval needs a person with lived experience or a carer taking part (R2, checked as it is saved).
        await Page.GetByLabel("(Panel member)").First.CheckAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Approve version 2" }).ClickAsync();
        await Assertions.Expect(Page.Locator(".nhsuk-notification-banner")).ToContainTextAsync("Version 2 is approved");
        await Page.AssertNoViolationsAsync();

        await Page.GotoAsync(SpecificationUrls.SignOff(cycleId));
        await Page.AssertNoViolationsAsync();
        await Page.GetByLabel("Sign-off statement").FillAsync("Specification version 2 agreed with the panel; evening opening came from their comments.");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await Assertions.Expect(Page.Locator("#what-you-are-signing-off")).ToContainTextAsync("Specification version 2 approved");
        await Page.AssertNoViolationsAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Confirm and sign off specification" }).ClickAsync();
        await Page.WaitForURLAsync(url => !url.Contains("/sign-off", StringComparison.Ordinal));

        await Page.GotoAsync(overview);
        await Assertions.Expect(Page.Locator("main")).ToContainTextAsync("The specification stage is signed off, so the specification can no longer change.");
        await Assertions.Expect(Page.GetByRole(AriaRole.Link, new() { Name = "Edit the draft" })).ToHaveCountAsync(0);
        await Page.AssertNoViolationsAsync();
        await Page.GetByRole(AriaRole.Link, new() { Name = "Print or save the approved specification" }).ClickAsync();
        await Assertions.Expect(Page.Locator("main")).ToContainTextAsync("Approved final specification. The specification stage is signed off.");
        await Page.AssertNoViolationsAsync();
        await ScreenshotAsync("9-print");
        await Page.EmulateMediaAsync(new() { Media = Media.Print });
        await Assertions.Expect(Page.Locator("header.nhsuk-header")).ToBeHiddenAsync();
        await ScreenshotAsync("10-print-media");

        await using var scope = App.Db();
        var cycle = await scope.Context.Cycles.IncludeStages().AsNoTracking().SingleAsync(c => c.Id == cycleId, Ct);
        Assert.True(cycle.StageOf(StageKind.Specification).IsSignedOff);
        var specification = await scope.Context.Specifications.AsNoTracking().SingleAsync(s => s.CycleId == cycleId, Ct);
        Assert.Equal(2, specification.ApprovedVersionNumber);
        Assert.Equal(specification.ApprovalDecisionId, Assert.Single(cycle.StageOf(StageKind.Specification).Decisions).Id);
    }

    [Fact]
    public async Task A_commissioner_adds_an_outcome_and_agrees_a_term_a_panel_member_suggested()
    {
        var cycleId = await CycleAtSpecificationStageAsync();
        await using (var scope = App.Db())
        {
            var cycle = await scope.Context.Cycles.IncludeStages().SingleAsync(c => c.Id == cycleId, Ct);
            var commissionerId = await scope.Context.Users.Where(u => u.Email == Commissioner).Select(u => u.Id).SingleAsync(Ct);
            scope.Context.Specifications.Add(Expect.Success(Domain.Specification.ServiceSpecification.Start(cycle,
                new("First draft", [new(Guid.CreateVersion7(), "Who the service is for", "Adults in Leeds.", "")], []),
                commissionerId, CycleRole.Commissioner, DateTimeOffset.UtcNow)));
            await scope.Context.SaveChangesAsync(Ct);
        }

        // A panel member suggests a glossary term.
        await using var panelContext = await App.Browser.NewContextAsync(new() { BaseURL = App.BaseUrl, Locale = "en-GB" });
        var panel = await panelContext.NewPageAsync();
        await SignInAsync(panel, Panel);
        await panel.GotoAsync(SpecificationUrls.Glossary(cycleId));
        await panel.GetByRole(AriaRole.Button, new() { Name = "Suggest term" }).ClickAsync();
        await Assertions.Expect(panel.Locator(".nhsuk-error-summary")).ToContainTextAsync("Enter the word or phrase");
        await panel.AssertNoViolationsAsync();
        await panel.GetByLabel("Word or phrase").FillAsync("Step-down");
        await panel.GetByLabel("What it means, in plain words").FillAsync("Support after hospital");
        await panel.GetByRole(AriaRole.Button, new() { Name = "Suggest term" }).ClickAsync();
        await Assertions.Expect(panel.Locator(".nhsuk-notification-banner")).ToContainTextAsync("a commissioner will agree it");
        await panel.AssertNoViolationsAsync();

        // The commissioner agrees it, rewording the meaning.
        await SignInAsync(Commissioner, DemoSeeder.Password);
        await Page.GotoAsync(SpecificationUrls.Glossary(cycleId));
        await Page.GetByRole(AriaRole.Link, new() { Name = "Agree or change Step-down" }).ClickAsync();
        await Page.AssertNoViolationsAsync();
        await Page.GetByLabel("What it means, in plain words").FillAsync("Support to settle back at home after a stay in hospital.");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Agree term" }).ClickAsync();
        await Assertions.Expect(Page.Locator(".nhsuk-notification-banner")).ToContainTextAsync("is agreed");
        await Page.AssertNoViolationsAsync();

        // The commissioner adds an outcome: the first try is not an "I" statement.
        await Page.GotoAsync(SpecificationUrls.Outcomes(cycleId));
        await Page.AssertNoViolationsAsync();
        await Page.GetByRole(AriaRole.Link, new() { Name = "Add an outcome" }).ClickAsync();
        await Page.AssertNoViolationsAsync();
        await Page.GetByLabel("The outcome, as an \"I\" statement").FillAsync("People get help before crisis");
        await Page.GetByLabel("Mental wellbeing").CheckAsync();
        await Page.GetByLabel("How will you know?").FillAsync("What people say at their 3-month review.");
        foreach (var (level, text) in new[]
        {
            ("Poor", "Most people reach crisis before they get help."),
            ("Fair", "Some people get help early."),
            ("Good", "Most people get help within 2 days."),
            ("Stretch", "Most people get help the same day."),
            ("Outstanding", "Nobody has to reach crisis to be heard."),
        })
        {
            await Page.GetByLabel(level, new() { Exact = true }).FillAsync(text);
        }

        await Page.GetByLabel("What changed in this version?").FillAsync("Added the first outcome.");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Save as version 2" }).ClickAsync();
        await Assertions.Expect(Page.Locator(".nhsuk-error-summary")).ToContainTextAsync("starting with \"I\"");
        await Assertions.Expect(Page.Locator("#Form_Statement")).ToHaveValueAsync("People get help before crisis");
        await Page.AssertNoViolationsAsync();
        await ScreenshotAsync("outcome-error");
        await Page.GetByLabel("The outcome, as an \"I\" statement").FillAsync("I can get help before I reach crisis");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Save as version 2" }).ClickAsync();
        await Assertions.Expect(Page.Locator(".nhsuk-notification-banner")).ToContainTextAsync("Version 2 saved");
        await Assertions.Expect(Page.Locator("main")).ToContainTextAsync("Nobody has to reach crisis to be heard.");
        await Assertions.Expect(Page.Locator(".app-change-note")).ToHaveTextAsync("Added in v2.");
        await Page.AssertNoViolationsAsync();
        await ScreenshotAsync("outcomes");

        await Page.GetByRole(AriaRole.Link, new() { Name = "Comments (0) on the outcome: I can get help before I reach crisis" }).ClickAsync();
        await Assertions.Expect(Page.Locator("h1")).ToContainTextAsync("I can get help before I reach crisis");
        await Page.AssertNoViolationsAsync();
    }

    /// <summary>Earlier stages signed off through the domain (the builder), with the demo commissioner and panel member as members.</summary>
    private async Task<Guid> CycleAtSpecificationStageAsync()
    {
        await using var scope = App.Db();
        var db = scope.Context;
        var cycle = ACycle.AtStage(StageKind.Specification).Build();
        db.Cycles.Add(cycle);
        foreach (var (email, role) in new[] { (Commissioner, CycleRole.Commissioner), (Panel, CycleRole.PanelMember) })
        {
            var userId = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync(Ct);
            db.Memberships.Add(Expect.Success(CycleMembership.Create(cycle.Id, userId, role,
                role == CycleRole.PanelMember ? Voice.LivedExperience : null, null, null, DateTimeOffset.UtcNow)));
        }

        await db.SaveChangesAsync(Ct);
        return cycle.Id;
    }

    private async Task<Guid> SectionIdAsync(Guid cycleId, int index)
    {
        await using var scope = App.Db();
        var specification = await scope.Context.Specifications.IncludeVersions().AsNoTracking().SingleAsync(s => s.CycleId == cycleId, Ct);
        return specification.Latest.Sections[index].SectionId;
    }

    private async Task FillSectionAsync(int index, string title, string text, string plainSummary)
    {
        await Page.Locator($"#Form_Sections_{index}__Title").FillAsync(title);
        await Page.Locator($"#Form_Sections_{index}__PlainSummary").FillAsync(plainSummary);
        await Page.Locator($"#Form_Sections_{index}__Body").FillAsync(text);
    }

    private static async Task SignInAsync(IPage page, string email)
    {
        await page.GotoAsync("/Identity/Account/Login");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(DemoSeeder.Password);
        await page.Locator("form#account button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/Account/Login", StringComparison.Ordinal));
    }

    /// <summary>Presses Tab until the element matching <paramref name="selector"/> has focus, as a keyboard user would.</summary>
    private static async Task TabToAsync(IPage page, string selector)
    {
        for (int presses = 0; presses < 150; presses++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (await page.EvaluateAsync<bool>("s => document.activeElement?.matches(s) ?? false", selector))
            {
                return;
            }
        }

        Assert.Fail($"Tabbing never reached {selector}.");
    }
}
