using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using CoproCommissioning.Data;
using CoproCommissioning.Domain.Cycles;
using CoproCommissioning.Domain.Membership;
using CoproCommissioning.Domain.Procurement;
using CoproCommissioning.Domain.Testing;
using CoproCommissioning.Web.DemoData;
using CoproCommissioning.Web.Pages.Cycles.Procurement;
using CoproCommissioning.Web.Pages.Cycles.Procurement.Scoring;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace CoproCommissioning.Web.Tests.Pages.Cycles.Procurement;

/// <summary>
/// Independent scoring: an evaluator's scorecard and scoring one bid. Each test runs the app on its own clock, set after
/// the bid deadline (or before it), since nobody reads or scores a bid until the deadline has passed.
/// </summary>
public sealed class ScoringPageTests(CyclePagesFixture fixture) : IClassFixture<CyclePagesFixture>
{
    private static readonly RouteChoice Competitive = new(
        ProcurementRegime.ProviderSelectionRegime, ProcurementRoute.CompetitiveProcess,
        new RouteQuestions(ExistingProvider: false, null, UnrestrictedChoice: false, null),
        "Three providers said at the market event that they could run it.");

    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    private CyclePeople People => fixture.People;

    [Fact]
    public async Task An_evaluator_scores_a_bid_criterion_by_criterion_with_comments_and_submits()
    {
        var arranged = await ArrangeAsync();
        await using var app = AfterDeadline(arranged);
        var panel = await SignedInAsync(app, CyclePeople.PanelEmail);
        var url = ProcurementUrls.ScoreBid(arranged.CycleId, arranged.BidId);

        var form = await panel.GetAsync(url, _ct);
        var first = await panel.SubmitOnAsync(form, new Dictionary<string, string>
        {
            [LevelName(arranged.CoProduction)] = "3",
            [CommentName(arranged.CoProduction)] = "They pay their peer forum and showed minutes from it.",
        }, ct: _ct);
        var halfway = await panel.GetAsync(ProcurementUrls.Scoring(arranged.CycleId), _ct);
        var second = await panel.SubmitAsync(url, new Dictionary<string, string>
        {
            [LevelName(arranged.CoProduction)] = "3",
            [CommentName(arranged.CoProduction)] = "They pay their peer forum and showed minutes from it.",
            [LevelName(arranged.Insurance)] = Scorecard.Pass.ToString(System.Globalization.CultureInfo.InvariantCulture),
            [CommentName(arranged.Insurance)] = "The certificate is attached and in date.",
        }, ct: _ct);
        var scorecard = await ScorecardAsync(arranged, People.Panel);
        var submitted = await panel.SubmitAsync(ProcurementUrls.Scoring(arranged.CycleId), new Dictionary<string, string>(), ct: _ct);

        Assert.Equal(5, form.Document.QuerySelectorAll<IHtmlInputElement>($"input[type=radio][name='{LevelName(arranged.CoProduction)}']").Count());
        Assert.Equal(2, form.Document.QuerySelectorAll<IHtmlInputElement>($"input[type=radio][name='{LevelName(arranged.Insurance)}']").Count());
        Assert.Contains("We will keep paying our peer forum", form.Text);
        Assert.Null(form.Document.QuerySelector($"[name='{LevelName(arranged.Quality)}']"));
        Assert.Equal(HttpStatusCode.Redirect, first.Status);
        Assert.Equal(ProcurementUrls.Scoring(arranged.CycleId), first.Location);
        Assert.Contains("1 of 2 criteria scored", halfway.Text);
        Assert.Equal(HttpStatusCode.Redirect, second.Status);
        Assert.Equal(2, scorecard!.Scores.Count);
        Assert.Equal(3, scorecard.ScoreFor(arranged.BidId, arranged.CoProduction)!.Level);
        Assert.Equal("The certificate is attached and in date.", scorecard.ScoreFor(arranged.BidId, arranged.Insurance)!.Comment);
        Assert.Equal(HttpStatusCode.Redirect, submitted.Status);
        Assert.True((await ScorecardAsync(arranged, People.Panel))!.IsSubmitted);
    }

    [Fact]
    public async Task A_score_without_a_comment_or_off_the_scale_is_refused_beside_its_field_with_what_was_typed_kept_and_nothing_saved()
    {
        var arranged = await ArrangeAsync();
        await using var app = AfterDeadline(arranged);
        var panel = await SignedInAsync(app, CyclePeople.PanelEmail);
        var url = ProcurementUrls.ScoreBid(arranged.CycleId, arranged.BidId);

        var refused = await panel.SubmitAsync(url, new Dictionary<string, string>
        {
            [LevelName(arranged.CoProduction)] = "3",
            [CommentName(arranged.CoProduction)] = "",
            [LevelName(arranged.Insurance)] = "7",
            [CommentName(arranged.Insurance)] = "The certificate is attached.",
        }, ct: _ct);

        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains(ProcurementRules.ScoreCommentRequired.Message, refused.Document.GetElementById($"{Id(CommentName(arranged.CoProduction))}-error")?.TextContent);
        Assert.Contains(ProcurementRules.ScoreNotOnScale.Message, refused.Document.GetElementById($"{Id(LevelName(arranged.Insurance))}-error")?.TextContent);
        Assert.Null(refused.Document.GetElementById($"{Id(LevelName(arranged.CoProduction))}-error"));
        Assert.True(Checked(refused, LevelName(arranged.CoProduction), "3"));
        Assert.Equal("The certificate is attached.", (refused.Document.GetElementById(Id(CommentName(arranged.Insurance))) as IHtmlTextAreaElement)?.Value);
        Assert.Null(await ScorecardAsync(arranged, People.Panel));
    }

    [Fact]
    public async Task A_lived_experience_evaluator_whose_training_is_not_recorded_is_told_so_and_a_crafted_score_is_refused()
    {
        var arranged = await ArrangeAsync(briefed: false);
        await using var app = AfterDeadline(arranged);
        var panel = await SignedInAsync(app, CyclePeople.PanelEmail);
        var url = ProcurementUrls.ScoreBid(arranged.CycleId, arranged.BidId);

        var scoring = await panel.GetAsync(ProcurementUrls.Scoring(arranged.CycleId), _ct);
        var page = await panel.GetAsync(url, _ct);
        var crafted = await panel.PostCraftedAsync(url, new Dictionary<string, string>
        {
            [LevelName(arranged.CoProduction)] = "2",
            [CommentName(arranged.CoProduction)] = "Some evidence of paying people.",
        }, ProcurementUrls.Declaration(arranged.CycleId), _ct);

        Assert.Contains(ProcurementRules.BriefingBeforeScoring.Message, scoring.Text);
        Assert.Null(scoring.Document.QuerySelector($"main a[href='{url}']"));
        Assert.Null(scoring.Document.QuerySelector("main button"));
        Assert.Contains(ProcurementRules.BriefingBeforeScoring.Message, page.Text);
        Assert.Empty(page.Document.QuerySelectorAll("main input[type=radio]"));
        Assert.Equal(HttpStatusCode.OK, crafted.Status);
        Assert.Contains(ProcurementRules.BriefingBeforeScoring.Message, crafted.Document.QuerySelector(".nhsuk-error-summary")?.TextContent);
        Assert.Null(await ScorecardAsync(arranged, People.Panel));
    }

    [Fact]
    public async Task A_criterion_the_evaluator_was_not_asked_to_score_is_refused_on_a_crafted_post()
    {
        var arranged = await ArrangeAsync();
        await using var app = AfterDeadline(arranged);
        var panel = await SignedInAsync(app, CyclePeople.PanelEmail);
        var url = ProcurementUrls.ScoreBid(arranged.CycleId, arranged.BidId);

        var crafted = await panel.SubmitAsync(url, new Dictionary<string, string>
        {
            [LevelName(arranged.CoProduction)] = "3",
            [CommentName(arranged.CoProduction)] = "They pay their peer forum.",
            [LevelName(arranged.Quality)] = "4",
            [CommentName(arranged.Quality)] = "Strong clinical governance.",
        }, ct: _ct);

        Assert.Equal(HttpStatusCode.OK, crafted.Status);
        Assert.Contains(ProcurementRules.CriterionNotAssigned.Message, crafted.Document.QuerySelector(".nhsuk-error-summary")?.TextContent);
        Assert.Null(await ScorecardAsync(arranged, People.Panel));
    }

    [Fact]
    public async Task An_evaluator_sees_no_other_evaluators_scores_until_they_submit_their_own()
    {
        var arranged = await ArrangeAsync();
        var secret = $"The clinical pathway has no out-of-hours cover ({Guid.NewGuid():N})";
        await ScoreAndSubmitAsync(arranged, People.Clinician, secret, arranged.CoProduction, arranged.Quality);
        await using var app = AfterDeadline(arranged);
        var panel = await SignedInAsync(app, CyclePeople.PanelEmail);
        var scoringUrl = ProcurementUrls.Scoring(arranged.CycleId);
        var bidUrl = ProcurementUrls.ScoreBid(arranged.CycleId, arranged.BidId);

        var scoringBefore = await panel.GetAsync(scoringUrl, _ct);
        var bidBefore = await panel.GetAsync(bidUrl, _ct);
        await panel.SubmitAsync(bidUrl, new Dictionary<string, string>
        {
            [LevelName(arranged.CoProduction)] = "2",
            [CommentName(arranged.CoProduction)] = "Some evidence of paying people.",
            [LevelName(arranged.Insurance)] = "1",
            [CommentName(arranged.Insurance)] = "Certificate attached.",
        }, ct: _ct);
        var submitted = await panel.SubmitAsync(scoringUrl, new Dictionary<string, string>(), ct: _ct);
        var scoringAfter = await panel.GetAsync(scoringUrl, _ct);
        var bidAfter = await panel.GetAsync(bidUrl, _ct);

        Assert.Equal(HttpStatusCode.OK, bidBefore.Status);
        Assert.DoesNotContain(secret, scoringBefore.Html);
        Assert.DoesNotContain(secret, bidBefore.Html);
        Assert.Equal(HttpStatusCode.Redirect, submitted.Status);
        Assert.Contains(secret, scoringAfter.Text);
        Assert.Contains(secret, bidAfter.Text);
        Assert.Contains("Dr Sam Iqbal", scoringAfter.Text);
        Assert.Empty(bidAfter.Document.QuerySelectorAll("main input[type=radio]"));
    }

    [Fact]
    public async Task Scores_cannot_change_after_they_are_submitted()
    {
        var arranged = await ArrangeAsync();
        await ScoreAndSubmitAsync(arranged, People.Panel, "My first view.", arranged.CoProduction, arranged.Insurance);
        await using var app = AfterDeadline(arranged);
        var panel = await SignedInAsync(app, CyclePeople.PanelEmail);
        var url = ProcurementUrls.ScoreBid(arranged.CycleId, arranged.BidId);

        var crafted = await panel.PostCraftedAsync(url, new Dictionary<string, string>
        {
            [LevelName(arranged.CoProduction)] = "0",
            [CommentName(arranged.CoProduction)] = "I changed my mind.",
        }, ProcurementUrls.Declaration(arranged.CycleId), _ct);

        Assert.Equal(HttpStatusCode.OK, crafted.Status);
        Assert.Contains(ProcurementRules.ScoresSubmitted.Message, crafted.Document.QuerySelector(".nhsuk-error-summary")?.TextContent);
        var score = (await ScorecardAsync(arranged, People.Panel))!.ScoreFor(arranged.BidId, arranged.CoProduction)!;
        Assert.Equal(2, score.Level);
        Assert.Equal("My first view.", score.Comment);
    }

    [Fact]
    public async Task Scores_cannot_change_after_moderation_except_by_moderation()
    {
        var arranged = await ArrangeAsync();
        await ScoreAndSubmitAsync(arranged, People.Panel, "My first view.", arranged.CoProduction, arranged.Insurance);
        await ScoreAndSubmitAsync(arranged, People.Clinician, "Their forum is new.", arranged.CoProduction, arranged.Quality);
        await ModerateAsync(arranged, arranged.CoProduction, 3);
        await using var app = AfterDeadline(arranged);
        var panel = await SignedInAsync(app, CyclePeople.PanelEmail);

        var crafted = await panel.PostCraftedAsync(ProcurementUrls.ScoreBid(arranged.CycleId, arranged.BidId), new Dictionary<string, string>
        {
            [LevelName(arranged.CoProduction)] = "4",
            [CommentName(arranged.CoProduction)] = "The panel persuaded me.",
        }, ProcurementUrls.Declaration(arranged.CycleId), _ct);

        Assert.Equal(HttpStatusCode.OK, crafted.Status);
        Assert.Contains(ProcurementRules.ScoreModerated.Message, crafted.Document.QuerySelector(".nhsuk-error-summary")?.TextContent);
        Assert.Equal(2, (await ScorecardAsync(arranged, People.Panel))!.ScoreFor(arranged.BidId, arranged.CoProduction)!.Level);
    }

    [Fact]
    public async Task An_evaluator_restricted_from_a_providers_bid_gets_not_found_for_it_and_does_not_see_it_listed()
    {
        var arranged = await ArrangeAsync(restrictPanel: true);
        await using var app = AfterDeadline(arranged);
        var panel = await SignedInAsync(app, CyclePeople.PanelEmail);
        var url = ProcurementUrls.ScoreBid(arranged.CycleId, arranged.BidId);

        var get = await panel.GetAsync(url, _ct);
        var post = await panel.PostCraftedAsync(url, new Dictionary<string, string>
        {
            [LevelName(arranged.CoProduction)] = "3",
            [CommentName(arranged.CoProduction)] = "Crafted.",
        }, ProcurementUrls.Declaration(arranged.CycleId), _ct);
        var scoring = await panel.GetAsync(ProcurementUrls.Scoring(arranged.CycleId), _ct);

        Assert.Equal(HttpStatusCode.NotFound, get.Status);
        Assert.Equal(HttpStatusCode.NotFound, post.Status);
        Assert.Equal(HttpStatusCode.OK, scoring.Status);
        Assert.Null(scoring.Document.QuerySelector($"main a[href='{url}']"));
        Assert.Contains(ProcurementRules.NothingToScore.Message, scoring.Text);
        Assert.Null(await ScorecardAsync(arranged, People.Panel));
    }

    [Fact]
    public async Task Before_the_deadline_an_evaluator_sees_what_they_will_score_and_when_and_the_bid_is_not_found()
    {
        var arranged = await ArrangeAsync();
        var clock = new FakeTimeProvider(arranged.At.AddMinutes(5));
        await using var app = fixture.Factory.WithClock(clock);
        var panel = await SignedInAsync(app, CyclePeople.PanelEmail);

        var scoring = await panel.GetAsync(ProcurementUrls.Scoring(arranged.CycleId), _ct);
        var bid = await panel.GetAsync(ProcurementUrls.ScoreBid(arranged.CycleId, arranged.BidId), _ct);

        Assert.Equal(HttpStatusCode.OK, scoring.Status);
        var criteria = scoring.Document.GetElementById("my-criteria")?.TextContent;
        Assert.Contains("Keeping people involved", criteria);
        Assert.Contains("Insurance", criteria);
        Assert.DoesNotContain("Quality", criteria);
        Assert.Contains("Bids are sealed until the deadline", scoring.Document.GetElementById("bids-open")?.TextContent);
        Assert.Null(scoring.Document.QuerySelector("main form"));
        Assert.Equal(HttpStatusCode.NotFound, bid.Status);
    }

    [Fact]
    public async Task Without_an_accepted_declaration_the_evaluator_is_sent_to_declare_and_has_nothing_to_score()
    {
        var arranged = await ArrangeAsync(declarePanel: false);
        await using var app = AfterDeadline(arranged);
        var panel = await SignedInAsync(app, CyclePeople.PanelEmail);

        var scoring = await panel.GetAsync(ProcurementUrls.Scoring(arranged.CycleId), _ct);
        var bid = await panel.GetAsync(ProcurementUrls.ScoreBid(arranged.CycleId, arranged.BidId), _ct);

        Assert.NotNull(scoring.Document.QuerySelector($"#declaration a[href='{ProcurementUrls.Declaration(arranged.CycleId)}']"));
        Assert.Null(scoring.Document.GetElementById("bids"));
        Assert.Equal(HttpStatusCode.NotFound, bid.Status);
    }

    [Fact]
    public async Task A_member_not_on_the_panel_and_a_cycle_without_a_procurement_go_to_the_overview()
    {
        var arranged = await ArrangeAsync();
        var withoutProcurement = await fixture.CreateCycleAsync();
        await using var app = AfterDeadline(arranged);
        var carer = await SignedInAsync(app, CyclePeople.CarerEmail);
        var panel = await SignedInAsync(app, CyclePeople.PanelEmail);

        var notOnPanel = await carer.GetAsync(ProcurementUrls.Scoring(arranged.CycleId), _ct);
        var noProcurement = await panel.GetAsync(ProcurementUrls.Scoring(withoutProcurement), _ct);
        var provider = await (await SignedInAsync(app, CyclePeople.ProviderEmail)).GetAsync(ProcurementUrls.Scoring(arranged.CycleId), _ct);

        Assert.Equal(HttpStatusCode.Redirect, notOnPanel.Status);
        Assert.Equal(ProcurementUrls.Overview(arranged.CycleId), notOnPanel.Location);
        Assert.Equal(HttpStatusCode.Redirect, noProcurement.Status);
        Assert.Equal(ProcurementUrls.Overview(withoutProcurement), noProcurement.Location);
        Assert.Equal(HttpStatusCode.Forbidden, provider.Status);
    }

    [Fact]
    public async Task Saving_in_two_tabs_reports_the_clash_and_keeps_the_first_save()
    {
        var arranged = await ArrangeAsync();
        await using var app = AfterDeadline(arranged);
        var panel = await SignedInAsync(app, CyclePeople.PanelEmail);
        var url = ProcurementUrls.ScoreBid(arranged.CycleId, arranged.BidId);
        var firstTab = await panel.GetAsync(url, _ct);
        var secondTab = await panel.GetAsync(url, _ct);

        var first = await panel.SubmitOnAsync(firstTab, new Dictionary<string, string>
        {
            [LevelName(arranged.CoProduction)] = "3",
            [CommentName(arranged.CoProduction)] = "First tab.",
        }, ct: _ct);
        var second = await panel.SubmitOnAsync(secondTab, new Dictionary<string, string>
        {
            [LevelName(arranged.CoProduction)] = "1",
            [CommentName(arranged.CoProduction)] = "Second tab.",
        }, ct: _ct);

        Assert.Equal(HttpStatusCode.Redirect, first.Status);
        Assert.Equal(HttpStatusCode.OK, second.Status);
        Assert.Contains(ScoreBidModel.ClashMessage, second.Document.QuerySelector(".nhsuk-error-summary")?.TextContent);
        Assert.Equal("Second tab.", (second.Document.GetElementById(Id(CommentName(arranged.CoProduction))) as IHtmlTextAreaElement)?.Value);
        Assert.Equal("First tab.", (await ScorecardAsync(arranged, People.Panel))!.ScoreFor(arranged.BidId, arranged.CoProduction)!.Comment);
    }

    private static string LevelName(Guid criterionId) => $"Form.{ScoreForm.FieldOf(criterionId, nameof(CriterionScore.Level))}";

    private static string CommentName(Guid criterionId) => $"Form.{ScoreForm.FieldOf(criterionId, nameof(CriterionScore.Comment))}";

    /// <summary>The id ASP.NET Core gives a field of this name, as the error summary and the error messages use it.</summary>
    private static string Id(string name) => name.Replace('.', '_').Replace('[', '_').Replace(']', '_');

    private static bool Checked(BrowserLikeClient.Page page, string name, string value) =>
        page.Document.QuerySelectorAll<IHtmlInputElement>($"input[name='{name}']").Any(i => i.Value == value && i.IsChecked);

    private WebApplicationFactory<Program> AfterDeadline(Arranged arranged) =>
        fixture.Factory.WithClock(new FakeTimeProvider(arranged.Deadline.AddHours(1)));

    private async Task<BrowserLikeClient> SignedInAsync(WebApplicationFactory<Program> app, string email)
    {
        var client = BrowserLikeClient.For(app);
        await client.SignInAsync(email, DemoSeeder.Password, _ct);
        return client;
    }

    private sealed record Arranged(Guid CycleId, Guid BidId, Guid CoProduction, Guid Quality, Guid Insurance, DateTimeOffset At, DateTimeOffset Deadline);

    /// <summary>
    /// A competitive procurement whose bidding closed an hour ago (on the app's clock): three criteria; the panel
    /// member a lived-experience evaluator of co-production and insurance, the clinical adviser of co-production and
    /// quality; both declarations accepted unless told otherwise; the provider's bid submitted.
    /// </summary>
    private async Task<Arranged> ArrangeAsync(bool briefed = true, bool declarePanel = true, bool restrictPanel = false)
    {
        var at = DateTimeOffset.UtcNow;
        var deadline = at.AddHours(1);
        var cycle = ACycle.AtStage(StageKind.Procurement).Build();
        var procurement = Expect.Success(CycleProcurement.Start(cycle, Competitive, People.Commissioner, CycleRole.Commissioner, at));
        var coProduction = Criterion(cycle, procurement, new CriterionDraft("Keeping people involved",
            "How the provider will keep working with the people who use the service.", CriterionKind.Scored, 60, IsCoProduction: true), at);
        var quality = Criterion(cycle, procurement, new CriterionDraft("Quality and innovation", "How the service will be safe.", CriterionKind.Scored, 40), at);
        var insurance = Criterion(cycle, procurement, new CriterionDraft("Insurance", "The provider holds the insurance the contract needs.",
            CriterionKind.PassFail, null), at);
        var panel = Expect.Success(procurement.AddEvaluator(cycle, People.Panel, CycleRole.PanelMember, EvaluatorRole.LivedExperience,
            [coProduction, insurance], People.Commissioner, CycleRole.Commissioner, at));
        var clinician = Expect.Success(procurement.AddEvaluator(cycle, People.Clinician, CycleRole.ClinicalAdviser, EvaluatorRole.ClinicalAdviser,
            [coProduction, quality], People.Commissioner, CycleRole.Commissioner, at));
        if (briefed)
        {
            Expect.Success(procurement.RecordBriefing(cycle, panel.Id, DateOnly.FromDateTime(at.UtcDateTime).AddDays(-1), "Sam Green, Recovery College",
                People.Commissioner, CycleRole.Commissioner, at));
        }

        if (declarePanel)
        {
            Expect.Success(procurement.Declare(cycle, panel.Id, restrictPanel
                ? new DeclarationDraft(true, "I volunteer with this provider.", ConflictAction.RestrictBids, [People.ProviderOrganisation])
                : new DeclarationDraft(false, null, null), People.Panel, at));
            Expect.Success(procurement.AcceptDeclaration(cycle, panel.Id, People.Commissioner, CycleRole.Commissioner, at));
        }

        Expect.Success(procurement.Declare(cycle, clinician.Id, new DeclarationDraft(false, null, null), People.Clinician, at));
        Expect.Success(procurement.AcceptDeclaration(cycle, clinician.Id, People.Commissioner, CycleRole.Commissioner, at));
        Expect.Success(procurement.OpenBidding(cycle, deadline, People.Commissioner, CycleRole.Commissioner, at));
        var bid = Expect.Success(Bid.Start(cycle, procurement, People.ProviderOrganisation, false, People.Provider, CycleRole.Provider, at));
        Expect.Success(bid.Save(cycle, procurement, new BidDraft(null, new Dictionary<Guid, string?>
        {
            [coProduction] = "We will keep paying our peer forum and publish what it changes.",
            [quality] = "Our clinical governance board meets monthly.",
            [insurance] = "Our certificate is attached.",
        }, null), People.Provider, CycleRole.Provider, People.ProviderOrganisation, at));
        Expect.Success(bid.Submit(cycle, procurement, People.Provider, CycleRole.Provider, People.ProviderOrganisation, at));

        await using var scope = fixture.Db();
        scope.Context.Cycles.Add(cycle);
        foreach (var (userId, role, voice, organisation) in People.Memberships())
        {
            scope.Context.Memberships.Add(Expect.Success(CycleMembership.Create(cycle.Id, userId, role, voice, organisation, null, Moments.Now)));
        }

        scope.Context.Procurements.Add(procurement);
        scope.Context.Bids.Add(bid);
        await scope.Context.SaveChangesAsync(_ct);
        return new Arranged(cycle.Id, bid.Id, coProduction, quality, insurance, at, deadline);
    }

    private static Guid Criterion(CommissioningCycle cycle, CycleProcurement procurement, CriterionDraft draft, DateTimeOffset at) =>
        Expect.Success(procurement.AddCriterion(cycle, draft, CriterionCitations.None, procurement.CreatedByUserId, CycleRole.Commissioner, at)).Id;

    /// <summary>An evaluator scores each of <paramref name="criteria"/> 2 (a pass, if pass/fail) with the comment, and submits, after the deadline.</summary>
    private async Task ScoreAndSubmitAsync(Arranged arranged, string userId, string comment, params Guid[] criteria)
    {
        var now = arranged.Deadline.AddMinutes(10);
        await using var scope = fixture.Db();
        var (cycle, procurement, bid) = await LoadAsync(scope.Context, arranged);
        var evaluator = procurement.EvaluatorFor(userId)!;
        var scorecard = Scorecard.For(procurement, evaluator, now);
        foreach (var criterionId in criteria)
        {
            var level = procurement.FindCriterion(criterionId)!.Kind == CriterionKind.PassFail ? Scorecard.Pass : 2;
            Expect.Success(scorecard.Score(cycle, procurement, bid, criterionId, level, comment, userId, now));
        }

        Expect.Success(scorecard.Submit(cycle, procurement, [bid], userId, now));
        scope.Context.Scorecards.Add(scorecard);
        await scope.Context.SaveChangesAsync(_ct);
    }

    private async Task ModerateAsync(Arranged arranged, Guid criterionId, int level)
    {
        var now = arranged.Deadline.AddMinutes(20);
        await using var scope = fixture.Db();
        var (cycle, procurement, bid) = await LoadAsync(scope.Context, arranged);
        var scorecards = await scope.Context.Scorecards.AsNoTracking().Where(s => s.ProcurementId == procurement.Id).ToListAsync(_ct);
        var evaluation = Evaluation.Of(procurement, [bid], scorecards, now).Single().Criteria.Single(c => c.Criterion.Id == criterionId);
        Expect.Success(procurement.Moderate(cycle, evaluation, bid, level, "The panel agreed the forum is real but new.",
            fixture.People.Commissioner, CycleRole.Commissioner, now));
        await scope.Context.SaveChangesAsync(_ct);
    }

    private async Task<(CommissioningCycle Cycle, CycleProcurement Procurement, Bid Bid)> LoadAsync(CoproDbContext db, Arranged arranged)
    {
        var cycle = await db.Cycles.IncludeStages().AsNoTracking().SingleAsync(c => c.Id == arranged.CycleId, _ct);
        var procurement = await db.Procurements.AsSplitQuery().SingleAsync(p => p.CycleId == arranged.CycleId, _ct);
        var bid = await db.Bids.AsNoTracking().SingleAsync(b => b.Id == arranged.BidId, _ct);
        return (cycle, procurement, bid);
    }

    private async Task<Scorecard?> ScorecardAsync(Arranged arranged, string userId)
    {
        await using var scope = fixture.Db();
        return await scope.Context.Scorecards.AsNoTracking()
            .Where(s => s.UserId == userId && scope.Context.Procurements.Any(p => p.Id == s.ProcurementId && p.CycleId == arranged.CycleId))
            .SingleOrDefaultAsync(_ct);
    }
}
