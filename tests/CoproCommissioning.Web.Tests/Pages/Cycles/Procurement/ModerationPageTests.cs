using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using CoproCommissioning.Domain.Cycles;
using CoproCommissioning.Domain.Membership;
using CoproCommissioning.Domain.Organisations;
using CoproCommissioning.Domain.Procurement;
using CoproCommissioning.Domain.Testing;
using CoproCommissioning.Web.DemoData;
using CoproCommissioning.Web.Pages.Cycles.Procurement;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace CoproCommissioning.Web.Tests.Pages.Cycles.Procurement;

/// <summary>
/// Moderation and the ranking. Each test arranges a competitive procurement through the domain, with two submitted
/// bids scored by an officer and a lived-experience evaluator, and runs the app on a clock past the bid deadline.
/// </summary>
public sealed class ModerationPageTests(CyclePagesFixture fixture) : IClassFixture<CyclePagesFixture>
{
    private static readonly RouteChoice Competitive = new(
        ProcurementRegime.ProviderSelectionRegime, ProcurementRoute.CompetitiveProcess,
        new RouteQuestions(ExistingProvider: false, null, UnrestrictedChoice: false, null),
        "Three providers said at the market event that they could run it.");

    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    private CyclePeople People => fixture.People;

    [Fact]
    public async Task A_spread_of_two_or_more_is_flagged_in_words_with_each_evaluators_score_and_comment()
    {
        // Quality: officer 4, lived experience 1 (spread 3); co-production: 2 and 3 (spread 1).
        var arranged = await ArrangeAsync(Scores(quality: (4, 1), coProduction: (2, 3)));
        await using var app = AfterDeadline(arranged);
        var commissioner = await SignedInAsync(app, CyclePeople.CommissionerEmail);

        var page = await commissioner.GetAsync(ProcurementUrls.Moderation(arranged.CycleId), _ct);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        var quality = Row(page, arranged.BidA, arranged.Quality);
        var coProduction = Row(page, arranged.BidA, arranged.CoProduction);
        Assert.Contains("Discuss: scores differ by 3", quality.QuerySelector("strong.nhsuk-tag")?.TextContent);
        Assert.Null(coProduction.QuerySelector("strong.nhsuk-tag"));
        Assert.Contains("1 point", coProduction.TextContent);
        Assert.Contains("lived-experience evaluator: 1 out of 4", Normalised(quality.TextContent));
        Assert.Contains("officer: 4 out of 4", Normalised(quality.TextContent));
        Assert.Contains("Officer's comment on quality", quality.QuerySelector("details")?.TextContent);
        Assert.Contains("Lived-experience comment on quality", quality.QuerySelector("details")?.TextContent);
        Assert.NotNull(quality.QuerySelector($"a[href='{ProcurementUrls.Moderate(arranged.CycleId, arranged.BidA, arranged.Quality)}']"));
        Assert.Equal(2, page.Document.QuerySelectorAll("main table caption").Count(c => c.TextContent.StartsWith("Scores for the bid from", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Moderating_records_the_agreed_score_and_reason_and_keeps_each_evaluators_original_score()
    {
        var arranged = await ArrangeAsync(Scores(quality: (4, 1), coProduction: (2, 3)));
        var before = await ScorecardsAsync(arranged);
        await using var app = AfterDeadline(arranged);
        var commissioner = await SignedInAsync(app, CyclePeople.CommissionerEmail);
        var url = ProcurementUrls.Moderate(arranged.CycleId, arranged.BidA, arranged.Quality);

        var form = await commissioner.GetAsync(url, _ct);
        var moderated = await commissioner.SubmitAsync(url, new Dictionary<string, string>
        {
            ["Form.Level"] = "3",
            ["Form.Reason"] = "The panel agreed the staffing plan is strong but the evidence on waiting times is thin.",
        }, "main form", _ct);
        var again = await commissioner.GetAsync(url, _ct);

        Assert.Contains("The quality answer from the first provider.", form.Text);
        Assert.Contains("Officer's comment on quality", form.Text);
        Assert.Contains("Discuss: scores differ by 3", form.Text);
        Assert.Equal(HttpStatusCode.Redirect, moderated.Status);
        Assert.Equal($"{ProcurementUrls.Moderation(arranged.CycleId)}#bid-{arranged.BidA}", moderated.Location);
        var agreed = (await ProcurementAsync(arranged.CycleId)).FindModeration(arranged.BidA, arranged.Quality);
        Assert.NotNull(agreed);
        Assert.Equal(3, agreed.Level);
        Assert.Equal("The panel agreed the staffing plan is strong but the evidence on waiting times is thin.", agreed.Reason);
        Assert.Equal(People.Commissioner, agreed.ModeratedByUserId);
        Assert.Equal(before, await ScorecardsAsync(arranged));
        Assert.Equal(4, before.Single(s => s.UserId == People.Champion && s.BidId == arranged.BidA && s.CriterionId == arranged.Quality).Level);
        Assert.True(Checked(again, "Form.Level", "3"));
        Assert.Equal("The panel agreed the staffing plan is strong but the evidence on waiting times is thin.",
            (again.Document.GetElementById("Form_Reason") as IHtmlTextAreaElement)?.Value);
        var overview = await commissioner.GetAsync(ProcurementUrls.Moderation(arranged.CycleId), _ct);
        Assert.Contains("3 out of 4", Row(overview, arranged.BidA, arranged.Quality).QuerySelectorAll("td")[2].TextContent);
        Assert.Contains("waiting times is thin", Row(overview, arranged.BidA, arranged.Quality).TextContent);
    }

    [Fact]
    public async Task A_changed_score_without_a_reason_is_refused_beside_the_reason_with_the_choice_kept()
    {
        var arranged = await ArrangeAsync(Scores(quality: (4, 1), coProduction: (2, 3)));
        await using var app = AfterDeadline(arranged);
        var commissioner = await SignedInAsync(app, CyclePeople.CommissionerEmail);
        var url = ProcurementUrls.Moderate(arranged.CycleId, arranged.BidA, arranged.Quality);

        var noReason = await commissioner.SubmitAsync(url, new Dictionary<string, string> { ["Form.Level"] = "2", ["Form.Reason"] = "" }, "main form", _ct);
        var noScore = await commissioner.SubmitAsync(url, new Dictionary<string, string> { ["Form.Reason"] = "We talked it through." }, "main form", _ct);
        var sameAsOne = await commissioner.SubmitAsync(url, new Dictionary<string, string> { ["Form.Level"] = "4", ["Form.Reason"] = "" }, "main form", _ct);

        Assert.Equal(HttpStatusCode.OK, noReason.Status);
        Assert.Contains(ProcurementRules.ModerationReasonRequired.Message, noReason.Document.GetElementById("Form_Reason-error")?.TextContent);
        Assert.True(Checked(noReason, "Form.Level", "2"));
        Assert.Contains(ProcurementRules.AgreedScoreRequired.Message, noScore.Document.GetElementById("Form_Level-error")?.TextContent);
        Assert.Equal("We talked it through.", (noScore.Document.GetElementById("Form_Reason") as IHtmlTextAreaElement)?.Value);
        // 4 is the officer's score but not the lived-experience evaluator's, so it still changes a score.
        Assert.Contains(ProcurementRules.ModerationReasonRequired.Message, sameAsOne.Document.GetElementById("Form_Reason-error")?.TextContent);
        Assert.Empty((await ProcurementAsync(arranged.CycleId)).Moderated);
    }

    [Fact]
    public async Task Agreeing_the_unanimous_scores_agrees_each_score_every_evaluator_gave_and_no_other()
    {
        // Bid A: quality unanimous 3, co-production 2 and 4; bid B: both unanimous.
        var arranged = await ArrangeAsync((evaluator, bid, criterion) => (evaluator, bid, criterion) switch
        {
            (_, Which.A, Which.Quality) => 3,
            (Which.Officer, Which.A, Which.CoProduction) => 2,
            (_, Which.A, Which.CoProduction) => 4,
            (_, Which.B, Which.Quality) => 1,
            _ => 2,
        });
        await using var app = AfterDeadline(arranged);
        var commissioner = await SignedInAsync(app, CyclePeople.CommissionerEmail);
        var url = ProcurementUrls.Moderation(arranged.CycleId);

        var page = await commissioner.GetAsync(url, _ct);
        var agreed = await commissioner.SubmitAsync(url, new Dictionary<string, string>(), "main form[action*='handler=AgreeUnanimous']", _ct);
        var after = await commissioner.GetAsync(url, _ct);

        Assert.Contains("Agree the 3 scores every evaluator gave the same", page.Document.QuerySelector("main form[action*='handler=AgreeUnanimous'] button")?.TextContent);
        Assert.Equal(HttpStatusCode.Redirect, agreed.Status);
        var moderated = (await ProcurementAsync(arranged.CycleId)).Moderated;
        Assert.Equal(3, moderated.Count);
        Assert.Equal(3, moderated.Single(m => m.BidId == arranged.BidA && m.CriterionId == arranged.Quality).Level);
        Assert.Equal(1, moderated.Single(m => m.BidId == arranged.BidB && m.CriterionId == arranged.Quality).Level);
        Assert.Equal(2, moderated.Single(m => m.BidId == arranged.BidB && m.CriterionId == arranged.CoProduction).Level);
        Assert.All(moderated, m => Assert.Equal("", m.Reason));
        Assert.DoesNotContain(moderated, m => m.BidId == arranged.BidA && m.CriterionId == arranged.CoProduction);
        Assert.Null(after.Document.QuerySelector("main form[action*='handler=AgreeUnanimous']"));
        Assert.Contains("3 scores are agreed", after.Text);
    }

    [Fact]
    public async Task Weighted_totals_and_the_ranking_are_computed_from_the_agreed_scores()
    {
        // Weights 60 and 40 on a 0 to 4 scale. Bid B, submitted first, agrees 1 and 3: 60 × 1/4 + 40 × 3/4 = 45.
        // Bid A agrees 3 and 4: 60 × 3/4 + 40 × 4/4 = 85, so it ranks first.
        var arranged = await ArrangeAsync((_, bid, criterion) => (bid, criterion) switch
        {
            (Which.A, Which.Quality) => 3,
            (Which.A, _) => 4,
            (Which.B, Which.Quality) => 1,
            _ => 3,
        });
        await using var app = AfterDeadline(arranged);
        var commissioner = await SignedInAsync(app, CyclePeople.CommissionerEmail);
        var url = ProcurementUrls.Moderation(arranged.CycleId);

        var before = await commissioner.GetAsync(url, _ct);
        await commissioner.SubmitAsync(url, new Dictionary<string, string>(), "main form[action*='handler=AgreeUnanimous']", _ct);
        var after = await commissioner.GetAsync(url, _ct);

        Assert.Equal(
            [["Not ranked yet", "Second Provider", "Not yet moderated"], ["Not ranked yet", arranged.ProviderA, "Not yet moderated"]],
            Ranking(before, arranged));
        Assert.Equal(
            [["1", arranged.ProviderA, "85 out of 100"], ["2", "Second Provider", "45 out of 100"]],
            Ranking(after, arranged));
    }

    [Fact]
    public async Task A_bid_that_fails_a_pass_fail_criterion_is_not_ranked()
    {
        var arranged = await ArrangeAsync((_, bid, criterion) => (bid, criterion) switch
        {
            (Which.B, Which.Safeguarding) => Scorecard.Fail,
            (_, Which.Safeguarding) => Scorecard.Pass,
            _ => 2,
        }, withPassFail: true);
        await using var app = AfterDeadline(arranged);
        var commissioner = await SignedInAsync(app, CyclePeople.CommissionerEmail);
        var url = ProcurementUrls.Moderation(arranged.CycleId);

        await commissioner.SubmitAsync(url, new Dictionary<string, string>(), "main form[action*='handler=AgreeUnanimous']", _ct);
        var after = await commissioner.GetAsync(url, _ct);

        Assert.Equal(
            [["1", arranged.ProviderA, "50 out of 100"], ["Not ranked: failed a pass/fail criterion", "Second Provider", "50 out of 100"]],
            Ranking(after, arranged));
        Assert.Contains("officer: Fail", Normalised(Row(after, arranged.BidB, arranged.Safeguarding!.Value).TextContent));
    }

    [Fact]
    public async Task While_an_evaluator_has_still_to_submit_their_scores_moderation_is_refused()
    {
        var arranged = await ArrangeAsync(Scores(quality: (4, 1), coProduction: (2, 3)), livedExperienceSubmits: false);
        await using var app = AfterDeadline(arranged);
        var commissioner = await SignedInAsync(app, CyclePeople.CommissionerEmail);

        var page = await commissioner.GetAsync(ProcurementUrls.Moderation(arranged.CycleId), _ct);
        var refused = await commissioner.SubmitAsync(ProcurementUrls.Moderate(arranged.CycleId, arranged.BidA, arranged.Quality),
            new Dictionary<string, string> { ["Form.Level"] = "4", ["Form.Reason"] = "" }, "main form", _ct);

        Assert.Contains("1 score still to come", Row(page, arranged.BidA, arranged.Quality).TextContent);
        Assert.DoesNotContain("Lived-experience comment", page.Text);
        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains(ProcurementRules.ScoresOutstanding.Message, refused.Document.GetElementById("Form_Level-error")?.TextContent);
        Assert.Empty((await ProcurementAsync(arranged.CycleId)).Moderated);
    }

    [Fact]
    public async Task Once_the_award_is_recorded_moderation_is_refused_and_no_longer_offered()
    {
        var arranged = await ArrangeAsync(Scores(quality: (3, 3), coProduction: (2, 2)), award: true);
        await using var app = AfterDeadline(arranged);
        var commissioner = await SignedInAsync(app, CyclePeople.CommissionerEmail);
        var url = ProcurementUrls.Moderate(arranged.CycleId, arranged.BidA, arranged.Quality);

        var page = await commissioner.GetAsync(ProcurementUrls.Moderation(arranged.CycleId), _ct);
        var form = await commissioner.GetAsync(url, _ct);
        var refused = await commissioner.PostCraftedAsync(url, new Dictionary<string, string>
        {
            ["Form.Level"] = "4",
            ["Form.Reason"] = "Trying to change it after the award.",
        }, ProcurementUrls.Moderation(arranged.CycleId), _ct);

        Assert.Contains(ProcurementRules.EvaluationClosed.Message, page.Text);
        Assert.Null(page.Document.QuerySelector($"main a[href='{url}']"));
        Assert.Null(form.Document.QuerySelector("main form"));
        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains(ProcurementRules.EvaluationClosed.Message, refused.Document.QuerySelector(".nhsuk-error-summary")?.TextContent);
        Assert.Equal(3, (await ProcurementAsync(arranged.CycleId)).FindModeration(arranged.BidA, arranged.Quality)?.Level);
    }

    [Fact]
    public async Task Only_a_commissioner_moderates()
    {
        var arranged = await ArrangeAsync(Scores(quality: (4, 1), coProduction: (2, 3)));
        await using var app = AfterDeadline(arranged);
        var champion = await SignedInAsync(app, CyclePeople.ChampionEmail);
        var panel = await SignedInAsync(app, CyclePeople.PanelEmail);
        var url = ProcurementUrls.Moderate(arranged.CycleId, arranged.BidA, arranged.Quality);

        var moderation = await panel.GetAsync(ProcurementUrls.Moderation(arranged.CycleId), _ct);
        var moderate = await champion.GetAsync(url, _ct);
        var crafted = await champion.PostCraftedAsync(url, new Dictionary<string, string> { ["Form.Level"] = "4", ["Form.Reason"] = "Because." },
            ProcurementUrls.Overview(arranged.CycleId), _ct);
        var agreeAll = await panel.PostCraftedAsync($"{ProcurementUrls.Moderation(arranged.CycleId)}?handler=AgreeUnanimous",
            new Dictionary<string, string>(), ProcurementUrls.Overview(arranged.CycleId), _ct);

        Assert.Equal(HttpStatusCode.Forbidden, moderation.Status);
        Assert.Equal(HttpStatusCode.Forbidden, moderate.Status);
        Assert.Equal(HttpStatusCode.Forbidden, crafted.Status);
        Assert.Equal(HttpStatusCode.Forbidden, agreeAll.Status);
        Assert.Empty((await ProcurementAsync(arranged.CycleId)).Moderated);
    }

    [Fact]
    public async Task Before_the_deadline_moderation_sends_the_commissioner_to_the_overview_and_another_cycles_ids_are_not_found()
    {
        var arranged = await ArrangeAsync(Scores(quality: (4, 1), coProduction: (2, 3)));
        var other = await ArrangeAsync(Scores(quality: (4, 1), coProduction: (2, 3)));
        await using var beforeDeadline = fixture.Factory.WithClock(new FakeTimeProvider(arranged.Opened.AddDays(2)));
        await using var afterDeadline = AfterDeadline(arranged);
        var early = await SignedInAsync(beforeDeadline, CyclePeople.CommissionerEmail);
        var commissioner = await SignedInAsync(afterDeadline, CyclePeople.CommissionerEmail);

        var tooEarly = await early.GetAsync(ProcurementUrls.Moderation(arranged.CycleId), _ct);
        var tooEarlyToModerate = await early.GetAsync(ProcurementUrls.Moderate(arranged.CycleId, arranged.BidA, arranged.Quality), _ct);
        var tooEarlyOtherCyclesBid = await early.GetAsync(ProcurementUrls.Moderate(arranged.CycleId, other.BidA, arranged.Quality), _ct);
        var otherCyclesBid = await commissioner.GetAsync(ProcurementUrls.Moderate(arranged.CycleId, other.BidA, arranged.Quality), _ct);
        var otherCyclesCriterion = await commissioner.PostCraftedAsync(ProcurementUrls.Moderate(arranged.CycleId, arranged.BidA, other.Quality),
            new Dictionary<string, string> { ["Form.Level"] = "4", ["Form.Reason"] = "Because." }, ProcurementUrls.Moderation(arranged.CycleId), _ct);

        Assert.Equal(HttpStatusCode.Redirect, tooEarly.Status);
        Assert.Equal(ProcurementUrls.Overview(arranged.CycleId), tooEarly.Location);
        Assert.Equal(HttpStatusCode.Redirect, tooEarlyToModerate.Status);
        // An id from another cycle is not found whether or not the page applies yet.
        Assert.Equal(HttpStatusCode.NotFound, tooEarlyOtherCyclesBid.Status);
        Assert.Equal(HttpStatusCode.NotFound, otherCyclesBid.Status);
        Assert.Equal(HttpStatusCode.NotFound, otherCyclesCriterion.Status);
    }

    [Fact]
    public async Task The_list_shows_five_bids_a_page_while_the_ranking_and_agreeing_the_unanimous_scores_cover_every_bid()
    {
        // Seven bids, every score unanimous: two criteria each, fourteen to agree.
        var arranged = await ArrangeAsync(Scores(quality: (3, 3), coProduction: (2, 2)), moreBids: 5);
        await using var app = AfterDeadline(arranged);
        var commissioner = await SignedInAsync(app, CyclePeople.CommissionerEmail);
        var url = ProcurementUrls.Moderation(arranged.CycleId);

        var first = await commissioner.GetAsync(url, _ct);
        var second = await commissioner.GetAsync($"{url}?pageNumber=2", _ct);
        var agreed = await commissioner.SubmitAsync($"{url}?pageNumber=2", new Dictionary<string, string>(), "main form[action*='handler=AgreeUnanimous']", _ct);
        var lastBid = BidTables(second).Last();
        var moderateLast = ProcurementUrls.Moderate(arranged.CycleId, lastBid, arranged.Quality);
        var moderated = await commissioner.SubmitAsync(moderateLast, new Dictionary<string, string> { ["Form.Level"] = "3", ["Form.Reason"] = "" }, "main form", _ct);

        // In the order the bids arrived: the second provider's first, then the demo provider's, then the others.
        Assert.Equal([arranged.BidB, arranged.BidA], BidTables(first).Take(2));
        Assert.Equal(5, BidTables(first).Count);
        Assert.Equal(2, BidTables(second).Count);
        Assert.Empty(BidTables(first).Intersect(BidTables(second)));
        Assert.Contains("Showing bids 1 to 5 of 7", first.Text);
        Assert.NotNull(first.Document.QuerySelector($"nav.nhsuk-pagination a[href='{url}?pageNumber=2']"));
        Assert.Equal(7, Ranking(first, arranged).Count);
        Assert.Equal(7, Ranking(second, arranged).Count);
        Assert.Contains("Agree the 14 scores every evaluator gave the same", first.Document.QuerySelector("main form[action*='handler=AgreeUnanimous'] button")?.TextContent);
        Assert.NotNull(first.Document.QuerySelector($"main table a[href='{url}?pageNumber=2#bid-{lastBid}']"));
        Assert.Equal(HttpStatusCode.Redirect, agreed.Status);
        Assert.Equal(14, (await ProcurementAsync(arranged.CycleId)).Moderated.Count);
        Assert.Equal(HttpStatusCode.Redirect, moderated.Status);
        Assert.Equal($"{url}?pageNumber=2#bid-{lastBid}", moderated.Location);
    }

    private enum Which { Officer, LivedExperience, A, B, Quality, CoProduction, Safeguarding }

    private sealed record Arranged(
        Guid CycleId, Guid BidA, Guid BidB, string ProviderA, Guid Quality, Guid CoProduction, Guid? Safeguarding, DateTimeOffset Opened)
    {
        public DateTimeOffset AfterDeadline => Opened.AddDays(9);
    }

    private sealed record StoredScore(string UserId, Guid BidId, Guid CriterionId, int Level, string Comment);

    /// <summary>The same scores on both bids: the officer's first, the lived-experience evaluator's second.</summary>
    private static Func<Which, Which, Which, int> Scores((int Officer, int LivedExperience) quality, (int Officer, int LivedExperience) coProduction) =>
        (evaluator, _, criterion) => (evaluator, criterion) switch
        {
            (Which.Officer, Which.Quality) => quality.Officer,
            (_, Which.Quality) => quality.LivedExperience,
            (Which.Officer, _) => coProduction.Officer,
            _ => coProduction.LivedExperience,
        };

    /// <summary>
    /// A cycle at procurement under the Competitive Process: quality (60%) and co-production (40%), optionally a
    /// pass/fail safeguarding criterion; the champion as officer and the panel member as lived-experience evaluator on
    /// every criterion, briefed and declared; bidding opened a moment ago with a deadline in a week; bids from a second
    /// provider (first) and the demo provider; scores given the day after the deadline by <paramref name="score"/>.
    /// </summary>
    private async Task<Arranged> ArrangeAsync(
        Func<Which, Which, Which, int> score, bool livedExperienceSubmits = true, bool withPassFail = false, bool award = false, int moreBids = 0)
    {
        var opened = DateTimeOffset.UtcNow;
        var scored = opened.AddDays(8);
        var cycle = ACycle.AtStage(StageKind.Procurement).Build();
        await using var scope = fixture.Db();
        var db = scope.Context;
        db.Cycles.Add(cycle);
        foreach (var (userId, role, voice, organisation) in People.Memberships())
        {
            db.Memberships.Add(Expect.Success(CycleMembership.Create(cycle.Id, userId, role, voice, organisation, null, Moments.Now)));
        }

        var second = new Organisation($"Second Provider {Guid.NewGuid():N}"[..24], OrganisationKind.VoluntaryOrCommunityOrganisation);
        db.Organisations.Add(second);
        var commissioner = People.Commissioner;
        var procurement = Expect.Success(CycleProcurement.Start(cycle, Competitive, commissioner, CycleRole.Commissioner, opened));
        var quality = Expect.Success(procurement.AddCriterion(cycle,
            new CriterionDraft("Quality", "How the provider will run a safe, effective service.", CriterionKind.Scored, 60),
            CriterionCitations.None, commissioner, CycleRole.Commissioner, opened));
        var coProduction = Expect.Success(procurement.AddCriterion(cycle,
            new CriterionDraft("Co-production", "How the provider will keep working with the people who use the service.", CriterionKind.Scored, 40,
                IsCoProduction: true),
            CriterionCitations.None, commissioner, CycleRole.Commissioner, opened));
        var safeguarding = withPassFail
            ? Expect.Success(procurement.AddCriterion(cycle,
                new CriterionDraft("Safeguarding", "The provider has a safeguarding policy.", CriterionKind.PassFail, 0),
                CriterionCitations.None, commissioner, CycleRole.Commissioner, opened))
            : null;
        var criteria = procurement.Criteria.Select(c => c.Id).ToArray();
        var officer = Expect.Success(procurement.AddEvaluator(cycle, People.Champion, CycleRole.CoProductionChampion, EvaluatorRole.Officer, criteria,
            commissioner, CycleRole.Commissioner, opened));
        var livedExperience = Expect.Success(procurement.AddEvaluator(cycle, People.Panel, CycleRole.PanelMember, EvaluatorRole.LivedExperience, criteria,
            commissioner, CycleRole.Commissioner, opened));
        Expect.Success(procurement.RecordBriefing(cycle, livedExperience.Id, DateOnly.FromDateTime(opened.UtcDateTime), "Sam Green, Recovery College",
            commissioner, CycleRole.Commissioner, opened));
        foreach (var evaluator in new[] { officer, livedExperience })
        {
            Expect.Success(procurement.Declare(cycle, evaluator.Id, new DeclarationDraft(false, null, null), evaluator.UserId, opened));
            Expect.Success(procurement.AcceptDeclaration(cycle, evaluator.Id, commissioner, CycleRole.Commissioner, opened));
        }

        Expect.Success(procurement.OpenBidding(cycle, opened.AddDays(7), commissioner, CycleRole.Commissioner, opened));
        db.Procurements.Add(procurement);

        var bidB = SubmittedBid(cycle, procurement, second.Id, "second provider", opened.AddDays(1));
        var bidA = SubmittedBid(cycle, procurement, People.ProviderOrganisation, "first provider", opened.AddDays(2));
        db.Bids.AddRange(bidA, bidB);
        List<Bid> bids = [bidB, bidA];
        // Further providers' bids, scored as bid B.
        for (var i = 0; i < moreBids; i++)
        {
            var more = new Organisation($"Further Provider {i} {Guid.NewGuid():N}"[..28], OrganisationKind.VoluntaryOrCommunityOrganisation);
            db.Organisations.Add(more);
            var bid = SubmittedBid(cycle, procurement, more.Id, $"further provider {i}", opened.AddDays(3).AddHours(i));
            db.Bids.Add(bid);
            bids.Add(bid);
        }

        List<Scorecard> cards = [];
        foreach (var (evaluator, which) in new[] { (officer, Which.Officer), (livedExperience, Which.LivedExperience) })
        {
            var card = Scorecard.For(procurement, evaluator, scored);
            foreach (var (bid, bidWhich) in bids.Select(b => (b, b == bidA ? Which.A : Which.B)))
            {
                foreach (var (criterion, criterionWhich) in new[] { (quality, Which.Quality), (coProduction, Which.CoProduction), (safeguarding, Which.Safeguarding) })
                {
                    if (criterion is not null)
                    {
                        var who = which == Which.Officer ? "Officer's" : "Lived-experience";
                        Expect.Success(card.Score(cycle, procurement, bid, criterion.Id, score(which, bidWhich, criterionWhich),
                            $"{who} comment on {criterion.Name.ToLowerInvariant()}.", evaluator.UserId, scored));
                    }
                }
            }

            if (which == Which.Officer || livedExperienceSubmits)
            {
                Expect.Success(card.Submit(cycle, procurement, bids, evaluator.UserId, scored));
            }

            cards.Add(card);
        }

        db.Scorecards.AddRange(cards);
        if (award)
        {
            Expect.Success(procurement.AgreeUnanimousScores(cycle, Evaluation.Of(procurement, bids, cards, scored), commissioner, CycleRole.Commissioner, scored));
            var decision = Expect.Success(cycle.RecordDecision(StageKind.Procurement, new DecisionDetails("Award the contract",
                "Award the contract to the first provider, the top-ranked bid.", DecisionMode.CommissionerLed, "Procurement law sets how the award is made.",
                CoProductionLadderRung.Engagement, scored, [new DecisionParticipant(commissioner, CycleRole.Commissioner)], []),
                commissioner, CycleRole.Commissioner, scored));
            Expect.Success(procurement.RecordAward(cycle, decision.Id, [People.ProviderOrganisation], Evaluation.Of(procurement, bids, cards, scored),
                [People.ProviderOrganisation, second.Id], commissioner, CycleRole.Commissioner, scored));
        }

        await db.SaveChangesAsync(_ct);
        var providerA = await db.Organisations.Where(o => o.Id == People.ProviderOrganisation).Select(o => o.Name).SingleAsync(_ct);
        return new Arranged(cycle.Id, bidA.Id, bidB.Id, providerA, quality.Id, coProduction.Id, safeguarding?.Id, opened);

        Bid SubmittedBid(CommissioningCycle c, CycleProcurement p, Guid organisationId, string who, DateTimeOffset at)
        {
            var bid = Expect.Success(Bid.Start(c, p, organisationId, false, People.Provider, CycleRole.Provider, at));
            Expect.Success(bid.Save(c, p, new BidDraft(null, p.Criteria.ToDictionary(cr => cr.Id, cr => (string?)$"The {cr.Name.ToLowerInvariant()} answer from the {who}."), null),
                People.Provider, CycleRole.Provider, organisationId, at));
            Expect.Success(bid.Submit(c, p, People.Provider, CycleRole.Provider, organisationId, at));
            return bid;
        }
    }

    private WebApplicationFactory<Program> AfterDeadline(Arranged arranged) => fixture.Factory.WithClock(new FakeTimeProvider(arranged.AfterDeadline));

    private async Task<BrowserLikeClient> SignedInAsync(WebApplicationFactory<Program> app, string email)
    {
        var client = BrowserLikeClient.For(app);
        await client.SignInAsync(email, DemoSeeder.Password, _ct);
        return client;
    }

    /// <summary>The bids whose scores the page lists, in the order it lists them.</summary>
    private static List<Guid> BidTables(BrowserLikeClient.Page page) =>
        [.. page.Document.QuerySelectorAll("main h2[id^='bid-']").Select(h => Guid.Parse(h.Id!["bid-".Length..]))];

    private static IElement Row(BrowserLikeClient.Page page, Guid bidId, Guid criterionId) =>
        page.Document.GetElementById($"bid-{bidId}-criterion-{criterionId}") ?? throw new InvalidOperationException($"No row for criterion {criterionId} of bid {bidId}.");

    /// <summary>The ranking table's rows: rank, provider (the second provider's name without its test suffix), total.</summary>
    private static List<List<string>> Ranking(BrowserLikeClient.Page page, Arranged arranged)
    {
        var table = page.Document.QuerySelectorAll("main table").Single(t => t.QuerySelector("caption")?.TextContent == "Bids ranked by weighted total");
        return
        [
            .. table.QuerySelectorAll("tbody tr").Select(row => row.Children
                .Select(cell => Normalised(cell.TextContent))
                .Select(text => text.StartsWith("Second Provider", StringComparison.Ordinal) ? "Second Provider" : text)
                .ToList()),
        ];
    }

    private static string Normalised(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static bool Checked(BrowserLikeClient.Page page, string name, string value) =>
        page.Document.QuerySelectorAll<IHtmlInputElement>($"input[name='{name}']").Any(i => i.Value == value && i.IsChecked);

    private async Task<CycleProcurement> ProcurementAsync(Guid cycleId)
    {
        await using var scope = fixture.Db();
        return await scope.Context.Procurements.AsNoTracking().AsSplitQuery().SingleAsync(p => p.CycleId == cycleId, _ct);
    }

    private async Task<List<StoredScore>> ScorecardsAsync(Arranged arranged)
    {
        await using var scope = fixture.Db();
        var cards = await scope.Context.Scorecards.AsNoTracking()
            .Where(s => s.Scores.Any(x => x.BidId == arranged.BidA || x.BidId == arranged.BidB)).ToListAsync(_ct);
        return [.. cards.SelectMany(c => c.Scores.Select(s => new StoredScore(c.UserId, s.BidId, s.CriterionId, s.Level, s.Comment)))
            .OrderBy(s => s.UserId, StringComparer.Ordinal).ThenBy(s => s.BidId).ThenBy(s => s.CriterionId)];
    }
}
