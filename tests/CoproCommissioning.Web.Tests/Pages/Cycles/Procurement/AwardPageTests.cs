using System.Globalization;
using System.Net;
using CoproCommissioning.Data;
using CoproCommissioning.Domain.Cycles;
using CoproCommissioning.Domain.Membership;
using CoproCommissioning.Domain.Procurement;
using CoproCommissioning.Domain.Testing;
using CoproCommissioning.Web.Pages.Cycles.Procurement;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoproCommissioning.Web.Tests.Pages.Cycles.Procurement;

/// <summary>The award page and the standstill page: recording the award, the intention to award and representations.</summary>
public sealed class AwardPageTests(CyclePagesFixture fixture) : IClassFixture<CyclePagesFixture>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    private CyclePeople People => fixture.People;

    [Fact]
    public async Task The_award_is_refused_before_moderation_is_finished_and_without_a_decision_with_the_message_beside_the_decision()
    {
        var arranged = await AwardArrangement.CompetitiveAsync(fixture, _ct, moderated: false, withDecision: false);
        var commissioner = await fixture.SignedInAsync(CyclePeople.CommissionerEmail);

        var refused = await commissioner.SubmitAsync(ProcurementUrls.Award(arranged.CycleId), new Dictionary<string, string>
        {
            ["Form.OrganisationIds"] = People.ProviderOrganisation.ToString(),
        }, ct: _ct);

        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains(ProcurementRules.AwardDecisionRequired.Message, refused.Document.GetElementById("Form_DecisionId-error")?.TextContent);
        Assert.Contains(ProcurementRules.EvaluationNotFinished.Message, refused.Document.QuerySelector(".nhsuk-error-summary")?.TextContent);
        Assert.True(refused.Document.QuerySelector($"input[name='Form.OrganisationIds'][value='{People.ProviderOrganisation}']")?.HasAttribute("checked"));
        Assert.False((await AwardArrangement.ProcurementAsync(fixture, arranged.CycleId, _ct)).IsAwardRecorded);
    }

    [Fact]
    public async Task The_commissioner_records_the_award_with_the_decision_that_made_it_and_the_page_names_the_decision_and_who_made_it()
    {
        var arranged = await AwardArrangement.CompetitiveAsync(fixture, _ct);
        var commissioner = await fixture.SignedInAsync(CyclePeople.CommissionerEmail);
        var url = ProcurementUrls.Award(arranged.CycleId);

        var before = await commissioner.GetAsync(url, _ct);
        var recorded = await commissioner.SubmitAsync(url, new Dictionary<string, string>
        {
            ["Form.OrganisationIds"] = People.ProviderOrganisation.ToString(),
            ["Form.DecisionId"] = arranged.DecisionId!.Value.ToString(),
        }, ct: _ct);
        var after = await commissioner.FollowRedirectAsync(recorded, _ct);

        Assert.Contains("75", before.Document.QuerySelector("main table")?.TextContent);
        Assert.Equal(HttpStatusCode.Redirect, recorded.Status);
        Assert.Equal(url, recorded.Location);
        Assert.Contains(AwardArrangement.DecisionTitle, after.Text);
        Assert.Contains("commissioner", after.Text);
        Assert.NotNull(after.Document.QuerySelector($"main a[href='{ProcurementUrls.Standstill(arranged.CycleId)}']"));
        var procurement = await AwardArrangement.ProcurementAsync(fixture, arranged.CycleId, _ct);
        Assert.Equal(arranged.DecisionId, procurement.AwardDecisionId);
        Assert.Equal([People.ProviderOrganisation], procurement.AwardedOrganisationIds);
    }

    [Fact]
    public async Task On_a_direct_route_the_cycles_providers_are_offered_and_there_is_no_standstill()
    {
        var arranged = await AwardArrangement.DirectAsync(fixture, _ct);
        var commissioner = await fixture.SignedInAsync(CyclePeople.CommissionerEmail);
        var url = ProcurementUrls.Award(arranged.CycleId);

        var form = await commissioner.GetAsync(url, _ct);
        var recorded = await commissioner.SubmitAsync(url, new Dictionary<string, string>
        {
            ["Form.OrganisationIds"] = People.ProviderOrganisation.ToString(),
            ["Form.DecisionId"] = arranged.DecisionId!.Value.ToString(),
        }, ct: _ct);
        var after = await commissioner.FollowRedirectAsync(recorded, _ct);
        var standstill = await commissioner.GetAsync(ProcurementUrls.Standstill(arranged.CycleId), _ct);

        Assert.NotNull(form.Document.QuerySelector($"input[name='Form.OrganisationIds'][value='{People.ProviderOrganisation}']"));
        Assert.Null(form.Document.QuerySelector("main table"));
        Assert.Equal(HttpStatusCode.Redirect, recorded.Status);
        Assert.Contains(AwardArrangement.DecisionTitle, after.Text);
        Assert.Null(after.Document.QuerySelector($"main a[href='{ProcurementUrls.Standstill(arranged.CycleId)}']"));
        Assert.Equal(HttpStatusCode.Redirect, standstill.Status);
        Assert.Equal(ProcurementUrls.Overview(arranged.CycleId), standstill.Location);
        Assert.Equal([People.ProviderOrganisation], (await AwardArrangement.ProcurementAsync(fixture, arranged.CycleId, _ct)).AwardedOrganisationIds);
    }

    [Fact]
    public async Task Without_a_procurement_the_award_and_standstill_pages_go_to_the_overview_and_other_roles_are_forbidden()
    {
        var cycleId = await AwardArrangement.CycleAsync(fixture, _ct);
        var commissioner = await fixture.SignedInAsync(CyclePeople.CommissionerEmail);
        var panel = await fixture.SignedInAsync(CyclePeople.PanelEmail);

        var award = await commissioner.GetAsync(ProcurementUrls.Award(cycleId), _ct);
        var standstill = await commissioner.GetAsync(ProcurementUrls.Standstill(cycleId), _ct);
        var forbidden = await panel.GetAsync(ProcurementUrls.Award(cycleId), _ct);

        Assert.Equal(HttpStatusCode.Redirect, award.Status);
        Assert.Equal(ProcurementUrls.Overview(cycleId), award.Location);
        Assert.Equal(HttpStatusCode.Redirect, standstill.Status);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.Status);
    }

    [Fact]
    public async Task The_intention_to_award_shows_when_the_standstill_ends_counted_over_Easter_in_UK_time()
    {
        var arranged = await AwardArrangement.CompetitiveAsync(fixture, _ct, awarded: true);
        var commissioner = await fixture.SignedInAsync(CyclePeople.CommissionerEmail);
        var url = ProcurementUrls.Standstill(arranged.CycleId);
        var calendar = fixture.Factory.Services.GetRequiredService<IWorkingDayCalendar>();
        var noticeOn = new DateOnly(2026, 3, 31);

        var unreadable = await commissioner.SubmitAsync(url, new Dictionary<string, string>
        {
            ["Notice.NoticeOn.Day"] = "31",
            ["Notice.NoticeOn.Month"] = "13",
            ["Notice.NoticeOn.Year"] = "2026",
        }, ct: _ct);
        var published = await commissioner.SubmitAsync(url, Date("Notice.NoticeOn", noticeOn), ct: _ct);
        var shown = await commissioner.FollowRedirectAsync(published, _ct);

        // Good Friday (3 April) and Easter Monday (6 April) are not working days: the 8th working day after the day the
        // standstill begins is Wednesday 15 April, and midnight at its end is 23:00 UTC in British Summer Time.
        Assert.Equal(new DateOnly(2026, 4, 15), Standstill.LastDayForRepresentations(noticeOn, calendar));
        Assert.Contains("Enter a real date", unreadable.Document.GetElementById("Notice_NoticeOn-error")?.TextContent);
        Assert.Equal("13", unreadable.Document.GetElementById("Notice_NoticeOn-month")?.GetAttribute("value"));
        Assert.Equal(HttpStatusCode.Redirect, published.Status);
        Assert.Contains("midnight at the end of Wednesday 15 April 2026", shown.Document.GetElementById("standstill-ends")?.TextContent);
        Assert.Contains("The standstill has ended.", shown.Document.GetElementById("standstill-ends")?.TextContent);
        var procurement = await AwardArrangement.ProcurementAsync(fixture, arranged.CycleId, _ct);
        Assert.Equal(noticeOn, procurement.IntentionNoticeOn);
        Assert.Equal(new DateTimeOffset(2026, 4, 15, 23, 0, 0, TimeSpan.Zero), procurement.StandstillEndsAt);
    }

    [Fact]
    public async Task Representations_are_logged_and_answered_and_deciding_to_go_ahead_extends_the_standstill_by_five_working_days()
    {
        var arranged = await AwardArrangement.CompetitiveAsync(fixture, _ct, awarded: true, noticeOn: new DateOnly(2026, 3, 31));
        var commissioner = await fixture.SignedInAsync(CyclePeople.CommissionerEmail);
        var url = ProcurementUrls.Standstill(arranged.CycleId);

        var blank = await commissioner.SubmitAsync(url, new Dictionary<string, string>(), "main form[action*='handler=Representation']", _ct);
        var logged = await commissioner.SubmitAsync(url, new Dictionary<string, string>
        {
            ["Representation.From"] = "Northgate Wellbeing",
            ["Representation.ReceivedOn.Day"] = "8",
            ["Representation.ReceivedOn.Month"] = "4",
            ["Representation.ReceivedOn.Year"] = "2026",
            ["Representation.Summary"] = "They say the panel misread their staffing plan.",
        }, "main form[action*='handler=Representation']", _ct);
        var representationId = Assert.Single((await AwardArrangement.ProcurementAsync(fixture, arranged.CycleId, _ct)).Representations).Id;
        var answerField = $"Answers[{representationId}].Answer";
        var unanswered = await commissioner.SubmitAsync(url, new Dictionary<string, string>(), "main form[action*='handler=Answer']", _ct);
        var answered = await commissioner.SubmitAsync(url, new Dictionary<string, string>
        {
            [answerField] = "The panel re-read the plan; the score stands.",
        }, "main form[action*='handler=Answer']", _ct);
        var proceeded = await commissioner.SubmitAsync(url, new Dictionary<string, string>
        {
            ["Proceed.DecidedOn.Day"] = "16",
            ["Proceed.DecidedOn.Month"] = "4",
            ["Proceed.DecidedOn.Year"] = "2026",
            ["Proceed.Reason"] = "The representations did not change the evaluation.",
        }, "main form[action*='handler=Proceed']", _ct);
        var shown = await commissioner.FollowRedirectAsync(proceeded, _ct);

        Assert.Contains(ProcurementRules.RepresentationFromRequired.Message, blank.Document.GetElementById("Representation_From-error")?.TextContent);
        Assert.Contains(ProcurementRules.RepresentationDateRequired.Message, blank.Document.GetElementById("Representation_ReceivedOn-error")?.TextContent);
        Assert.Contains(ProcurementRules.RepresentationSummaryRequired.Message, blank.Document.GetElementById("Representation_Summary-error")?.TextContent);
        Assert.Equal(HttpStatusCode.Redirect, logged.Status);
        Assert.Contains(ProcurementRules.RepresentationAnswerRequired.Message,
            unanswered.Document.GetElementById($"Answers_{representationId}__Answer-error")?.TextContent);
        Assert.Equal(HttpStatusCode.Redirect, answered.Status);
        Assert.Equal(HttpStatusCode.Redirect, proceeded.Status);
        Assert.Contains("They say the panel misread their staffing plan.", shown.Text);
        Assert.Contains("The panel re-read the plan; the score stands.", shown.Text);
        // Thursday 16 April, then 5 working days: 17, 20, 21, 22 and 23 April.
        Assert.Contains("midnight at the end of Thursday 23 April 2026", shown.Document.GetElementById("standstill-ends")?.TextContent);
        var procurement = await AwardArrangement.ProcurementAsync(fixture, arranged.CycleId, _ct);
        Assert.True(Assert.Single(procurement.Representations).IsAnswered);
        Assert.Equal(new DateOnly(2026, 4, 16), procurement.ProceedDecidedOn);
        Assert.Equal(new DateTimeOffset(2026, 4, 23, 23, 0, 0, TimeSpan.Zero), procurement.StandstillEndsAt);
    }

    [Fact]
    public async Task A_representation_id_from_another_cycle_is_not_found()
    {
        var arranged = await AwardArrangement.CompetitiveAsync(fixture, _ct, awarded: true, noticeOn: new DateOnly(2026, 3, 31));
        var other = await AwardArrangement.CompetitiveAsync(fixture, _ct, awarded: true, noticeOn: new DateOnly(2026, 3, 31),
            representation: true);
        var otherRepresentation = Assert.Single((await AwardArrangement.ProcurementAsync(fixture, other.CycleId, _ct)).Representations).Id;
        var commissioner = await fixture.SignedInAsync(CyclePeople.CommissionerEmail);
        var url = ProcurementUrls.Standstill(arranged.CycleId);

        var crafted = await commissioner.PostCraftedAsync($"{url}?handler=Answer", new Dictionary<string, string>
        {
            ["representationId"] = otherRepresentation.ToString(),
            [$"Answers[{otherRepresentation}].Answer"] = "Answered from the wrong cycle.",
        }, url, _ct);

        Assert.Equal(HttpStatusCode.NotFound, crafted.Status);
        Assert.Equal(AwardArrangement.RepresentationAnswer,
            Assert.Single((await AwardArrangement.ProcurementAsync(fixture, other.CycleId, _ct)).Representations).Answer);
    }

    private static Dictionary<string, string> Date(string name, DateOnly date) => new()
    {
        [$"{name}.Day"] = date.Day.ToString(CultureInfo.InvariantCulture),
        [$"{name}.Month"] = date.Month.ToString(CultureInfo.InvariantCulture),
        [$"{name}.Year"] = date.Year.ToString(CultureInfo.InvariantCulture),
    };
}

/// <summary>
/// Cycles at their procurement stage for the award and record tests, built through the domain: a competitive
/// procurement whose bid (from the demo provider) was scored by a lived-experience evaluator and a clinical adviser,
/// in March 2026, long past its deadline; or a direct award.
/// </summary>
internal static class AwardArrangement
{
    public const string DecisionTitle = "Award the recovery service contract";
    public const string LivedExperienceComment = "They will pay peer supporters and keep the forum going.";
    public const string ClinicalComment = "-2 staff short on nights; the plan does not say how they will cover it.";
    public const string ModerationReason = "The panel agreed the night cover is a gap but the peer offer is strong.";
    public const string DeclaredInterest = "I sat on a board with the provider's chief executive until 2024.";
    public const string RepresentationSummary = "They ask how their social value answer was scored.";
    public const string RepresentationAnswer = "It was scored against the published scale; the panel's notes are attached.";

    private static readonly DateTimeOffset Opened = Moments.Now;
    private static readonly DateTimeOffset Scored = Moments.Now.AddHours(2);

    public sealed record Arranged(Guid CycleId, Guid? DecisionId);

    public static async Task<Guid> CycleAsync(CyclePagesFixture fixture, CancellationToken ct)
    {
        var cycle = ACycle.AtStage(StageKind.Procurement).Build();
        await using var scope = fixture.Db();
        AddWithMembers(scope.Context, cycle, fixture.People);
        await scope.Context.SaveChangesAsync(ct);
        return cycle.Id;
    }

    public static async Task<Arranged> DirectAsync(CyclePagesFixture fixture, CancellationToken ct)
    {
        var people = fixture.People;
        var cycle = ACycle.AtStage(StageKind.Procurement).Build();
        var procurement = Expect.Success(CycleProcurement.Start(cycle, new RouteChoice(
            ProcurementRegime.ProviderSelectionRegime, ProcurementRoute.DirectAwardProcessA, new RouteQuestions(true, true, null, null),
            "Only the existing provider can run the crisis house."), people.Commissioner, CycleRole.Commissioner, Opened));
        var decision = Decide(cycle, people);
        await using var scope = fixture.Db();
        AddWithMembers(scope.Context, cycle, people);
        scope.Context.Procurements.Add(procurement);
        await scope.Context.SaveChangesAsync(ct);
        return new Arranged(cycle.Id, decision.Id);
    }

    public static async Task<Arranged> CompetitiveAsync(
        CyclePagesFixture fixture, CancellationToken ct, bool moderated = true, bool withDecision = true, bool awarded = false,
        DateOnly? noticeOn = null, bool representation = false)
    {
        var people = fixture.People;
        var cycle = ACycle.AtStage(StageKind.Procurement).Build();
        var procurement = Expect.Success(CycleProcurement.Start(cycle, new RouteChoice(
            ProcurementRegime.ProviderSelectionRegime, ProcurementRoute.CompetitiveProcess,
            new RouteQuestions(ExistingProvider: false, null, UnrestrictedChoice: false, null),
            "Three providers said at the market event that they could run it."), people.Commissioner, CycleRole.Commissioner, Opened));
        var criterion = Expect.Success(procurement.AddCriterion(cycle,
            new CriterionDraft("Co-production", "How the provider will keep working with the people who use the service.", CriterionKind.Scored, 100,
                IsCoProduction: true),
            CriterionCitations.None, people.Commissioner, CycleRole.Commissioner, Opened));
        var livedExperience = Expect.Success(procurement.AddEvaluator(cycle, people.Panel, CycleRole.PanelMember, EvaluatorRole.LivedExperience,
            [criterion.Id], people.Commissioner, CycleRole.Commissioner, Opened));
        var clinician = Expect.Success(procurement.AddEvaluator(cycle, people.Clinician, CycleRole.ClinicalAdviser, EvaluatorRole.ClinicalAdviser,
            [criterion.Id], people.Commissioner, CycleRole.Commissioner, Opened));
        Expect.Success(procurement.RecordBriefing(cycle, livedExperience.Id, new DateOnly(2026, 2, 20), "Sam Green, Harbourside Recovery College",
            people.Commissioner, CycleRole.Commissioner, Opened));
        Expect.Success(procurement.Declare(cycle, livedExperience.Id, new DeclarationDraft(false, null, null), people.Panel, Opened));
        Expect.Success(procurement.Declare(cycle, clinician.Id, new DeclarationDraft(true, DeclaredInterest, ConflictAction.Continue),
            people.Clinician, Opened));
        Expect.Success(procurement.AcceptDeclaration(cycle, livedExperience.Id, people.Commissioner, CycleRole.Commissioner, Opened));
        Expect.Success(procurement.AcceptDeclaration(cycle, clinician.Id, people.Commissioner, CycleRole.Commissioner, Opened));
        Expect.Success(procurement.OpenBidding(cycle, Opened.AddHours(1), people.Commissioner, CycleRole.Commissioner, Opened));

        var bid = Expect.Success(Bid.Start(cycle, procurement, people.ProviderOrganisation, false, people.Provider, CycleRole.Provider, Opened));
        Expect.Success(bid.Save(cycle, procurement, new BidDraft(null, new Dictionary<Guid, string?> { [criterion.Id] = "We will keep a paid peer forum." }, null),
            people.Provider, CycleRole.Provider, people.ProviderOrganisation, Opened));
        Expect.Success(bid.Submit(cycle, procurement, people.Provider, CycleRole.Provider, people.ProviderOrganisation, Opened));

        var livedCard = Scorecard.For(procurement, livedExperience, Scored);
        Expect.Success(livedCard.Score(cycle, procurement, bid, criterion.Id, 4, LivedExperienceComment, people.Panel, Scored));
        Expect.Success(livedCard.Submit(cycle, procurement, [bid], people.Panel, Scored));
        var clinicalCard = Scorecard.For(procurement, clinician, Scored);
        Expect.Success(clinicalCard.Score(cycle, procurement, bid, criterion.Id, 2, ClinicalComment, people.Clinician, Scored));
        Expect.Success(clinicalCard.Submit(cycle, procurement, [bid], people.Clinician, Scored));

        if (moderated)
        {
            var standing = Assert.Single(Evaluation.Of(procurement, [bid], [livedCard, clinicalCard], Scored));
            Expect.Success(procurement.Moderate(cycle, Assert.Single(standing.Criteria), bid, 3, ModerationReason,
                people.Commissioner, CycleRole.Commissioner, Scored));
        }

        var decision = withDecision || awarded ? Decide(cycle, people) : null;
        if (awarded)
        {
            var standings = Evaluation.Of(procurement, [bid], [livedCard, clinicalCard], Scored);
            Expect.Success(procurement.RecordAward(cycle, decision!.Id, [people.ProviderOrganisation], standings, [people.ProviderOrganisation],
                people.Commissioner, CycleRole.Commissioner, Scored));
        }

        await using var scope = fixture.Db();
        if (noticeOn is { } notice)
        {
            var calendar = fixture.Factory.Services.GetRequiredService<IWorkingDayCalendar>();
            var at = DateTimeOffset.UtcNow;
            Expect.Success(procurement.PublishIntention(cycle, notice, calendar, people.Commissioner, CycleRole.Commissioner, at));
            if (representation)
            {
                var logged = Expect.Success(procurement.LogRepresentation(cycle, "Northgate Wellbeing", notice.AddDays(2), RepresentationSummary,
                    people.Commissioner, CycleRole.Commissioner, at));
                Expect.Success(procurement.AnswerRepresentation(cycle, logged.Id, RepresentationAnswer, people.Commissioner, CycleRole.Commissioner, at));
            }
        }

        AddWithMembers(scope.Context, cycle, people);
        scope.Context.Procurements.Add(procurement);
        scope.Context.Bids.Add(bid);
        scope.Context.Scorecards.AddRange(livedCard, clinicalCard);
        await scope.Context.SaveChangesAsync(ct);
        return new Arranged(cycle.Id, decision?.Id);
    }

    public static async Task<CycleProcurement> ProcurementAsync(CyclePagesFixture fixture, Guid cycleId, CancellationToken ct)
    {
        await using var scope = fixture.Db();
        return await scope.Context.Procurements.AsNoTracking().AsSplitQuery().SingleAsync(p => p.CycleId == cycleId, ct);
    }

    private static Decision Decide(CommissioningCycle cycle, CyclePeople people) =>
        Expect.Success(cycle.RecordDecision(StageKind.Procurement, new DecisionDetails(DecisionTitle,
            "The contract goes to the provider the panel ranked first.", DecisionMode.CommissionerLed,
            "The evaluation panel, with two lived-experience evaluators, ranked this bid first after moderation.", CoProductionLadderRung.Engagement, Scored,
            [new DecisionParticipant(people.Commissioner, CycleRole.Commissioner), new DecisionParticipant(people.Panel, CycleRole.PanelMember)], []),
            people.Commissioner, CycleRole.Commissioner, Scored));

    private static void AddWithMembers(CoproDbContext db, CommissioningCycle cycle, CyclePeople people)
    {
        db.Cycles.Add(cycle);
        foreach (var (userId, role, voice, organisation) in people.Memberships())
        {
            db.Memberships.Add(Expect.Success(CycleMembership.Create(cycle.Id, userId, role, voice, organisation, null, Moments.Now)));
        }
    }
}
