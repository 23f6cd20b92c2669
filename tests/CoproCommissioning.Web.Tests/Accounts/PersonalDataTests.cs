using System.Net;
using System.Text.Json;
using CoproCommissioning.Data;
using CoproCommissioning.Data.Identity;
using CoproCommissioning.Domain.Cycles;
using CoproCommissioning.Domain.Organisations;
using CoproCommissioning.Domain.Procurement;
using CoproCommissioning.Domain.Specification;
using CoproCommissioning.Domain.Testing;
using Microsoft.EntityFrameworkCore;

namespace CoproCommissioning.Web.Tests.Accounts;

public sealed class PersonalDataTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_download_has_the_persons_account_memberships_contributions_and_decisions_and_nobody_elses_input()
    {
        var me = await TestAccounts.CreateAsync(fixture, displayName: "Jess Morgan");
        var someoneElse = await TestAccounts.CreateAsync(fixture, displayName: "Alan Price");
        var commissioner = await TestAccounts.CreateAsync(fixture, SiteRoles.Commissioner, "Priya Sharma");
        var myText = $"The crisis line kept me on hold for an hour ({Guid.NewGuid():N})";
        var theirText = $"My son was sent 80 miles away for a bed ({Guid.NewGuid():N})";
        var built = await ParticipationData.CreateAsync(fixture, me.Id, someoneElse.Id, commissioner.Id, myText, theirText);
        var myTerm = await SuggestGlossaryTermAsync(built.CycleId, me.Id, "crisis café", "A calm place to go at night instead of A&E.");
        await SuggestGlossaryTermAsync(built.CycleId, someoneElse.Id, "care coordinator", "The person who organises your care.");
        var client = BrowserLikeClient.For(fixture.Factory);
        await client.SignInAsync(me.Email, TestAccounts.Password, _ct);

        var download = await client.SubmitAsync("/Identity/Account/Manage/PersonalData", new Dictionary<string, string>(),
            "form[action*=DownloadPersonalData]", _ct);

        Assert.Equal(HttpStatusCode.OK, download.Status);
        Assert.StartsWith("application/json", download.Headers["Content-Type"]);
        Assert.Contains("attachment", download.Headers["Content-Disposition"]);
        Assert.Contains(myText, download.Html);
        Assert.DoesNotContain(theirText, download.Html);

        using var json = JsonDocument.Parse(download.Html);
        var root = json.RootElement;
        Assert.Equal(me.Email, root.GetProperty("account").GetProperty("email").GetString());
        Assert.Equal("Jess Morgan", root.GetProperty("account").GetProperty("displayName").GetString());
        var membership = Assert.Single(root.GetProperty("memberships").EnumerateArray());
        Assert.Equal(built.CycleId, membership.GetProperty("cycleId").GetGuid());
        Assert.Equal(built.CycleTitle, membership.GetProperty("cycleTitle").GetString());
        Assert.Equal("PanelMember", membership.GetProperty("role").GetString());
        var contribution = Assert.Single(root.GetProperty("contributions").EnumerateArray());
        Assert.Equal(built.ContributionId, contribution.GetProperty("id").GetGuid());
        Assert.Equal("Nowhere to go at night", contribution.GetProperty("summary").GetString());
        Assert.Equal(myText, contribution.GetProperty("body").GetString());
        Assert.Equal("NeedsAssessment", contribution.GetProperty("stage").GetString());
        Assert.Equal("Adopted", contribution.GetProperty("currentResponse").GetProperty("type").GetString());
        Assert.Equal("We will fund a crisis café open until midnight.",
            contribution.GetProperty("currentResponse").GetProperty("explanation").GetString());
        var decision = Assert.Single(root.GetProperty("decisions").EnumerateArray());
        Assert.Equal(built.DecisionId, decision.GetProperty("id").GetGuid());
        Assert.Equal("PanelMember", decision.GetProperty("yourRole").GetString());
        var term = Assert.Single(root.GetProperty("glossaryTermsYouSuggested").EnumerateArray());
        Assert.Equal(myTerm, term.GetProperty("id").GetGuid());
        Assert.Equal("A calm place to go at night instead of A&E.", term.GetProperty("meaning").GetString());
        Assert.Equal("Proposed", term.GetProperty("status").GetString());
        Assert.DoesNotContain("care coordinator", download.Html);
        Assert.DoesNotContain("passwordHash", download.Html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Your_data_includes_the_responses_you_wrote_and_input_you_logged_for_others_and_reads_as_a_page_too()
    {
        var panel = await TestAccounts.CreateAsync(fixture, displayName: "Sam Lee");
        var other = await TestAccounts.CreateAsync(fixture, displayName: "Ola Bell");
        var me = await TestAccounts.CreateAsync(fixture, SiteRoles.Commissioner, "Rowan Hale");
        var panelText = $"Nobody called me back ({Guid.NewGuid():N})";
        var built = await ParticipationData.CreateAsync(fixture, panel.Id, other.Id, me.Id, panelText, "Carers were not told anything");
        await using (var scope = fixture.Db())
        {
            var cycle = await scope.Context.Cycles.IncludeStages().SingleAsync(c => c.Id == built.CycleId, _ct);
            Expect.Success(cycle.LogContributionOnBehalf(StageKind.NeedsAssessment, me.Id, CycleRole.Commissioner, null, 6,
                Voice.Carer, Channel.Workshop, ContributionVisibility.CommissioningTeam, "Six carers at the drop-in", "Nobody explained the plan", Moments.Now));
            await scope.Context.SaveChangesAsync(_ct);
        }

        var client = BrowserLikeClient.For(fixture.Factory);
        await client.SignInAsync(me.Email, TestAccounts.Password, _ct);

        var download = await client.SubmitAsync("/Identity/Account/Manage/PersonalData", new Dictionary<string, string>(),
            "form[action*=DownloadPersonalData]", _ct);
        var page = await client.GetAsync("/Identity/Account/Manage/YourData", _ct);

        using var json = JsonDocument.Parse(download.Html);
        var response = Assert.Single(json.RootElement.GetProperty("responsesYouWrote").EnumerateArray());
        Assert.Equal(built.ContributionId, response.GetProperty("contributionId").GetGuid());
        Assert.Equal("We will fund a crisis café open until midnight.", response.GetProperty("explanation").GetString());
        var logged = Assert.Single(json.RootElement.GetProperty("inputYouLoggedForOthers").EnumerateArray());
        Assert.Equal("Six carers at the drop-in", logged.GetProperty("summary").GetString());
        Assert.Equal("Carer", logged.GetProperty("voice").GetString());
        Assert.Equal(6, logged.GetProperty("voicesCarried").GetInt32());
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("Responses you wrote (1)", page.Text, StringComparison.Ordinal);
        Assert.Contains("Input you logged for other people (1)", page.Text, StringComparison.Ordinal);
        Assert.Contains("We will fund a crisis café open until midnight.", page.Text, StringComparison.Ordinal);
        Assert.Contains(me.Email, page.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(panelText, page.Text, StringComparison.Ordinal);
    }

    private async Task<Guid> SuggestGlossaryTermAsync(Guid cycleId, string userId, string term, string meaning)
    {
        await using var scope = fixture.Db();
        var cycle = await scope.Context.Cycles.IncludeStages().SingleAsync(c => c.Id == cycleId, _ct);
        var suggestion = Expect.Success(GlossaryTerm.Add(cycle, [], term, meaning, userId, CycleRole.PanelMember, Moments.Now));
        scope.Context.GlossaryTerms.Add(suggestion);
        await scope.Context.SaveChangesAsync(_ct);
        return suggestion.Id;
    }

    [Fact]
    public async Task The_download_has_the_persons_seat_on_an_evaluation_panel_with_their_own_declared_interest_only()
    {
        var me = await TestAccounts.CreateAsync(fixture, displayName: "Jess Morgan");
        var someoneElse = await TestAccounts.CreateAsync(fixture, displayName: "Alan Price");
        var myInterest = $"I volunteer at the drop-in on Tuesdays ({Guid.NewGuid():N})";
        var theirInterest = $"My sister manages one of the providers ({Guid.NewGuid():N})";
        var cycle = ACycle.AtStage(StageKind.Procurement).Build();
        var now = DateTimeOffset.UtcNow;
        var procurement = Expect.Success(CycleProcurement.Start(cycle, new RouteChoice(ProcurementRegime.ProviderSelectionRegime,
            ProcurementRoute.CompetitiveProcess, new RouteQuestions(false, null, false, null), "Open to the market."), People.Commissioner, CycleRole.Commissioner, now));
        var mine = Expect.Success(procurement.AddEvaluator(cycle, me.Id, CycleRole.PanelMember, EvaluatorRole.LivedExperience, [], People.Commissioner, CycleRole.Commissioner, now));
        var theirs = Expect.Success(procurement.AddEvaluator(cycle, someoneElse.Id, CycleRole.PanelMember, EvaluatorRole.LivedExperience, [], People.Commissioner, CycleRole.Commissioner, now));
        Expect.Success(procurement.Declare(cycle, mine.Id, new DeclarationDraft(true, myInterest, ConflictAction.Continue), me.Id, now));
        Expect.Success(procurement.Declare(cycle, theirs.Id, new DeclarationDraft(true, theirInterest, ConflictAction.StepDown), someoneElse.Id, now));
        await using (var scope = fixture.Db())
        {
            scope.Context.Cycles.Add(cycle);
            scope.Context.Procurements.Add(procurement);
            await scope.Context.SaveChangesAsync(_ct);
        }

        var client = BrowserLikeClient.For(fixture.Factory);
        await client.SignInAsync(me.Email, TestAccounts.Password, _ct);
        var download = await client.SubmitAsync("/Identity/Account/Manage/PersonalData", new Dictionary<string, string>(),
            "form[action*=DownloadPersonalData]", _ct);

        using var json = JsonDocument.Parse(download.Html);
        var seat = Assert.Single(json.RootElement.GetProperty("evaluationPanelsYouSitOn").EnumerateArray());
        Assert.Equal(cycle.Id, seat.GetProperty("cycleId").GetGuid());
        Assert.Equal("LivedExperience", seat.GetProperty("role").GetString());
        Assert.Equal(myInterest, seat.GetProperty("interest").GetString());
        Assert.Equal("Continue", seat.GetProperty("actionAgreed").GetString());
        Assert.DoesNotContain(theirInterest, download.Html);
    }

    [Fact]
    public async Task The_download_has_the_scores_and_comments_the_person_gave_as_an_evaluator_and_not_another_evaluators()
    {
        var me = await TestAccounts.CreateAsync(fixture, displayName: "Jess Morgan");
        var someoneElse = await TestAccounts.CreateAsync(fixture, displayName: "Alan Price");
        var provider = await TestAccounts.CreateAsync(fixture, displayName: "Pat Provider");
        var myComment = $"The answer shows they pay people for their time ({Guid.NewGuid():N})";
        var theirComment = $"The answer says little about evidence ({Guid.NewGuid():N})";
        var organisation = new Organisation($"Harbour Wellbeing {Guid.NewGuid():N}", OrganisationKind.VoluntaryOrCommunityOrganisation);
        var cycle = ACycle.AtStage(StageKind.Procurement).Build();
        var now = DateTimeOffset.UtcNow;
        var afterDeadline = now.AddHours(2);
        var procurement = Expect.Success(CycleProcurement.Start(cycle, new RouteChoice(ProcurementRegime.ProviderSelectionRegime,
            ProcurementRoute.CompetitiveProcess, new RouteQuestions(false, null, false, null), "Open to the market."), People.Commissioner, CycleRole.Commissioner, now));
        var criterion = Expect.Success(procurement.AddCriterion(cycle, new CriterionDraft("Keeping people involved", "How they will keep co-producing.",
            CriterionKind.Scored, 100, IsCoProduction: true), CriterionCitations.None, People.Commissioner, CycleRole.Commissioner, now));
        var mine = Expect.Success(procurement.AddEvaluator(cycle, me.Id, CycleRole.PanelMember, EvaluatorRole.LivedExperience, [criterion.Id], People.Commissioner, CycleRole.Commissioner, now));
        var theirs = Expect.Success(procurement.AddEvaluator(cycle, someoneElse.Id, CycleRole.CoProductionChampion, EvaluatorRole.Officer, [criterion.Id], People.Commissioner, CycleRole.Commissioner, now));
        Expect.Success(procurement.RecordBriefing(cycle, mine.Id, DateOnly.FromDateTime(now.UtcDateTime), "Sam Green", People.Commissioner, CycleRole.Commissioner, now));
        foreach (var (evaluator, userId) in new[] { (mine, me.Id), (theirs, someoneElse.Id) })
        {
            Expect.Success(procurement.Declare(cycle, evaluator.Id, new DeclarationDraft(false, null, null), userId, now));
            Expect.Success(procurement.AcceptDeclaration(cycle, evaluator.Id, People.Commissioner, CycleRole.Commissioner, now));
        }

        Expect.Success(procurement.OpenBidding(cycle, now.AddHours(1), People.Commissioner, CycleRole.Commissioner, now));
        var bid = Expect.Success(Bid.Start(cycle, procurement, organisation.Id, false, provider.Id, CycleRole.Provider, now));
        Expect.Success(bid.Save(cycle, procurement, new BidDraft(null, new Dictionary<Guid, string?> { [criterion.Id] = "We pay our peer forum." }, null),
            provider.Id, CycleRole.Provider, organisation.Id, now));
        Expect.Success(bid.Submit(cycle, procurement, provider.Id, CycleRole.Provider, organisation.Id, now));
        var myScores = Scorecard.For(procurement, mine, afterDeadline);
        Expect.Success(myScores.Score(cycle, procurement, bid, criterion.Id, 3, myComment, me.Id, afterDeadline));
        Expect.Success(myScores.Submit(cycle, procurement, [bid], me.Id, afterDeadline));
        var theirScores = Scorecard.For(procurement, theirs, afterDeadline);
        Expect.Success(theirScores.Score(cycle, procurement, bid, criterion.Id, 1, theirComment, someoneElse.Id, afterDeadline));
        await using (var scope = fixture.Db())
        {
            scope.Context.Organisations.Add(organisation);
            scope.Context.Cycles.Add(cycle);
            scope.Context.Procurements.Add(procurement);
            scope.Context.Bids.Add(bid);
            scope.Context.Scorecards.AddRange(myScores, theirScores);
            await scope.Context.SaveChangesAsync(_ct);
        }

        var client = BrowserLikeClient.For(fixture.Factory);
        await client.SignInAsync(me.Email, TestAccounts.Password, _ct);
        var download = await client.SubmitAsync("/Identity/Account/Manage/PersonalData", new Dictionary<string, string>(),
            "form[action*=DownloadPersonalData]", _ct);

        using var json = JsonDocument.Parse(download.Html);
        var score = Assert.Single(json.RootElement.GetProperty("scoresYouGaveAsAnEvaluator").EnumerateArray());
        Assert.Equal(cycle.Id, score.GetProperty("cycleId").GetGuid());
        Assert.Equal(organisation.Name, score.GetProperty("bidFrom").GetString());
        Assert.Equal("Keeping people involved", score.GetProperty("criterion").GetString());
        Assert.Equal(3, score.GetProperty("score").GetInt32());
        Assert.Equal(myComment, score.GetProperty("comment").GetString());
        Assert.Equal(JsonValueKind.String, score.GetProperty("submittedAt").ValueKind);
        Assert.DoesNotContain(theirComment, download.Html);
    }

    [Fact]
    public async Task Opening_the_download_address_directly_goes_back_to_the_your_data_page()
    {
        var me = await TestAccounts.CreateAsync(fixture);
        var client = BrowserLikeClient.For(fixture.Factory);
        await client.SignInAsync(me.Email, TestAccounts.Password, _ct);

        var page = await client.GetAsync("/Identity/Account/Manage/DownloadPersonalData", _ct);

        Assert.Equal(HttpStatusCode.Redirect, page.Status);
        Assert.Equal("/Identity/Account/Manage/PersonalData", page.Location);
    }
}
