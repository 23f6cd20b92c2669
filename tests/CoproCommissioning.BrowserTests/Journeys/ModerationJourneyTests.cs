using CoproCommissioning.BrowserTests.Infrastructure;
using CoproCommissioning.Domain.Cycles;
using CoproCommissioning.Domain.Membership;
using CoproCommissioning.Domain.Organisations;
using CoproCommissioning.Domain.Procurement;
using CoproCommissioning.Domain.Testing;
using CoproCommissioning.Web.DemoData;
using Microsoft.Playwright;

namespace CoproCommissioning.BrowserTests.Journeys;

/// <summary>
/// A commissioner moderates after the deadline: the officer and the lived-experience evaluator scored one criterion 3
/// points apart, the spread is flagged for discussion, and the commissioner records the agreed score with its reason.
/// The procurement is arranged in the days before now, so the app's real clock is past its deadline.
/// </summary>
public sealed class ModerationJourneyTests(BrowserAppFixture app) : BrowserTest(app), IClassFixture<BrowserAppFixture>
{
    private static readonly RouteChoice Competitive = new(
        ProcurementRegime.ProviderSelectionRegime, ProcurementRoute.CompetitiveProcess,
        new RouteQuestions(ExistingProvider: false, null, UnrestrictedChoice: false, null),
        "Three providers said at the market event that they could run it.");

    [Fact]
    public async Task A_commissioner_sees_a_flagged_spread_and_records_the_agreed_score_with_its_reason()
    {
        var cycleId = await ArrangeAsync();
        var moderation = $"/cycles/{cycleId}/procurement/moderation";

        await SignInAsync(CyclePeople.CommissionerEmail, DemoSeeder.Password);
        await Page.GotoAsync(moderation);
        await Assertions.Expect(Page.Locator("h1")).ToContainTextAsync("Moderation");
        await Assertions.Expect(Page.Locator("main .nhsuk-tag--orange").First).ToHaveTextAsync("Discuss: scores differ by 3");
        await Page.Locator("main details summary").First.ClickAsync();
        await Page.AssertNoViolationsAsync();
        await ScreenshotAsync("moderation");

        await Page.GetByRole(AriaRole.Link, new() { Name = $"Moderate Quality for {DemoCycles.ProviderOrganisation}" }).ClickAsync();
        await Assertions.Expect(Page.Locator("h1")).ToContainTextAsync("Quality");
        await Page.AssertNoViolationsAsync();
        await Page.GetByLabel("2 out of 4").CheckAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Save the agreed score" }).ClickAsync();
        await Assertions.Expect(Page.Locator("#Form_Reason-error")).ToContainTextAsync(ProcurementRules.ModerationReasonRequired.Message);
        await Assertions.Expect(Page.GetByLabel("2 out of 4")).ToBeCheckedAsync();
        await Page.AssertNoViolationsAsync();
        await ScreenshotAsync("moderate-reason-needed");

        await Page.GetByLabel("Why did the panel agree this score?").FillAsync("The panel agreed the staffing plan is sound but thinly evidenced.");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Save the agreed score" }).ClickAsync();
        await Assertions.Expect(Page.Locator(".nhsuk-notification-banner")).ToContainTextAsync("The agreed score for Quality in the bid from");
        Assert.Equal(moderation, new Uri(Page.Url).AbsolutePath);
        await Assertions.Expect(Page.Locator("main")).ToContainTextAsync("thinly evidenced");
        await Page.AssertNoViolationsAsync();
    }

    /// <summary>
    /// Two bids (the demo provider's and another's) scored by the champion as officer and the panel member as
    /// lived-experience evaluator on quality (60%) and co-production (40%); bidding opened ten days ago.
    /// </summary>
    private async Task<Guid> ArrangeAsync()
    {
        var people = await CycleTestData.LoadPeopleAsync(App);
        var opened = DateTimeOffset.UtcNow.AddDays(-10);
        var scored = opened.AddDays(8);
        var cycle = ACycle.AtStage(StageKind.Procurement).Build();
        await using var scope = App.Db();
        var db = scope.Context;
        db.Cycles.Add(cycle);
        foreach (var (userId, role, voice, organisation) in people.Memberships())
        {
            db.Memberships.Add(Expect.Success(CycleMembership.Create(cycle.Id, userId, role, voice, organisation, null, Moments.Now)));
        }

        var other = new Organisation("Harbourside Wellbeing Collective", OrganisationKind.VoluntaryOrCommunityOrganisation);
        db.Organisations.Add(other);
        var by = people.Commissioner;
        var procurement = Expect.Success(CycleProcurement.Start(cycle, Competitive, by, CycleRole.Commissioner, opened));
        var quality = Expect.Success(procurement.AddCriterion(cycle,
            new CriterionDraft("Quality", "How the provider will run a safe, effective service.", CriterionKind.Scored, 60),
            CriterionCitations.None, by, CycleRole.Commissioner, opened));
        var coProduction = Expect.Success(procurement.AddCriterion(cycle,
            new CriterionDraft("Co-production", "How the provider will keep working with the people who use the service.", CriterionKind.Scored, 40,
                IsCoProduction: true),
            CriterionCitations.None, by, CycleRole.Commissioner, opened));
        var criteria = procurement.Criteria.Select(c => c.Id).ToArray();
        var officer = Expect.Success(procurement.AddEvaluator(cycle, people.Champion, CycleRole.CoProductionChampion, EvaluatorRole.Officer, criteria,
            by, CycleRole.Commissioner, opened));
        var livedExperience = Expect.Success(procurement.AddEvaluator(cycle, people.Panel, CycleRole.PanelMember, EvaluatorRole.LivedExperience, criteria,
            by, CycleRole.Commissioner, opened));
        Expect.Success(procurement.RecordBriefing(cycle, livedExperience.Id, DateOnly.FromDateTime(opened.UtcDateTime), "Sam Green, Recovery College",
            by, CycleRole.Commissioner, opened));
        foreach (var evaluator in new[] { officer, livedExperience })
        {
            Expect.Success(procurement.Declare(cycle, evaluator.Id, new DeclarationDraft(false, null, null), evaluator.UserId, opened));
            Expect.Success(procurement.AcceptDeclaration(cycle, evaluator.Id, by, CycleRole.Commissioner, opened));
        }

        Expect.Success(procurement.OpenBidding(cycle, opened.AddDays(7), by, CycleRole.Commissioner, opened));
        db.Procurements.Add(procurement);
        List<Bid> bids = [];
        foreach (var organisationId in new[] { people.ProviderOrganisation, other.Id })
        {
            var bid = Expect.Success(Bid.Start(cycle, procurement, organisationId, false, people.Provider, CycleRole.Provider, opened.AddDays(1)));
            Expect.Success(bid.Save(cycle, procurement, new BidDraft(null, new Dictionary<Guid, string?>
            {
                [quality.Id] = "Two senior practitioners on every shift, and a peer worker each evening.",
                [coProduction.Id] = "A members' group of people who use the service meets every month with the manager.",
            }, null), people.Provider, CycleRole.Provider, organisationId, opened.AddDays(1)));
            Expect.Success(bid.Submit(cycle, procurement, people.Provider, CycleRole.Provider, organisationId, opened.AddDays(1)));
            bids.Add(bid);
        }

        db.Bids.AddRange(bids);
        foreach (var (evaluator, qualityScore, comment) in new[]
        {
            (officer, 4, "A full staffing plan with named roles and cover for leave."),
            (livedExperience, 1, "Nothing about what happens when someone arrives in distress at night."),
        })
        {
            var card = Scorecard.For(procurement, evaluator, scored);
            foreach (var bid in bids)
            {
                Expect.Success(card.Score(cycle, procurement, bid, quality.Id, qualityScore, comment, evaluator.UserId, scored));
                Expect.Success(card.Score(cycle, procurement, bid, coProduction.Id, 3, "The members' group has a real say.", evaluator.UserId, scored));
            }

            Expect.Success(card.Submit(cycle, procurement, bids, evaluator.UserId, scored));
            db.Scorecards.Add(card);
        }

        await db.SaveChangesAsync(Ct);
        return cycle.Id;
    }
}
