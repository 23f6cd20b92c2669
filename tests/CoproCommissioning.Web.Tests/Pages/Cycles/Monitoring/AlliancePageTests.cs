using System.Net;
using CoproCommissioning.Data;
using CoproCommissioning.Domain.Cycles;
using CoproCommissioning.Domain.Monitoring;
using CoproCommissioning.Domain.Testing;
using CoproCommissioning.Web.DemoData;
using CoproCommissioning.Web.Pages.Cycles.Monitoring;
using CoproCommissioning.Web.Pages.Cycles.Monitoring.Alliance;
using Microsoft.EntityFrameworkCore;

namespace CoproCommissioning.Web.Tests.Pages.Cycles.Monitoring;

/// <summary>
/// The alliance leadership team: setting it up, unanimous decisions, the joint risk register, the health check, and who
/// may read and act. The alliance is the demo provider and Harbour Lights Sanctuary (provider2@) with the commissioner.
/// </summary>
public sealed class AlliancePageTests(CyclePagesFixture fixture) : IClassFixture<CyclePagesFixture>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    private CyclePeople People => fixture.People;

    [Fact]
    public async Task A_commissioner_sets_up_the_team_and_adds_each_party_with_its_named_person_refused_beside_the_fields_when_wrong()
    {
        var monitored = await TestMonitoring.ContractedAsync(fixture, People, alliance: true);
        var commissioner = await fixture.SignedInAsync(CyclePeople.CommissionerEmail);
        var addUrl = AllianceUrls.AddMember(monitored.CycleId);

        var started = await commissioner.SubmitAsync(MonitoringUrls.Alliance(monitored.CycleId), new Dictionary<string, string>(),
            "main form[action*='handler=Start']", _ct);
        var blank = await commissioner.SubmitAsync(addUrl, new Dictionary<string, string>(), ct: _ct);
        var nobody = await commissioner.SubmitAsync(addUrl, new Dictionary<string, string> { ["Form.Party"] = AddMemberModel.CommissionerParty }, ct: _ct);
        var wrongPerson = await commissioner.SubmitAsync(addUrl, new Dictionary<string, string>
        {
            ["Form.Party"] = monitored.SecondOrganisation!.Value.ToString(),
            ["Form.MemberId"] = await fixture.MemberIdAsync(monitored.CycleId, People.Provider),
        }, ct: _ct);
        var commissionerAdded = await commissioner.SubmitAsync(addUrl, new Dictionary<string, string>
        {
            ["Form.Party"] = AddMemberModel.CommissionerParty,
            ["Form.MemberId"] = await fixture.MemberIdAsync(monitored.CycleId, People.Commissioner),
        }, ct: _ct);
        var providerAdded = await commissioner.SubmitAsync(addUrl, new Dictionary<string, string>
        {
            ["Form.Party"] = People.ProviderOrganisation.ToString(),
            ["Form.MemberId"] = await fixture.MemberIdAsync(monitored.CycleId, People.Provider),
        }, ct: _ct);
        var team = await commissioner.GetAsync(MonitoringUrls.Alliance(monitored.CycleId), _ct);

        Assert.Equal(HttpStatusCode.Redirect, started.Status);
        Assert.Contains(AllianceRules.PartyRequired.Message, blank.Document.GetElementById("Form_Party-error")?.TextContent);
        Assert.Contains(AllianceRules.PersonRequired.Message, nobody.Document.GetElementById("Form_MemberId-error")?.TextContent);
        Assert.Contains(AllianceRules.PersonNotOfParty.Message, wrongPerson.Document.GetElementById("Form_MemberId-error")?.TextContent);
        Assert.True(wrongPerson.Document.QuerySelector($"input[name='Form.Party'][value='{monitored.SecondOrganisation}']")!.HasAttribute("checked"));
        Assert.Equal(HttpStatusCode.Redirect, commissionerAdded.Status);
        Assert.Equal(HttpStatusCode.Redirect, providerAdded.Status);
        var saved = await TeamAsync(monitored.CycleId);
        Assert.Equal([(AllianceParty.Commissioner, People.Commissioner), (AllianceParty.Provider, People.Provider)],
            saved.Members.Select(m => (m.Party, m.UserId)));
        Assert.Contains("Still to join: Harbour Lights Sanctuary", team.Text);
        Assert.Null(team.Document.QuerySelector($"main a[href='{AllianceUrls.Propose(monitored.CycleId)}']"));
    }

    [Fact]
    public async Task A_decision_is_carried_only_when_every_member_agrees_and_its_status_says_who_disagrees_and_why()
    {
        var monitored = await AllianceWithTeamAsync();
        var provider = await fixture.SignedInAsync(CyclePeople.ProviderEmail);
        var sanctuary = await fixture.SignedInAsync(DemoProcurementCycle.SanctuaryEmail);
        var commissioner = await fixture.SignedInAsync(CyclePeople.CommissionerEmail);

        var proposed = await provider.SubmitAsync(AllianceUrls.Propose(monitored.CycleId), new Dictionary<string, string>
        {
            ["Form.Title"] = "Move the crisis café to the town centre",
            ["Form.Proposal"] = "More people could walk there after 8pm.",
        }, ct: _ct);
        var decisionUrl = proposed.Location!;
        var decisionId = Assert.Single((await TeamAsync(monitored.CycleId)).Decisions).Id;
        await VoteAsync(commissioner, decisionUrl, agrees: true);
        var noReason = await VoteAsync(sanctuary, decisionUrl, agrees: false);
        await VoteAsync(sanctuary, decisionUrl, agrees: false, "Our volunteers cannot staff a second site yet.");
        var oneDisagrees = await StatusAsync(monitored.CycleId, decisionId);
        var disagreeing = await commissioner.GetAsync(decisionUrl, _ct);
        await VoteAsync(sanctuary, decisionUrl, agrees: true);
        var oneMissing = await StatusAsync(monitored.CycleId, decisionId);
        var missing = await commissioner.GetAsync(decisionUrl, _ct);
        var carried = await VoteAsync(provider, decisionUrl, agrees: true);
        var allAgree = await StatusAsync(monitored.CycleId, decisionId);

        Assert.Equal(HttpStatusCode.Redirect, proposed.Status);
        Assert.Equal(AllianceUrls.Decision(monitored.CycleId, decisionId), decisionUrl);
        Assert.Contains(AllianceRules.DisagreeReasonRequired.Message, noReason.Document.GetElementById("Form_Reason-error")?.TextContent);
        Assert.False(oneDisagrees.IsCarried);
        Assert.Single(oneDisagrees.DisagreeingMemberIds);
        Assert.Contains("Not carried", disagreeing.Document.GetElementById("decision-status")!.TextContent);
        Assert.Contains("Does the commissioner agree?", disagreeing.Text);
        Assert.Contains("Harbour Lights Sanctuary", disagreeing.Document.QuerySelector("#votes")!.TextContent);
        Assert.Contains("Our volunteers cannot staff a second site yet.", disagreeing.Document.QuerySelector("#votes")!.TextContent);
        Assert.False(oneMissing.IsCarried);
        Assert.Single(oneMissing.MissingMemberIds);
        Assert.Contains("Not voted yet (1)", missing.Document.QuerySelector("#votes")!.TextContent);
        Assert.Equal(HttpStatusCode.Redirect, carried.Status);
        Assert.True(allAgree.IsCarried);
        var shown = await commissioner.FollowRedirectAsync(carried, _ct);
        Assert.Contains("Carried", shown.Document.GetElementById("decision-status")!.TextContent);
        Assert.Null(shown.Document.QuerySelector("main form"));
    }

    [Fact]
    public async Task A_risk_past_its_review_day_is_flagged_overdue_until_a_member_reviews_it()
    {
        var monitored = await AllianceWithTeamAsync();
        var riskId = await OverdueRiskAsync(monitored.CycleId);
        var provider = await fixture.SignedInAsync(CyclePeople.ProviderEmail);
        var commissioner = await fixture.SignedInAsync(CyclePeople.CommissionerEmail);
        var riskUrl = AllianceUrls.Risk(monitored.CycleId, riskId);
        var nextReview = DateOnly.FromDateTime(DateTime.UtcNow).AddMonths(3);
        var owner = (await TeamAsync(monitored.CycleId)).MemberFor(People.Provider)!.Id;

        var before = await provider.GetAsync(MonitoringUrls.Alliance(monitored.CycleId), _ct);
        var stale = await commissioner.GetAsync(riskUrl, _ct);
        var reviewed = await provider.SubmitAsync(riskUrl, ReviewFields(owner, nextReview, "Referrals are back to normal; keep watching."), ct: _ct);
        var clash = await commissioner.SubmitOnAsync(stale, ReviewFields(owner, nextReview, "The commissioner's view."), ct: _ct);
        var after = await provider.GetAsync(MonitoringUrls.Alliance(monitored.CycleId), _ct);

        Assert.Contains("Review overdue", before.Document.GetElementById($"risk-{riskId}")!.TextContent);
        Assert.Equal(HttpStatusCode.Redirect, reviewed.Status);
        Assert.Equal(HttpStatusCode.OK, clash.Status);
        Assert.Contains(Infrastructure.Pages.ModelStateExtensions.ConcurrencyMessage, clash.Text);
        Assert.Equal("The commissioner's view.", clash.Document.GetElementById("Form_Actions")!.TextContent.Trim());
        Assert.DoesNotContain("Review overdue", after.Document.GetElementById($"risk-{riskId}")!.TextContent);
        var risk = (await TeamAsync(monitored.CycleId)).FindRisk(riskId)!;
        Assert.Equal((nextReview, "Referrals are back to normal; keep watching."), (risk.ReviewOn, risk.Actions));
    }

    [Fact]
    public async Task The_health_check_shows_the_teams_result_with_its_concerns_and_who_has_not_rated()
    {
        var monitored = await AllianceWithTeamAsync();
        var commissioner = await fixture.SignedInAsync(CyclePeople.CommissionerEmail);
        var provider = await fixture.SignedInAsync(CyclePeople.ProviderEmail);
        var url = AllianceUrls.Health(monitored.CycleId, monitored.PeriodIds[0]);

        var form = await commissioner.GetAsync(url, _ct);
        var blank = await commissioner.SubmitAsync(url, new Dictionary<string, string> { ["Form.Comment"] = "We talk every week." }, ct: _ct);
        await commissioner.SubmitAsync(url, HealthFields(4, 5, 4, "We talk every week."), ct: _ct);
        await provider.SubmitAsync(url, HealthFields(2, 4, 3, "We hear about changes late."), ct: _ct);
        var result = await commissioner.GetAsync(url, _ct);
        var team = await commissioner.GetAsync(MonitoringUrls.Alliance(monitored.CycleId), _ct);

        Assert.Contains(AllianceRules.TrustRequired.Message, blank.Document.GetElementById("Form_Trust-error")?.TextContent);
        Assert.Equal("We talk every week.", blank.Document.GetElementById("Form_Comment")!.TextContent.Trim());
        var trust = result.Document.QuerySelectorAll("#result tbody tr").First().TextContent;
        Assert.Contains("3.0", trust);
        Assert.Contains("2", trust);
        Assert.Contains("trust between the members", result.Document.GetElementById("concerns")!.TextContent);
        Assert.Equal("Save the commissioner's ratings", form.Document.QuerySelector("main form button[type=submit]")?.TextContent.Trim());
        Assert.Matches("Still to rate: [^,]+ for Harbour Lights Sanctuary\\.", result.Text);
        Assert.Contains("(you) for the commissioner", result.Document.GetElementById("ratings")!.TextContent);
        Assert.DoesNotContain("(you))", result.Text);
        Assert.Contains("We hear about changes late.", result.Document.GetElementById("ratings")!.TextContent);
        Assert.Contains("Trust between the members", team.Document.GetElementById("health-1")!.TextContent);
        var health = (await TeamAsync(monitored.CycleId)).HealthResult(monitored.PeriodIds[0]);
        Assert.Equal((3.0m, 2), (health.Trust.Average, health.Trust.Lowest));
    }

    [Fact]
    public async Task A_contract_that_is_not_an_alliance_has_no_leadership_team()
    {
        var monitored = await TestMonitoring.ContractedAsync(fixture, People);
        var commissioner = await fixture.SignedInAsync(CyclePeople.CommissionerEmail);

        var index = await commissioner.GetAsync(MonitoringUrls.Alliance(monitored.CycleId), _ct);
        var add = await commissioner.GetAsync(AllianceUrls.AddMember(monitored.CycleId), _ct);
        var start = await commissioner.PostCraftedAsync($"{MonitoringUrls.Alliance(monitored.CycleId)}?handler=Start",
            new Dictionary<string, string>(), MonitoringUrls.Lessons(monitored.CycleId), _ct);

        Assert.Equal(HttpStatusCode.NotFound, index.Status);
        Assert.Equal(HttpStatusCode.NotFound, add.Status);
        Assert.Equal(HttpStatusCode.NotFound, start.Status);
        await using var scope = fixture.Db();
        Assert.False(await scope.Context.AllianceTeams.AnyAsync(t => t.CycleId == monitored.CycleId, _ct));
    }

    [Fact]
    public async Task The_commissioning_team_and_the_alliances_providers_read_it_while_panel_members_and_observers_may_not()
    {
        var monitored = await TestMonitoring.ContractedAsync(fixture, People, alliance: true);
        await TeamOfAsync(monitored, withSecond: false);
        var url = MonitoringUrls.Alliance(monitored.CycleId);
        var panel = await fixture.SignedInAsync(CyclePeople.PanelEmail);
        var observer = await fixture.SignedInAsync(CyclePeople.ObserverEmail);
        var champion = await fixture.SignedInAsync(CyclePeople.ChampionEmail);
        var clinician = await fixture.SignedInAsync(CyclePeople.ClinicianEmail);
        var sanctuary = await fixture.SignedInAsync(DemoProcurementCycle.SanctuaryEmail);

        var asPanel = await panel.GetAsync(url, _ct);
        var panelProposes = await panel.PostCraftedAsync(AllianceUrls.Propose(monitored.CycleId), new Dictionary<string, string>
        {
            ["Form.Title"] = "A panel decision",
            ["Form.Proposal"] = "Something.",
        }, MonitoringUrls.Lessons(monitored.CycleId), _ct);
        var asObserver = await observer.GetAsync(url, _ct);
        var asChampion = await champion.GetAsync(url, _ct);
        var asClinician = await clinician.GetAsync(url, _ct);
        var asSanctuary = await sanctuary.GetAsync(url, _ct);
        var sanctuaryAddsRisk = await sanctuary.SubmitAsync(AllianceUrls.AddRisk(monitored.CycleId), new Dictionary<string, string>
        {
            ["Form.Description"] = "Volunteers leave.",
        }, ct: _ct);

        Assert.Equal(HttpStatusCode.Forbidden, asPanel.Status);
        Assert.Equal(HttpStatusCode.Forbidden, panelProposes.Status);
        Assert.Equal(HttpStatusCode.Forbidden, asObserver.Status);
        Assert.Equal(HttpStatusCode.OK, asChampion.Status);
        Assert.Null(asChampion.Document.QuerySelector($"main a[href='{AllianceUrls.AddRisk(monitored.CycleId)}']"));
        Assert.Equal(HttpStatusCode.OK, asClinician.Status);
        Assert.Equal(HttpStatusCode.OK, asSanctuary.Status);
        Assert.Contains(AllianceRules.TeamMembersOnly.Message, sanctuaryAddsRisk.Document.QuerySelector(".nhsuk-error-summary")!.TextContent);
        Assert.Empty((await TeamAsync(monitored.CycleId)).Risks);
    }

    [Fact]
    public async Task Ids_of_another_cycles_team_are_not_found()
    {
        var monitored = await AllianceWithTeamAsync();
        var other = await AllianceWithTeamAsync();
        var otherRisk = await OverdueRiskAsync(other.CycleId);
        var commissioner = await fixture.SignedInAsync(CyclePeople.CommissionerEmail);
        var otherMember = (await TeamAsync(other.CycleId)).Members[0].Id;
        var otherDecision = await ProposedAsync(other.CycleId);

        var risk = await commissioner.GetAsync(AllianceUrls.Risk(monitored.CycleId, otherRisk), _ct);
        var close = await commissioner.PostCraftedAsync($"{AllianceUrls.Risk(monitored.CycleId, otherRisk)}?handler=Close",
            new Dictionary<string, string> { ["Closing.ClosingNote"] = "Done." }, MonitoringUrls.Alliance(monitored.CycleId), _ct);
        var member = await commissioner.GetAsync(AllianceUrls.Member(monitored.CycleId, otherMember), _ct);
        var health = await commissioner.GetAsync(AllianceUrls.Health(monitored.CycleId, other.PeriodIds[0]), _ct);
        var decision = await commissioner.GetAsync(AllianceUrls.Decision(monitored.CycleId, otherDecision), _ct);
        var vote = await commissioner.PostCraftedAsync(AllianceUrls.Decision(monitored.CycleId, otherDecision),
            new Dictionary<string, string> { ["Form.Agrees"] = "true" }, MonitoringUrls.Alliance(monitored.CycleId), _ct);

        Assert.Equal(HttpStatusCode.NotFound, risk.Status);
        Assert.Equal(HttpStatusCode.NotFound, close.Status);
        Assert.Equal(HttpStatusCode.NotFound, member.Status);
        Assert.Equal(HttpStatusCode.NotFound, health.Status);
        Assert.Equal(HttpStatusCode.NotFound, decision.Status);
        Assert.Equal(HttpStatusCode.NotFound, vote.Status);
        Assert.Empty((await TeamAsync(other.CycleId)).FindDecision(otherDecision)!.Votes);
        Assert.False((await TeamAsync(other.CycleId)).FindRisk(otherRisk)!.IsClosed);
    }

    private async Task<BrowserLikeClient.Page> VoteAsync(BrowserLikeClient client, string decisionUrl, bool agrees, string reason = "") =>
        await client.SubmitAsync(decisionUrl, new Dictionary<string, string>
        {
            ["Form.Agrees"] = agrees ? "true" : "false",
            ["Form.Reason"] = reason,
        }, ct: _ct);

    private static Dictionary<string, string> ReviewFields(Guid owner, DateOnly reviewOn, string actions) => new()
    {
        ["Form.OwnerMemberId"] = owner.ToString(),
        ["Form.Description"] = "Referrals from the crisis line drop while the café moves.",
        ["Form.Likelihood"] = "2",
        ["Form.Impact"] = "4",
        ["Form.Actions"] = actions,
        ["Form.ReviewOn.Day"] = reviewOn.Day.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Form.ReviewOn.Month"] = reviewOn.Month.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Form.ReviewOn.Year"] = reviewOn.Year.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    private static Dictionary<string, string> HealthFields(int trust, int sharing, int deciding, string comment) => new()
    {
        ["Form.Trust"] = trust.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Form.InformationSharing"] = sharing.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Form.SharedDecisions"] = deciding.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Form.Comment"] = comment,
    };

    private async Task<TestMonitoring.Monitored> AllianceWithTeamAsync()
    {
        var monitored = await TestMonitoring.ContractedAsync(fixture, People, alliance: true);
        await TeamOfAsync(monitored, withSecond: true);
        return monitored;
    }

    /// <summary>The team set up with the commissioner and the demo provider, and Harbour Lights Sanctuary when asked.</summary>
    private async Task TeamOfAsync(TestMonitoring.Monitored monitored, bool withSecond)
    {
        await using var scope = fixture.Db();
        var db = scope.Context;
        var cycle = await db.Cycles.IncludeStageStatuses().SingleAsync(c => c.Id == monitored.CycleId, _ct);
        var procurement = await db.Procurements.AsSplitQuery().SingleAsync(p => p.CycleId == monitored.CycleId, _ct);
        var now = DateTimeOffset.UtcNow.AddDays(-40);
        var team = Expect.Success(AllianceLeadershipTeam.Start(cycle, procurement, People.Commissioner, CycleRole.Commissioner, now));
        Expect.Success(team.AddMember(cycle, procurement, AllianceParty.Commissioner, null,
            new NamedPerson(People.Commissioner, CycleRole.Commissioner, null), People.Commissioner, CycleRole.Commissioner, now));
        Expect.Success(team.AddMember(cycle, procurement, AllianceParty.Provider, People.ProviderOrganisation,
            new NamedPerson(People.Provider, CycleRole.Provider, People.ProviderOrganisation), People.Commissioner, CycleRole.Commissioner, now));
        if (withSecond)
        {
            Expect.Success(team.AddMember(cycle, procurement, AllianceParty.Provider, monitored.SecondOrganisation,
                new NamedPerson(monitored.SecondProvider!, CycleRole.Provider, monitored.SecondOrganisation), People.Commissioner, CycleRole.Commissioner, now));
        }

        db.AllianceTeams.Add(team);
        await db.SaveChangesAsync(_ct);
    }

    /// <summary>A risk added a month ago for review ten days ago, so by today its review is overdue.</summary>
    private async Task<Guid> OverdueRiskAsync(Guid cycleId)
    {
        await using var scope = fixture.Db();
        var db = scope.Context;
        var cycle = await db.Cycles.IncludeStageStatuses().SingleAsync(c => c.Id == cycleId, _ct);
        var team = await db.AllianceTeams.AsSplitQuery().SingleAsync(t => t.CycleId == cycleId, _ct);
        var then = DateTimeOffset.UtcNow.AddDays(-30);
        var risk = Expect.Success(team.AddRisk(cycle, new RiskDraft("Referrals from the crisis line drop while the café moves.",
            team.MemberFor(People.Provider)!.Id, 3, 4, "Weekly referral figures shared with every member.", DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-10)),
            People.Provider, then));
        await db.SaveChangesAsync(_ct);
        return risk.Id;
    }

    /// <summary>A decision the demo provider put to the team yesterday.</summary>
    private async Task<Guid> ProposedAsync(Guid cycleId)
    {
        await using var scope = fixture.Db();
        var db = scope.Context;
        var cycle = await db.Cycles.IncludeStageStatuses().SingleAsync(c => c.Id == cycleId, _ct);
        var procurement = await db.Procurements.AsSplitQuery().SingleAsync(p => p.CycleId == cycleId, _ct);
        var team = await db.AllianceTeams.AsSplitQuery().SingleAsync(t => t.CycleId == cycleId, _ct);
        var decision = Expect.Success(team.Propose(cycle, procurement, "Share referral data weekly", "So every member sees demand as it changes.",
            People.Provider, DateTimeOffset.UtcNow.AddDays(-1)));
        await db.SaveChangesAsync(_ct);
        return decision.Id;
    }

    private async Task<AllianceDecisionStatus> StatusAsync(Guid cycleId, Guid decisionId)
    {
        var team = await TeamAsync(cycleId);
        return team.StatusOf(team.FindDecision(decisionId)!);
    }

    private async Task<AllianceLeadershipTeam> TeamAsync(Guid cycleId)
    {
        await using var scope = fixture.Db();
        return await scope.Context.AllianceTeams.AsNoTracking().AsSplitQuery().SingleAsync(t => t.CycleId == cycleId, _ct);
    }
}
