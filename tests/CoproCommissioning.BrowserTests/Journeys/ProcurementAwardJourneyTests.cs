using CoproCommissioning.BrowserTests.Infrastructure;
using CoproCommissioning.Data;
using CoproCommissioning.Domain.Cycles;
using CoproCommissioning.Domain.Membership;
using CoproCommissioning.Domain.Procurement;
using CoproCommissioning.Domain.Testing;
using CoproCommissioning.Web.DemoData;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace CoproCommissioning.BrowserTests.Journeys;

/// <summary>
/// From a competitive procurement set up with criteria and a panel (its own journey, ProcurementSetUpJourneyTests, sets
/// one up by hand) to the record: the lived-experience evaluator declares no conflict and the commissioner accepts it; two
/// providers bid; after the deadline the evaluator scores with comments using the keyboard only and submits; the
/// commissioner resolves a flagged spread in moderation, records the award, and prints the procurement record.
/// </summary>
public sealed class ProcurementAwardJourneyTests(MovableClockAppFixture app) : BrowserTest(app), IClassFixture<MovableClockAppFixture>
{
    private const string Wellbeing = DemoCycles.ProviderOrganisation;
    private const string Sanctuary = DemoProcurementCycle.SanctuaryOrganisation;
    private const string AwardTitle = "Award the crisis café contract";

    [Fact]
    public async Task Two_providers_bid_a_lived_experience_evaluator_scores_by_keyboard_moderation_resolves_a_spread_and_the_award_is_recorded()
    {
        var (cycleId, panelEvaluatorId) = await ArrangeAsync();
        var overview = $"/cycles/{cycleId}/procurement";

        // 1. The lived-experience evaluator declares no conflict; the commissioner accepts it.
        await SignInAsync(CyclePeople.PanelEmail, DemoSeeder.Password);
        await Page.GotoAsync(ProcurementUrl(cycleId, "declaration"));
        await Page.AssertNoViolationsAsync();
        await Page.Locator("fieldset", new() { HasText = "Do you have an interest in any provider that might bid?" })
            .GetByLabel("No", new() { Exact = true }).CheckAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Save my declaration" }).ClickAsync();
        await Assertions.Expect(Page.Locator(".nhsuk-notification-banner")).ToContainTextAsync("Your declaration is saved.");
        await Page.SignOutAsync();

        await SignInAsync(CyclePeople.CommissionerEmail, DemoSeeder.Password);
        await Page.GotoAsync(ProcurementUrl(cycleId, $"panel/{panelEvaluatorId}"));
        await Page.GetByRole(AriaRole.Button, new() { Name = "Accept declaration" }).ClickAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Accept declaration" })).ToHaveCountAsync(0);
        await Page.SignOutAsync();

        // 2. Two providers bid; each sees only its own bid.
        await BidAsync(cycleId, CyclePeople.ProviderEmail, "A peer worker on every evening shift.");
        await BidAsync(cycleId, DemoProcurementCycle.SanctuaryEmail, "Staffed by people who have used crisis services themselves.");

        // 3. The deadline passes; the officer has scored (arranged), and the lived-experience evaluator scores by keyboard.
        ((MovableClockAppFixture)App).Clock.Advance(TimeSpan.FromDays(3));
        await ScoreAsOfficerAsync(cycleId);
        await Page.Context.ClearCookiesAsync();
        await Page.GotoAsync("/");
        await Page.SignInWithKeyboardAsync(CyclePeople.PanelEmail);
        await Page.GotoAsync(ProcurementUrl(cycleId, "scoring"));
        await Page.AssertNoViolationsAsync();
        foreach (var (organisation, quality) in new[] { (Wellbeing, "2"), (Sanctuary, "4") })
        {
            await Page.TabAndFollowAsync(Page.GetByRole(AriaRole.Link, new() { Name = $"Score for the bid from {organisation}" }));
            await ChooseByKeyboardAsync("Your score for Quality", quality);
            await Page.TabAndTypeAsync(Page.GetByLabel("Your comment on Quality"), $"The evening plan from {organisation} is what people asked for.");
            await ChooseByKeyboardAsync("Your score for Co-production", "3");
            await Page.TabAndTypeAsync(Page.GetByLabel("Your comment on Co-production"), "A members' group with a real say in how it runs.");
            if (organisation == Wellbeing)
            {
                await ScreenshotAsync("procurement-scoring");
            }

            await Page.TabAndFollowAsync(Page.GetByRole(AriaRole.Button, new() { Name = "Save scores for this bid" }));
            await Assertions.Expect(Page.Locator(".nhsuk-notification-banner")).ToContainTextAsync($"Your scores for the bid from {organisation} are saved.");
        }

        await Page.TabToAsync(Page.GetByRole(AriaRole.Button, new() { Name = "Submit your scores" }));
        await Page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(Page.Locator("main")).ToContainTextAsync("A full staffing plan with named roles");
        await Page.AssertNoViolationsAsync();
        await Page.SignOutAsync();

        // 4. The commissioner resolves the flagged spread on the first bid's quality and agrees the rest.
        await SignInAsync(CyclePeople.CommissionerEmail, DemoSeeder.Password);
        await Page.GotoAsync(overview);
        await Page.GetByRole(AriaRole.Link, new() { Name = "Moderation and ranking" }).ClickAsync();
        await Assertions.Expect(Page.Locator("main .nhsuk-tag--orange").First).ToHaveTextAsync("Discuss: scores differ by 2");
        await Page.AssertNoViolationsAsync();
        await Page.GetByRole(AriaRole.Link, new() { Name = $"Moderate Quality for {Wellbeing}" }).ClickAsync();
        await Page.GetByLabel("3 out of 4").CheckAsync();
        await Page.GetByLabel("Why did the panel agree this score?").FillAsync("The plan is sound but the panel found little about nights.");
        await Page.AssertNoViolationsAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Save the agreed score" }).ClickAsync();
        await Assertions.Expect(Page.Locator(".nhsuk-notification-banner")).ToContainTextAsync("The agreed score for Quality");
        await Page.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Agree the") }).ClickAsync();
        await Assertions.Expect(Page.Locator("main")).ToContainTextAsync("out of 100");
        await Page.AssertNoViolationsAsync();

        // 5. The award names the provider and the decision that made it.
        await Page.GotoAsync(overview);
        await Page.GetByRole(AriaRole.Link, new() { Name = "Record the award" }).ClickAsync();
        await Page.AssertNoViolationsAsync();
        await Page.GetByLabel(Sanctuary, new() { Exact = true }).CheckAsync();
        await Page.GetByLabel(AwardTitle).CheckAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Record the award" }).ClickAsync();
        await Assertions.Expect(Page.Locator("main")).ToContainTextAsync(AwardTitle);
        await Page.AssertNoViolationsAsync();

        // 6. The record prints.
        await Page.GotoAsync(ProcurementUrl(cycleId, "record"));
        await Assertions.Expect(Page.Locator("h1")).ToContainTextAsync("Procurement record");
        var record = Page.Locator("main");
        await Assertions.Expect(record).ToContainTextAsync("The plan is sound but the panel found little about nights.");
        await Assertions.Expect(record).ToContainTextAsync("A full staffing plan with named roles");
        await Page.AssertNoViolationsAsync();
        await Page.EmulateMediaAsync(new() { Media = Media.Print });
        await ScreenshotAsync("procurement-record-print");
        var pdf = await Page.PdfAsync();
        Assert.True(pdf.Length > 1000, "The record did not print.");

        await using var scope = App.Db();
        var procurement = await scope.Context.Procurements.AsNoTracking().SingleAsync(p => p.CycleId == cycleId, Ct);
        Assert.True(procurement.IsAwardRecorded);
        Assert.Equal(2, procurement.Moderated.Count(m => m.CriterionId == procurement.Criteria[0].Id));
    }

    /// <summary>As a keyboard user does in a radio group: Tab reaches its first score, the arrow keys move to the one meant.</summary>
    private async Task ChooseByKeyboardAsync(string legend, string score)
    {
        var group = Page.Locator("fieldset", new() { HasText = legend });
        var target = group.GetByLabel(score, new() { Exact = true });
        await Page.TabToAsync(group.Locator("input[type=radio]").First);
        for (var presses = 0; presses < 12 && !await target.IsCheckedAsync(); presses++)
        {
            await Page.Keyboard.PressAsync("ArrowDown");
        }

        Assert.True(await target.IsCheckedAsync(), $"The arrow keys never chose {score} in \"{legend}\".");
    }

    private static string ProcurementUrl(Guid cycleId, string path) => $"/cycles/{cycleId}/procurement/{path}";

    private async Task BidAsync(Guid cycleId, string email, string quality)
    {
        await SignInAsync(email, DemoSeeder.Password);
        await Page.GotoAsync($"/cycles/{cycleId}/procurement");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Your organisation's bid" }).ClickAsync();
        await Page.AssertNoViolationsAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Start your bid" }).ClickAsync();
        await Page.GetByLabel("Your answer: Quality").FillAsync(quality);
        await Page.GetByLabel("Your answer: Co-production").FillAsync("People who use the café sit on its management group.");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Submit bid" }).ClickAsync();
        await Assertions.Expect(Page.Locator("main .nhsuk-tag").First).ToContainTextAsync("Submitted");
        await Assertions.Expect(Page.Locator("main")).Not.ToContainTextAsync(quality == "A peer worker on every evening shift." ? "Staffed by people" : "A peer worker");
        await Page.AssertNoViolationsAsync();
        await Page.SignOutAsync();
    }

    /// <summary>
    /// A cycle at procurement with a co-produced award decision already made; a Competitive Process with quality (60%)
    /// and co-production (40%); the champion as an officer (declared, accepted) and the panel member as a briefed
    /// lived-experience evaluator who has still to declare; bidding open until two days from the app's now.
    /// </summary>
    private async Task<(Guid CycleId, Guid PanelEvaluatorId)> ArrangeAsync()
    {
        var people = await CycleTestData.LoadPeopleAsync(App);
        var cycleId = await CycleTestData.CreateCycleAsync(App, people, c =>
        {
            c.SignOff(StageKind.NeedsAssessment);
            c.SignOff(StageKind.CoDesign);
            c.Respond(c.FromPanel(StageKind.Specification, "Evenings matter"));
            Expect.Success(c.Cycle.SignOff(StageKind.Specification, c.People.Commissioner, CycleRole.Commissioner, "Agreed", c.Next(), stageConditions: []));
            var said = c.FromPanel(StageKind.Procurement, "Choose the provider people trust at night");
            c.Respond(said);
            c.CoProducedDecision(StageKind.Procurement, AwardTitle, said);
        }, title: "Crisis café award");

        var now = ((MovableClockAppFixture)App).Clock.GetUtcNow().AddHours(-1);
        var by = people.Commissioner;
        await using var scope = App.Db();
        var db = scope.Context;
        var sanctuary = await db.Users.SingleAsync(u => u.Email == DemoProcurementCycle.SanctuaryEmail, Ct);
        db.Memberships.Add(Expect.Success(CycleMembership.Create(cycleId, sanctuary.Id, CycleRole.Provider, null, sanctuary.OrganisationId, null, now)));
        var cycle = await db.Cycles.IncludeStageStatuses().SingleAsync(c => c.Id == cycleId, Ct);
        var procurement = Expect.Success(CycleProcurement.Start(cycle, new RouteChoice(ProcurementRegime.ProviderSelectionRegime, ProcurementRoute.CompetitiveProcess,
            new RouteQuestions(ExistingProvider: false, null, UnrestrictedChoice: false, null), "Several providers said they could run it."),
            by, CycleRole.Commissioner, now));
        Expect.Success(procurement.AddCriterion(cycle, new CriterionDraft("Quality", "How the provider will run a safe, welcoming café.", CriterionKind.Scored, 60),
            CriterionCitations.None, by, CycleRole.Commissioner, now));
        Expect.Success(procurement.AddCriterion(cycle, new CriterionDraft("Co-production", "How people who use the café will help run it.", CriterionKind.Scored, 40,
            IsCoProduction: true), CriterionCitations.None, by, CycleRole.Commissioner, now));
        var criteria = procurement.Criteria.Select(c => c.Id).ToArray();
        var officer = Expect.Success(procurement.AddEvaluator(cycle, people.Champion, CycleRole.CoProductionChampion, EvaluatorRole.Officer, criteria,
            by, CycleRole.Commissioner, now));
        Expect.Success(procurement.Declare(cycle, officer.Id, new DeclarationDraft(false, null, null), people.Champion, now));
        Expect.Success(procurement.AcceptDeclaration(cycle, officer.Id, by, CycleRole.Commissioner, now));
        var panel = Expect.Success(procurement.AddEvaluator(cycle, people.Panel, CycleRole.PanelMember, EvaluatorRole.LivedExperience, criteria,
            by, CycleRole.Commissioner, now));
        Expect.Success(procurement.RecordBriefing(cycle, panel.Id, DateOnly.FromDateTime(now.UtcDateTime), "Sam Green, Harbourside Recovery College",
            by, CycleRole.Commissioner, now));
        Expect.Success(procurement.OpenBidding(cycle, now.AddDays(2), by, CycleRole.Commissioner, now));
        db.Procurements.Add(procurement);
        await db.SaveChangesAsync(Ct);
        return (cycleId, panel.Id);
    }

    /// <summary>The officer's scorecard, submitted after the deadline: 4 for quality, 3 for co-production, on every bid.</summary>
    private async Task ScoreAsOfficerAsync(Guid cycleId)
    {
        var now = ((MovableClockAppFixture)App).Clock.GetUtcNow();
        await using var scope = App.Db();
        var db = scope.Context;
        var cycle = await db.Cycles.IncludeStageStatuses().AsNoTracking().SingleAsync(c => c.Id == cycleId, Ct);
        var procurement = await db.Procurements.AsNoTracking().SingleAsync(p => p.CycleId == cycleId, Ct);
        var bids = await db.Bids.AsNoTracking().Where(b => b.ProcurementId == procurement.Id).ToListAsync(Ct);
        var officer = procurement.Evaluators.Single(e => e.Role == EvaluatorRole.Officer);
        var card = Scorecard.For(procurement, officer, now);
        foreach (var bid in bids)
        {
            Expect.Success(card.Score(cycle, procurement, bid, procurement.Criteria[0].Id, 4, "A full staffing plan with named roles.", officer.UserId, now));
            Expect.Success(card.Score(cycle, procurement, bid, procurement.Criteria[1].Id, 3, "The members' group has a real say.", officer.UserId, now));
        }

        Expect.Success(card.Submit(cycle, procurement, bids, officer.UserId, now));
        db.Scorecards.Add(card);
        await db.SaveChangesAsync(Ct);
    }
}
