using CoproCommissioning.Data;
using CoproCommissioning.Domain.Cycles;
using CoproCommissioning.Domain.Membership;
using CoproCommissioning.Domain.Organisations;
using CoproCommissioning.Domain.Procurement;
using CoproCommissioning.Domain.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoproCommissioning.Web.Tests.Data;

/// <summary>
/// The dashboard and the overview read a procurement's progress from facts PostgreSQL projects
/// (<see cref="EvaluationQueries.ProgressFactsAsync"/>) instead of loading the aggregate with every agreed score, its
/// bids and its scorecards. At every point of a competitive procurement's life (a panel member restricted from one
/// bidder, one who stepped down, an officer with one criterion, a draft bid beside the submitted ones, scorecards submitted
/// one by one, moderation, the award, the standstill with a representation), and at moments either side of the deadline
/// and the standstill, the projected facts must give exactly the progress, and so the sign-off conditions, of the whole
/// aggregate.
/// </summary>
public sealed class ProcurementProgressFactsTests(CyclePagesFixture fixture) : IClassFixture<CyclePagesFixture>
{
    private static readonly RouteChoice Competitive = new(
        ProcurementRegime.ProviderSelectionRegime, ProcurementRoute.CompetitiveProcess,
        new RouteQuestions(ExistingProvider: false, null, UnrestrictedChoice: false, null),
        "Three providers said at the market event that they could run it.");

    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    private CyclePeople People => fixture.People;

    private enum Point
    {
        PanelChosen,
        BiddingOpen,
        BidsIn,
        OneScorecardSubmitted,
        EveryScorecardSubmitted,
        UnanimousAgreed,
        EveryScoreAgreed,
        Awarded,
        IntentionPublished,
        RepresentationAnswered,
    }

    [Fact]
    public async Task The_projected_facts_give_the_aggregates_progress_at_every_point_of_a_competitive_procurement()
    {
        var opened = DateTimeOffset.UtcNow.AddDays(-40);
        Dictionary<Guid, Point> cycles = [];
        foreach (var point in Enum.GetValues<Point>())
        {
            cycles[await ArrangeAsync(point, opened)] = point;
        }

        var moments = new[] { opened.AddDays(1), opened.AddDays(7), opened.AddDays(9), DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddDays(60) };
        await using var scope = fixture.Db();
        var db = scope.Context;
        // All at once, as the dashboard asks for its page of cycles, and one at a time, as the overview does.
        var together = await db.ProgressFactsAsync([.. cycles.Keys, Guid.NewGuid()], _ct);
        Assert.Equal(cycles.Count, together.Count);
        var conditions = new HashSet<string>();
        var noneLeft = false;
        foreach (var (cycleId, point) in cycles)
        {
            var procurement = await db.Procurements.AsSplitQuery().AsNoTracking().SingleAsync(p => p.CycleId == cycleId, _ct);
            var bids = await db.Bids.AsNoTracking().Where(b => b.CycleId == cycleId).ToListAsync(_ct);
            var scorecards = await db.Scorecards.AsNoTracking().Where(s => s.ProcurementId == procurement.Id).ToListAsync(_ct);
            var alone = Assert.Single(await db.ProgressFactsAsync([cycleId], _ct)).Value;
            foreach (var now in moments)
            {
                var expected = procurement.Progress(bids, scorecards, now);
                Assert.True(expected == together[cycleId].Progress(now), $"{point} at {now:u}: {expected} but {together[cycleId].Progress(now)}");
                Assert.True(expected == alone.Progress(now), $"{point} at {now:u}, asked alone");
                var refusals = CycleProcurement.SignOffConditions(alone.Progress(now));
                Assert.Equal(CycleProcurement.SignOffConditions(expected), refusals);
                conditions.UnionWith(refusals.Select(r => r.Rule.Code));
                noneLeft |= refusals.Count == 0;
            }
        }

        // The arrangement must reach the conditions worth comparing, or the comparison proves little.
        Assert.Contains(ProcurementRules.BiddingNotOpened.Code, conditions);
        Assert.Contains(ProcurementRules.DeadlineNotPassed.Code, conditions);
        Assert.Contains(ProcurementRules.ScorecardsNotSubmitted(0).Code, conditions);
        Assert.Contains(ProcurementRules.ScoresNotModerated(0).Code, conditions);
        Assert.Contains(ProcurementRules.AwardNotRecorded.Code, conditions);
        Assert.Contains(ProcurementRules.StandstillNotEnded.Code, conditions);
        Assert.Contains(ProcurementRules.RepresentationsUnanswered.Code, conditions);
        Assert.True(noneLeft, "no point had every condition met");
    }

    /// <summary>A competitive procurement taken through the domain as far as <paramref name="point"/>, saved; returns its cycle.</summary>
    private async Task<Guid> ArrangeAsync(Point point, DateTimeOffset opened)
    {
        var deadline = opened.AddDays(8);
        var scored = opened.AddDays(10);
        var commissioner = People.Commissioner;
        var cycle = ACycle.AtStage(StageKind.Procurement).Build();
        await using var scope = fixture.Db();
        var db = scope.Context;
        db.Cycles.Add(cycle);
        foreach (var (userId, role, voice, organisation) in People.Memberships())
        {
            db.Memberships.Add(Expect.Success(CycleMembership.Create(cycle.Id, userId, role, voice, organisation, null, Moments.Now)));
        }

        var second = new Organisation($"Second Provider {Guid.NewGuid():N}"[..24], OrganisationKind.VoluntaryOrCommunityOrganisation);
        var third = new Organisation($"Third Provider {Guid.NewGuid():N}"[..23], OrganisationKind.VoluntaryOrCommunityOrganisation);
        db.Organisations.AddRange(second, third);
        var procurement = Expect.Success(CycleProcurement.Start(cycle, Competitive, commissioner, CycleRole.Commissioner, opened));
        db.Procurements.Add(procurement);
        var quality = Expect.Success(procurement.AddCriterion(cycle,
            new CriterionDraft("Quality", "How the provider will run a safe, effective service.", CriterionKind.Scored, 60),
            CriterionCitations.None, commissioner, CycleRole.Commissioner, opened));
        Expect.Success(procurement.AddCriterion(cycle,
            new CriterionDraft("Co-production", "How the provider will keep working with the people who use the service.", CriterionKind.Scored, 40,
                IsCoProduction: true),
            CriterionCitations.None, commissioner, CycleRole.Commissioner, opened));
        Expect.Success(procurement.AddCriterion(cycle,
            new CriterionDraft("Safeguarding", "The provider has a safeguarding policy.", CriterionKind.PassFail, 0),
            CriterionCitations.None, commissioner, CycleRole.Commissioner, opened));
        var all = procurement.Criteria.Select(c => c.Id).ToArray();
        var officer = AddEvaluator(People.Champion, CycleRole.CoProductionChampion, EvaluatorRole.Officer, [quality.Id]);
        var lived = AddEvaluator(People.Panel, CycleRole.PanelMember, EvaluatorRole.LivedExperience, all);
        var clinician = AddEvaluator(People.Clinician, CycleRole.ClinicalAdviser, EvaluatorRole.ClinicalAdviser, all);
        var carer = AddEvaluator(People.Carer, CycleRole.PanelMember, EvaluatorRole.LivedExperience, all);
        Expect.Success(procurement.RecordBriefing(cycle, lived.Id, DateOnly.FromDateTime(opened.UtcDateTime), "Sam Green, Recovery College",
            commissioner, CycleRole.Commissioner, opened));
        Declare(officer, new DeclarationDraft(false, null, null));
        Declare(lived, new DeclarationDraft(false, null, null));
        Declare(clinician, new DeclarationDraft(true, "Volunteers with the second provider.", ConflictAction.RestrictBids, [second.Id]));
        Declare(carer, new DeclarationDraft(true, "Works for the third provider.", ConflictAction.StepDown));
        if (point == Point.PanelChosen)
        {
            await db.SaveChangesAsync(_ct);
            return cycle.Id;
        }

        Expect.Success(procurement.OpenBidding(cycle, deadline, commissioner, CycleRole.Commissioner, opened));
        if (point == Point.BiddingOpen)
        {
            await db.SaveChangesAsync(_ct);
            return cycle.Id;
        }

        List<Bid> bids = [SubmittedBid(People.ProviderOrganisation, opened.AddDays(1)), SubmittedBid(second.Id, opened.AddDays(2))];
        // Started and never submitted: no evaluator scores it, and it is nobody's to moderate.
        db.Bids.Add(Expect.Success(Bid.Start(cycle, procurement, third.Id, false, People.Provider, CycleRole.Provider, opened.AddDays(3))));
        db.Bids.AddRange(bids);
        if (point == Point.BidsIn)
        {
            await db.SaveChangesAsync(_ct);
            return cycle.Id;
        }

        List<Scorecard> cards = [Scored(officer, bids)];
        if (point >= Point.EveryScorecardSubmitted)
        {
            cards.Add(Scored(lived, bids));
            cards.Add(Scored(clinician, bids));
        }

        db.Scorecards.AddRange(cards);
        if (point >= Point.UnanimousAgreed)
        {
            Expect.Success(procurement.AgreeUnanimousScores(cycle, Evaluation.Of(procurement, bids, cards, scored), commissioner, CycleRole.Commissioner, scored));
        }

        if (point >= Point.EveryScoreAgreed)
        {
            foreach (var standing in Evaluation.Of(procurement, bids, cards, scored))
            {
                foreach (var criterion in standing.Criteria.Where(c => c.Agreed is null))
                {
                    Expect.Success(procurement.Moderate(cycle, criterion, bids.Single(b => b.Id == standing.Bid.Id), 3,
                        "The panel agreed the officer's score.", commissioner, CycleRole.Commissioner, scored));
                }
            }
        }

        if (point >= Point.Awarded)
        {
            var decision = Expect.Success(cycle.RecordDecision(StageKind.Procurement, new DecisionDetails("Award the contract",
                "Award the contract to the first provider.", DecisionMode.CommissionerLed, "Procurement law sets how the award is made.",
                CoProductionLadderRung.Engagement, scored, [new DecisionParticipant(commissioner, CycleRole.Commissioner)], []),
                commissioner, CycleRole.Commissioner, scored));
            Expect.Success(procurement.RecordAward(cycle, decision.Id, [People.ProviderOrganisation], Evaluation.Of(procurement, bids, cards, scored),
                [People.ProviderOrganisation, second.Id], commissioner, CycleRole.Commissioner, scored));
        }

        if (point >= Point.IntentionPublished)
        {
            var calendar = fixture.Factory.Services.GetRequiredService<IWorkingDayCalendar>();
            var notice = DateOnly.FromDateTime(scored.UtcDateTime);
            Expect.Success(procurement.PublishIntention(cycle, notice, calendar, commissioner, CycleRole.Commissioner, scored));
            var logged = Expect.Success(procurement.LogRepresentation(cycle, "Second Provider", notice.AddDays(1), "The scoring of quality was unfair.",
                commissioner, CycleRole.Commissioner, scored));
            if (point >= Point.RepresentationAnswered)
            {
                Expect.Success(procurement.AnswerRepresentation(cycle, logged.Id, "The panel looked again and the score stands.",
                    commissioner, CycleRole.Commissioner, scored));
            }
        }

        await db.SaveChangesAsync(_ct);
        return cycle.Id;

        Evaluator AddEvaluator(string userId, CycleRole role, EvaluatorRole evaluatorRole, Guid[] criteria) =>
            Expect.Success(procurement.AddEvaluator(cycle, userId, role, evaluatorRole, criteria, commissioner, CycleRole.Commissioner, opened));

        void Declare(Evaluator evaluator, DeclarationDraft draft)
        {
            Expect.Success(procurement.Declare(cycle, evaluator.Id, draft, evaluator.UserId, opened));
            Expect.Success(procurement.AcceptDeclaration(cycle, evaluator.Id, commissioner, CycleRole.Commissioner, opened));
        }

        Bid SubmittedBid(Guid organisationId, DateTimeOffset at)
        {
            var bid = Expect.Success(Bid.Start(cycle, procurement, organisationId, false, People.Provider, CycleRole.Provider, at));
            Expect.Success(bid.Save(cycle, procurement, new BidDraft(null, procurement.Criteria.ToDictionary(c => c.Id, c => (string?)$"Our answer on {c.Name}."), null),
                People.Provider, CycleRole.Provider, organisationId, at));
            Expect.Success(bid.Submit(cycle, procurement, People.Provider, CycleRole.Provider, organisationId, at));
            return bid;
        }

        // Every criterion they were asked to score on every bid they may read: a pass, and 3 on the scale but for the
        // lived-experience evaluator's 4 on quality, which moderation then settles.
        Scorecard Scored(Evaluator evaluator, List<Bid> submitted)
        {
            var card = Scorecard.For(procurement, evaluator, scored);
            foreach (var (bid, criterion) in Scorecard.Assignments(procurement, evaluator, submitted, scored))
            {
                var level = criterion.Kind == CriterionKind.PassFail ? Scorecard.Pass : evaluator == lived && criterion.Id == quality.Id ? 4 : 3;
                Expect.Success(card.Score(cycle, procurement, bid, criterion.Id, level,
                    $"Comment on {criterion.Name}.", evaluator.UserId, scored));
            }

            Expect.Success(card.Submit(cycle, procurement, submitted, evaluator.UserId, scored));
            return card;
        }
    }
}
