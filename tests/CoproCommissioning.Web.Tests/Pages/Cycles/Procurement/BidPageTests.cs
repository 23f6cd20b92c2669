using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using CoproCommissioning.Data;
using CoproCommissioning.Domain.Cycles;
using CoproCommissioning.Domain.Membership;
using CoproCommissioning.Domain.Organisations;
using CoproCommissioning.Domain.Procurement;
using CoproCommissioning.Domain.Testing;
using CoproCommissioning.Web.DemoData;
using CoproCommissioning.Web.Infrastructure.Pages;
using CoproCommissioning.Web.Pages.Cycles.Procurement;
using CoproCommissioning.Web.Pages.Cycles.Procurement.Bids;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace CoproCommissioning.Web.Tests.Pages.Cycles.Procurement;

/// <summary>
/// Bids: a provider writes its organisation's bid until the deadline; commissioners and the evaluators their
/// declarations allow read the submitted bids after it. The seal is tested from every side: another provider, anyone
/// before the deadline, and evaluators without an accepted declaration, restricted or stepped down.
/// </summary>
public sealed class BidPageTests(CyclePagesFixture fixture) : IClassFixture<CyclePagesFixture>
{
    private const string OurAnswer = "We will keep a paid peer forum that meets every month.";
    private const string TheirAnswer = "Harbour Wellbeing will run quarterly listening events.";

    private static readonly RouteChoice Competitive = new(
        ProcurementRegime.ProviderSelectionRegime, ProcurementRoute.CompetitiveProcess,
        new RouteQuestions(ExistingProvider: false, null, UnrestrictedChoice: false, null),
        "Three providers said at the market event that they could run it.");

    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    private CyclePeople People => fixture.People;

    [Fact]
    public async Task A_provider_starts_saves_submits_and_withdraws_its_bid_before_the_deadline()
    {
        var deadlineDay = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30);
        var setUp = await BiddingCycleAsync(UkTime.StartOfDay(deadlineDay).AddHours(12));
        var provider = await fixture.SignedInAsync(CyclePeople.ProviderEmail);
        var url = ProcurementUrls.MyBid(setUp.CycleId);

        var before = await provider.GetAsync(url, _ct);
        var started = await provider.SubmitAsync(url, new Dictionary<string, string>(), "main form[action*='handler=Start']", _ct);
        var saved = await provider.SubmitAsync(url, Answers(setUp, "Harbour Peer Network\nTown Carers Trust", OurAnswer, "We will publish our prices."),
            "main form[action*='handler=Save']", _ct);
        var draft = await BidOfAsync(setUp.CycleId, People.ProviderOrganisation);
        var submitted = await PostBidAsync(provider, setUp.CycleId, "Submit", Answers(setUp, "Harbour Peer Network\nTown Carers Trust", OurAnswer, "We will publish our prices."));
        var afterSubmit = await provider.GetAsync(url, _ct);
        var confirm = await provider.GetAsync($"{url}?handler=Withdraw", _ct);
        var withdrawn = await provider.SubmitOnAsync(confirm, new Dictionary<string, string>(), "main form[action*='handler=Withdraw']", _ct);

        Assert.Equal(HttpStatusCode.OK, before.Status);
        Assert.Contains($"Bids close at 12pm on {UkTime.Date(deadlineDay)}", before.Text);
        Assert.Contains("Co-production", before.Text);
        Assert.Contains("Quality and safety", before.Text);
        Assert.Contains("Weight 60%", before.Text, StringComparison.OrdinalIgnoreCase);
        Assert.Null(before.Document.QuerySelector("textarea"));
        Assert.Equal(HttpStatusCode.Redirect, started.Status);
        Assert.Equal(url, started.Location);
        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        Assert.Equal(BidStatus.Draft, draft.Status);
        Assert.Equal(["Harbour Peer Network", "Town Carers Trust"], draft.PartnerNames);
        Assert.Equal(OurAnswer, draft.ResponseTo(setUp.CoProduction));
        Assert.Equal(HttpStatusCode.Redirect, submitted.Status);
        Assert.Contains("Submitted on", afterSubmit.Document.GetElementById("bid-status")?.TextContent);
        Assert.NotNull(afterSubmit.Document.QuerySelector("main form[action*='handler=Save'] button[formaction*='handler=Submit']"));
        Assert.Equal(OurAnswer, (afterSubmit.Document.QuerySelector($"textarea[name='Form.Responses[{setUp.CoProduction}]']") as IHtmlTextAreaElement)?.Value);
        Assert.Equal("Are you sure you want to withdraw your bid?", confirm.Document.QuerySelector("h1")?.LastChild?.TextContent.Trim());
        Assert.Equal(HttpStatusCode.Redirect, withdrawn.Status);
        var bid = await BidOfAsync(setUp.CycleId, People.ProviderOrganisation);
        Assert.Equal(BidStatus.Withdrawn, bid.Status);
        Assert.Equal(OurAnswer, bid.ResponseTo(setUp.CoProduction));
    }

    [Fact]
    public async Task Submitting_with_a_criterion_unanswered_or_too_long_is_refused_beside_each_answer_with_what_was_typed_kept()
    {
        var setUp = await BiddingCycleAsync(DateTimeOffset.UtcNow.AddDays(10));
        await PlantBidAsync(setUp, People.Provider, People.ProviderOrganisation, null, submit: false);
        var provider = await fixture.SignedInAsync(CyclePeople.ProviderEmail);
        var tooLong = new string('a', BidResponse.TextMaxLength + 1);

        var unanswered = await PostBidAsync(provider, setUp.CycleId, "Submit", Answers(setUp, "Town Carers Trust", OurAnswer, "", attachments: "Our safeguarding policy"));
        var overLong = await PostBidAsync(provider, setUp.CycleId, "Save", Answers(setUp, "", tooLong, "Short answer"));

        Assert.Equal(HttpStatusCode.OK, unanswered.Status);
        Assert.Contains(ProcurementRules.ResponseRequired.Message, ErrorOf(unanswered, setUp.Quality));
        Assert.Null(unanswered.Document.GetElementById($"Form_Responses_{setUp.CoProduction}_-error"));
        Assert.Equal($"#Form_Responses_{setUp.Quality}_", unanswered.Document.QuerySelector(".nhsuk-error-summary a")?.GetAttribute("href"));
        Assert.Equal(OurAnswer, AnswerIn(unanswered, setUp.CoProduction));
        Assert.Equal("Town Carers Trust", (unanswered.Document.GetElementById("Form_Partners") as IHtmlTextAreaElement)?.Value);
        Assert.Equal("Our safeguarding policy", (unanswered.Document.GetElementById("Form_Attachments") as IHtmlTextAreaElement)?.Value);
        Assert.Equal(HttpStatusCode.OK, overLong.Status);
        Assert.Contains(ProcurementRules.ResponseTooLong.Message, ErrorOf(overLong, setUp.CoProduction));
        Assert.Equal("Short answer", AnswerIn(overLong, setUp.Quality));
        var bid = await BidOfAsync(setUp.CycleId, People.ProviderOrganisation);
        Assert.Equal(BidStatus.Draft, bid.Status);
        Assert.True(string.IsNullOrEmpty(bid.ResponseTo(setUp.CoProduction)));
    }

    [Fact]
    public async Task After_the_deadline_the_bid_is_read_only_and_a_late_save_submit_or_withdrawal_is_refused()
    {
        var deadline = DateTimeOffset.UtcNow.AddDays(2);
        var setUp = await BiddingCycleAsync(deadline);
        var bidId = await PlantBidAsync(setUp, People.Provider, People.ProviderOrganisation, OurAnswer, submit: false);
        var clock = new FakeTimeProvider(deadline.AddMinutes(1));
        await using var app = fixture.Factory.WithClock(clock);
        var provider = BrowserLikeClient.For(app);
        await provider.SignInAsync(CyclePeople.ProviderEmail, DemoSeeder.Password, _ct);
        var url = ProcurementUrls.MyBid(setUp.CycleId);

        var page = await provider.GetAsync(url, _ct);
        var submit = await provider.PostCraftedAsync($"{url}?handler=Submit", Answers(setUp, "", OurAnswer, "Late answer"), url, _ct);
        var save = await provider.PostCraftedAsync($"{url}?handler=Save", Answers(setUp, "", OurAnswer, "Late answer"), url, _ct);
        var withdraw = await provider.PostCraftedAsync($"{url}?handler=Withdraw", new Dictionary<string, string>(), url, _ct);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("The deadline has passed", page.Document.GetElementById("deadline-passed")?.TextContent);
        Assert.Null(page.Document.QuerySelector("main textarea"));
        Assert.Null(page.Document.QuerySelector("main form"));
        Assert.Contains(OurAnswer, page.Text);
        foreach (var refused in new[] { submit, save, withdraw })
        {
            Assert.Equal(HttpStatusCode.OK, refused.Status);
            Assert.Contains(ProcurementRules.LateBid.Message, refused.Document.QuerySelector(".nhsuk-error-summary")?.TextContent);
        }

        var bid = await BidAsync(bidId);
        Assert.Equal(BidStatus.Draft, bid.Status);
        Assert.True(string.IsNullOrEmpty(bid.ResponseTo(setUp.Quality)));
    }

    [Fact]
    public async Task Two_people_of_one_provider_saving_at_once_the_second_is_told_and_keeps_what_they_typed()
    {
        var setUp = await BiddingCycleAsync(DateTimeOffset.UtcNow.AddDays(10), outsiderWithUs: true);
        await PlantBidAsync(setUp, People.Provider, People.ProviderOrganisation, null, submit: false);
        var first = await fixture.SignedInAsync(CyclePeople.ProviderEmail);
        var second = await fixture.SignedInAsync(CyclePagesFixture.OutsiderEmail);
        var url = ProcurementUrls.MyBid(setUp.CycleId);
        var firstPage = await first.GetAsync(url, _ct);
        var secondPage = await second.GetAsync(url, _ct);

        var firstSave = await first.SubmitOnAsync(firstPage, Answers(setUp, "", OurAnswer, ""), "main form[action*='handler=Save']", _ct);
        var secondSave = await second.SubmitOnAsync(secondPage, Answers(setUp, "", "A different answer", ""), "main form[action*='handler=Save']", _ct);

        Assert.Equal(HttpStatusCode.Redirect, firstSave.Status);
        Assert.Equal(HttpStatusCode.OK, secondSave.Status);
        Assert.Contains(MyBidModel.ConflictMessage, secondSave.Document.QuerySelector(".nhsuk-error-summary")?.TextContent);
        Assert.Equal("A different answer", AnswerIn(secondSave, setUp.CoProduction));
        Assert.Contains(OurAnswer, secondSave.Document.GetElementById("latest")?.TextContent);
        Assert.Equal(OurAnswer, (await BidOfAsync(setUp.CycleId, People.ProviderOrganisation)).ResponseTo(setUp.CoProduction));
        var again = await second.SubmitOnAsync(secondSave, Answers(setUp, "", "A different answer", ""), "main form[action*='handler=Save']", _ct);
        Assert.Equal(HttpStatusCode.Redirect, again.Status);
        Assert.Equal("A different answer", (await BidOfAsync(setUp.CycleId, People.ProviderOrganisation)).ResponseTo(setUp.CoProduction));
    }

    [Fact]
    public async Task A_provider_cannot_reach_another_organisations_bid_by_any_address_or_handler()
    {
        var setUp = await BiddingCycleAsync(DateTimeOffset.UtcNow.AddDays(10));
        var theirBid = await PlantBidAsync(setUp, People.Outsider, setUp.OtherOrganisation, TheirAnswer, submit: true);
        var theirs = await BidAsync(theirBid);
        var provider = await fixture.SignedInAsync(CyclePeople.ProviderEmail);
        var url = ProcurementUrls.MyBid(setUp.CycleId);
        var crafted = new Dictionary<string, string>(Answers(setUp, "", "Overwritten", "Overwritten"))
        {
            ["bidId"] = theirBid.ToString(),
            ["Form.Version"] = theirs.Version.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };

        var mine = await provider.GetAsync(url, _ct);
        var bidPage = await provider.GetAsync(ProcurementUrls.Bid(setUp.CycleId, theirBid), _ct);
        var bidsPage = await provider.GetAsync(ProcurementUrls.Bids(setUp.CycleId), _ct);
        var handlers = new List<BrowserLikeClient.Page>();
        foreach (var handler in new[] { "Save", "Submit", "Withdraw" })
        {
            handlers.Add(await provider.PostCraftedAsync($"{url}?handler={handler}&bidId={theirBid}", crafted, url, _ct));
        }

        Assert.Equal(HttpStatusCode.OK, mine.Status);
        Assert.DoesNotContain(TheirAnswer, mine.Html);
        Assert.DoesNotContain(theirBid.ToString(), mine.Html);
        Assert.Contains("Your organisation has not started a bid", mine.Text);
        Assert.Equal(HttpStatusCode.Forbidden, bidPage.Status);
        Assert.Equal(HttpStatusCode.Forbidden, bidsPage.Status);
        Assert.All(handlers, page =>
        {
            Assert.Equal(HttpStatusCode.OK, page.Status);
            Assert.DoesNotContain(TheirAnswer, page.Html);
            Assert.Contains(MyBidModel.StartFirstMessage, page.Document.QuerySelector(".nhsuk-error-summary")?.TextContent);
        });
        var after = await BidAsync(theirBid);
        Assert.Equal(BidStatus.Submitted, after.Status);
        Assert.Equal(TheirAnswer, after.ResponseTo(setUp.CoProduction));
        Assert.Equal(theirs.Version, after.Version);
        Assert.False(await AnyBidAsync(setUp.CycleId, People.ProviderOrganisation));
    }

    [Fact]
    public async Task Nobody_reads_a_bid_before_the_deadline_the_commissioner_and_an_accepted_evaluator_included()
    {
        var setUp = await BiddingCycleAsync(DateTimeOffset.UtcNow.AddDays(10));
        var bidId = await PlantBidAsync(setUp, People.Provider, People.ProviderOrganisation, OurAnswer, submit: true);
        var commissioner = await fixture.SignedInAsync(CyclePeople.CommissionerEmail);
        var panel = await fixture.SignedInAsync(CyclePeople.PanelEmail);

        foreach (var reader in new[] { commissioner, panel })
        {
            var list = await reader.GetAsync(ProcurementUrls.Bids(setUp.CycleId), _ct);
            var bid = await reader.GetAsync(ProcurementUrls.Bid(setUp.CycleId, bidId), _ct);

            Assert.Equal(HttpStatusCode.OK, list.Status);
            Assert.Contains("Bids are sealed until", list.Document.GetElementById("sealed")?.TextContent);
            Assert.Null(list.Document.GetElementById("bids"));
            Assert.DoesNotContain(bidId.ToString(), list.Html);
            Assert.DoesNotContain(DemoCycles.ProviderOrganisation, list.Text);
            Assert.Equal(HttpStatusCode.NotFound, bid.Status);
        }
    }

    [Fact]
    public async Task After_the_deadline_each_reader_sees_only_the_submitted_bids_their_declaration_allows()
    {
        var deadline = DateTimeOffset.UtcNow.AddDays(2);
        var setUp = await BiddingCycleAsync(deadline, providerContributed: true);
        var ours = await PlantBidAsync(setUp, People.Provider, People.ProviderOrganisation, OurAnswer, submit: true, partners: "Town Carers Trust");
        var theirs = await PlantBidAsync(setUp, People.Outsider, setUp.OtherOrganisation, TheirAnswer, submit: true);
        var clock = new FakeTimeProvider(deadline.AddHours(1));
        await using var app = fixture.Factory.WithClock(clock);

        var commissioner = await ReaderAsync(app, CyclePeople.CommissionerEmail);
        var panel = await ReaderAsync(app, CyclePeople.PanelEmail);
        var restricted = await ReaderAsync(app, CyclePeople.CarerEmail);
        var notAccepted = await ReaderAsync(app, CyclePeople.ClinicianEmail);
        var steppedDown = await ReaderAsync(app, CyclePeople.ChampionEmail);

        var list = await commissioner.GetAsync(ProcurementUrls.Bids(setUp.CycleId), _ct);
        var ourBid = await commissioner.GetAsync(ProcurementUrls.Bid(setUp.CycleId, ours), _ct);
        Assert.Equal([ProcurementUrls.Bid(setUp.CycleId, ours), ProcurementUrls.Bid(setUp.CycleId, theirs)], BidLinks(list));
        Assert.Contains("Shaped the co-design", list.Document.QuerySelectorAll("#bids li")[0].TextContent);
        Assert.DoesNotContain("Shaped the co-design", list.Document.QuerySelectorAll("#bids li")[1].TextContent);
        Assert.Contains(CoDesignShapers.Explanation, list.Text);
        Assert.Contains("Town Carers Trust", list.Text);
        Assert.Equal(HttpStatusCode.OK, ourBid.Status);
        Assert.Contains(OurAnswer, ourBid.Text);
        Assert.Contains("Town Carers Trust", ourBid.Text);
        Assert.NotNull(ourBid.Document.GetElementById("shaped-co-design"));

        Assert.Equal(2, BidLinks(await panel.GetAsync(ProcurementUrls.Bids(setUp.CycleId), _ct)).Count);
        Assert.Contains(TheirAnswer, (await panel.GetAsync(ProcurementUrls.Bid(setUp.CycleId, theirs), _ct)).Text);

        Assert.Equal([ProcurementUrls.Bid(setUp.CycleId, theirs)], BidLinks(await restricted.GetAsync(ProcurementUrls.Bids(setUp.CycleId), _ct)));
        Assert.Equal(HttpStatusCode.NotFound, (await restricted.GetAsync(ProcurementUrls.Bid(setUp.CycleId, ours), _ct)).Status);
        Assert.Equal(HttpStatusCode.OK, (await restricted.GetAsync(ProcurementUrls.Bid(setUp.CycleId, theirs), _ct)).Status);

        var notAcceptedList = await notAccepted.GetAsync(ProcurementUrls.Bids(setUp.CycleId), _ct);
        Assert.Empty(BidLinks(notAcceptedList));
        Assert.Contains("has not accepted your declaration", notAcceptedList.Document.GetElementById("closed-to-you")?.TextContent);
        Assert.NotNull(notAcceptedList.Document.QuerySelector($"#closed-to-you a[href='{ProcurementUrls.Declaration(setUp.CycleId)}']"));
        var steppedDownList = await steppedDown.GetAsync(ProcurementUrls.Bids(setUp.CycleId), _ct);
        Assert.Empty(BidLinks(steppedDownList));
        Assert.Contains("stepped down", steppedDownList.Document.GetElementById("closed-to-you")?.TextContent);
        foreach (var (reader, bidId) in new[] { (notAccepted, ours), (notAccepted, theirs), (steppedDown, ours), (steppedDown, theirs) })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync(ProcurementUrls.Bid(setUp.CycleId, bidId), _ct)).Status);
        }
    }

    [Fact]
    public async Task Draft_and_withdrawn_bids_are_never_listed_or_opened_after_the_deadline()
    {
        var deadline = DateTimeOffset.UtcNow.AddDays(2);
        var setUp = await BiddingCycleAsync(deadline);
        var draft = await PlantBidAsync(setUp, People.Provider, People.ProviderOrganisation, OurAnswer, submit: false);
        var withdrawn = await PlantBidAsync(setUp, People.Outsider, setUp.OtherOrganisation, TheirAnswer, submit: true, withdraw: true);
        var clock = new FakeTimeProvider(deadline.AddHours(1));
        await using var app = fixture.Factory.WithClock(clock);
        var commissioner = await ReaderAsync(app, CyclePeople.CommissionerEmail);

        var list = await commissioner.GetAsync(ProcurementUrls.Bids(setUp.CycleId), _ct);

        Assert.Empty(BidLinks(list));
        Assert.NotNull(list.Document.GetElementById("no-bids"));
        Assert.Equal(HttpStatusCode.NotFound, (await commissioner.GetAsync(ProcurementUrls.Bid(setUp.CycleId, draft), _ct)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await commissioner.GetAsync(ProcurementUrls.Bid(setUp.CycleId, withdrawn), _ct)).Status);
    }

    [Fact]
    public async Task Without_bidding_open_the_bid_pages_send_people_to_the_procurement_overview_and_no_bid_is_found()
    {
        var noProcurement = await CycleAtProcurementAsync(providerContributed: false);
        var notOpen = await BiddingCycleAsync(deadline: null);
        var provider = await fixture.SignedInAsync(CyclePeople.ProviderEmail);
        var commissioner = await fixture.SignedInAsync(CyclePeople.CommissionerEmail);

        foreach (var cycleId in new[] { noProcurement, notOpen.CycleId })
        {
            var mine = await provider.GetAsync(ProcurementUrls.MyBid(cycleId), _ct);
            var start = await provider.PostCraftedAsync($"{ProcurementUrls.MyBid(cycleId)}?handler=Start", new Dictionary<string, string>(),
                ProcurementUrls.Overview(cycleId), _ct);
            var bids = await commissioner.GetAsync(ProcurementUrls.Bids(cycleId), _ct);
            var bid = await commissioner.GetAsync(ProcurementUrls.Bid(cycleId, Guid.NewGuid()), _ct);

            Assert.All(new[] { mine, start, bids }, page =>
            {
                Assert.Equal(HttpStatusCode.Redirect, page.Status);
                Assert.Equal(ProcurementUrls.Overview(cycleId), page.Location);
            });
            Assert.Equal(HttpStatusCode.NotFound, bid.Status);
        }

        Assert.False(await AnyBidAsync(notOpen.CycleId));
    }

    private static List<string> BidLinks(BrowserLikeClient.Page page) =>
        [.. page.Document.QuerySelectorAll("#bids li h2 a").Select(a => a.GetAttribute("href") ?? "")];

    private static string? ErrorOf(BrowserLikeClient.Page page, Guid criterionId) =>
        page.Document.GetElementById($"Form_Responses_{criterionId}_-error")?.TextContent;

    private static string? AnswerIn(BrowserLikeClient.Page page, Guid criterionId) =>
        (page.Document.QuerySelector($"textarea[name='Form.Responses[{criterionId}]']") as IHtmlTextAreaElement)?.Value;

    private static Dictionary<string, string> Answers(SetUp setUp, string partners, string coProduction, string quality, string attachments = "") => new()
    {
        ["Form.Partners"] = partners,
        [$"Form.Responses[{setUp.CoProduction}]"] = coProduction,
        [$"Form.Responses[{setUp.Quality}]"] = quality,
        ["Form.Attachments"] = attachments,
    };

    /// <summary>Posts the bid form to a handler as its buttons do, with the version the page carries.</summary>
    private async Task<BrowserLikeClient.Page> PostBidAsync(BrowserLikeClient client, Guid cycleId, string handler, Dictionary<string, string> fields)
    {
        var url = ProcurementUrls.MyBid(cycleId);
        var page = await client.GetAsync(url, _ct);
        var version = page.Document.QuerySelector<IHtmlInputElement>("main input[name='Form.Version']")?.Value ?? "0";
        return await client.PostCraftedAsync($"{url}?handler={handler}", new Dictionary<string, string>(fields) { ["Form.Version"] = version }, url, _ct);
    }

    private async Task<BrowserLikeClient> ReaderAsync(Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> app, string email)
    {
        var client = BrowserLikeClient.For(app);
        await client.SignInAsync(email, DemoSeeder.Password, _ct);
        return client;
    }

    private sealed record SetUp(Guid CycleId, Guid CoProduction, Guid Quality, Guid OtherOrganisation);

    /// <summary>
    /// A cycle at procurement with the demo accounts as members, and the outsider as a provider for
    /// <paramref name="outsiderOrganisation"/>; <paramref name="providerContributed"/> gives the demo provider a contribution in the cycle.
    /// </summary>
    private async Task<Guid> CycleAtProcurementAsync(bool providerContributed, Guid? outsiderOrganisation = null)
    {
        var cycle = ACycle.AtStage(StageKind.Procurement).Build();
        if (providerContributed)
        {
            Expect.Success(cycle.AddContribution(StageKind.Procurement, People.Provider, CycleRole.Provider, Voice.Provider, Channel.Online,
                ContributionVisibility.Everyone, "Peer workers should lead the groups", "", DateTimeOffset.UtcNow.AddMinutes(-30)));
        }

        await using var scope = fixture.Db();
        scope.Context.Cycles.Add(cycle);
        foreach (var (userId, role, voice, organisation) in People.Memberships())
        {
            scope.Context.Memberships.Add(Expect.Success(CycleMembership.Create(cycle.Id, userId, role, voice, organisation, null, Moments.Now)));
        }

        if (outsiderOrganisation is { } other)
        {
            scope.Context.Memberships.Add(Expect.Success(CycleMembership.Create(cycle.Id, People.Outsider, CycleRole.Provider, null, other, null, Moments.Now)));
        }

        await scope.Context.SaveChangesAsync(_ct);
        return cycle.Id;
    }

    /// <summary>
    /// A competitive procurement with two scored criteria and a panel: the panel member (declaration accepted), the
    /// carer (accepted, restricted from the demo provider), the clinician (declared, not accepted) and the champion
    /// (stepped down); bidding open until <paramref name="deadline"/>, or not open when it is null.
    /// </summary>
    private async Task<SetUp> BiddingCycleAsync(DateTimeOffset? deadline, bool providerContributed = false, bool outsiderWithUs = false)
    {
        var other = Expect.Success(AnOrganisation.New().Named($"Harbour Wellbeing {Guid.NewGuid():N}"[..30]).OfKind(OrganisationKind.IndependentProvider)
            .WithOdsCode(null).TryCreate());
        await using (var orgScope = fixture.Db())
        {
            orgScope.Context.Organisations.Add(other);
            await orgScope.Context.SaveChangesAsync(_ct);
        }

        var cycleId = await CycleAtProcurementAsync(providerContributed, outsiderWithUs ? People.ProviderOrganisation : other.Id);
        var now = DateTimeOffset.UtcNow.AddMinutes(-10);
        await using var scope = fixture.Db();
        var cycle = await scope.Context.Cycles.IncludeStages().AsNoTracking().SingleAsync(c => c.Id == cycleId, _ct);
        var procurement = Expect.Success(CycleProcurement.Start(cycle, Competitive, People.Commissioner, CycleRole.Commissioner, now));
        var coProduction = Expect.Success(procurement.AddCriterion(cycle,
            new CriterionDraft("Co-production", "How the provider will keep working with the people who use the service.", CriterionKind.Scored, 60,
                IsCoProduction: true),
            CriterionCitations.None, People.Commissioner, CycleRole.Commissioner, now));
        var quality = Expect.Success(procurement.AddCriterion(cycle,
            new CriterionDraft("Quality and safety", "How the provider will keep people safe.", CriterionKind.Scored, 40),
            CriterionCitations.None, People.Commissioner, CycleRole.Commissioner, now));
        Guid[] both = [coProduction.Id, quality.Id];
        var panel = Expect.Success(procurement.AddEvaluator(cycle, People.Panel, CycleRole.PanelMember, EvaluatorRole.LivedExperience, both,
            People.Commissioner, CycleRole.Commissioner, now));
        var carer = Expect.Success(procurement.AddEvaluator(cycle, People.Carer, CycleRole.PanelMember, EvaluatorRole.LivedExperience, both,
            People.Commissioner, CycleRole.Commissioner, now));
        var clinician = Expect.Success(procurement.AddEvaluator(cycle, People.Clinician, CycleRole.ClinicalAdviser, EvaluatorRole.ClinicalAdviser, both,
            People.Commissioner, CycleRole.Commissioner, now));
        var champion = Expect.Success(procurement.AddEvaluator(cycle, People.Champion, CycleRole.CoProductionChampion, EvaluatorRole.Officer, both,
            People.Commissioner, CycleRole.Commissioner, now));
        Expect.Success(procurement.Declare(cycle, panel.Id, new DeclarationDraft(false, null, null), People.Panel, now));
        Expect.Success(procurement.Declare(cycle, carer.Id,
            new DeclarationDraft(true, "My sister works for the provider.", ConflictAction.RestrictBids, [People.ProviderOrganisation]), People.Carer, now));
        Expect.Success(procurement.Declare(cycle, clinician.Id, new DeclarationDraft(false, null, null), People.Clinician, now));
        Expect.Success(procurement.Declare(cycle, champion.Id,
            new DeclarationDraft(true, "I was a trustee of both providers.", ConflictAction.StepDown), People.Champion, now));
        foreach (var accepted in new[] { panel, carer, champion })
        {
            Expect.Success(procurement.AcceptDeclaration(cycle, accepted.Id, People.Commissioner, CycleRole.Commissioner, now));
        }

        if (deadline is { } closes)
        {
            Expect.Success(procurement.OpenBidding(cycle, closes, People.Commissioner, CycleRole.Commissioner, now));
        }

        scope.Context.Procurements.Add(procurement);
        await scope.Context.SaveChangesAsync(_ct);
        return new SetUp(cycleId, coProduction.Id, quality.Id, other.Id);
    }

    /// <summary>A bid written through the domain before the deadline: a draft, or submitted (and then withdrawn).</summary>
    private async Task<Guid> PlantBidAsync(
        SetUp setUp, string userId, Guid organisationId, string? coProductionAnswer, bool submit, bool withdraw = false, string? partners = null)
    {
        var now = DateTimeOffset.UtcNow.AddMinutes(-5);
        await using var scope = fixture.Db();
        var cycle = await scope.Context.Cycles.IncludeStages().AsNoTracking().SingleAsync(c => c.Id == setUp.CycleId, _ct);
        var procurement = await scope.Context.Procurements.AsNoTracking().AsSplitQuery().SingleAsync(p => p.CycleId == setUp.CycleId, _ct);
        var bid = Expect.Success(Bid.Start(cycle, procurement, organisationId, false, userId, CycleRole.Provider, now));
        if (coProductionAnswer is not null)
        {
            Expect.Success(bid.Save(cycle, procurement, new BidDraft(partners, new Dictionary<Guid, string?>
            {
                [setUp.CoProduction] = coProductionAnswer,
                [setUp.Quality] = submit ? "We follow the safeguarding adults policy." : null,
            }, null), userId, CycleRole.Provider, organisationId, now));
        }

        if (submit)
        {
            Expect.Success(bid.Submit(cycle, procurement, userId, CycleRole.Provider, organisationId, now));
        }

        if (withdraw)
        {
            Expect.Success(bid.Withdraw(cycle, procurement, userId, CycleRole.Provider, organisationId, now));
        }

        scope.Context.Bids.Add(bid);
        await scope.Context.SaveChangesAsync(_ct);
        return bid.Id;
    }

    private async Task<bool> AnyBidAsync(Guid cycleId, Guid? organisationId = null)
    {
        await using var scope = fixture.Db();
        return await scope.Context.Bids.AnyAsync(b => b.CycleId == cycleId && (organisationId == null || b.OrganisationId == organisationId), _ct);
    }

    private async Task<Bid> BidAsync(Guid bidId)
    {
        await using var scope = fixture.Db();
        return await scope.Context.Bids.AsNoTracking().SingleAsync(b => b.Id == bidId, _ct);
    }

    private async Task<Bid> BidOfAsync(Guid cycleId, Guid organisationId)
    {
        await using var scope = fixture.Db();
        return await scope.Context.Bids.AsNoTracking().SingleAsync(b => b.CycleId == cycleId && b.OrganisationId == organisationId, _ct);
    }
}
