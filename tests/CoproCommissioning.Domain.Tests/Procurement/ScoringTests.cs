using CoproCommissioning.Domain.Cycles;
using CoproCommissioning.Domain.Procurement;
using static CoproCommissioning.Domain.Tests.Procurement.ProcurementSetUp;

namespace CoproCommissioning.Domain.Tests.Procurement;

public sealed class ScoringTests
{
    [Fact]
    public void An_evaluator_scores_each_assigned_criterion_of_each_bid_with_a_comment_and_can_rescore_until_submitting()
    {
        var cycle = Cycle();
        var procurement = OpenForBids(cycle);
        var bid = Submitted(cycle, procurement, Bidder, People.Provider);
        var lived = procurement.Lived();
        var card = Scorecard.For(procurement, lived, AfterDeadline);

        Expect.Success(card.Score(cycle, procurement, bid, procurement.Quality().Id, 2, "  Some evidence of safe care. ", lived.UserId, AfterDeadline));
        Expect.Success(card.Score(cycle, procurement, bid, procurement.Quality().Id, 3, "Clear evidence on reflection.", lived.UserId, AfterDeadline.AddMinutes(5)));
        Expect.Success(card.Score(cycle, procurement, bid, procurement.Registered().Id, Scorecard.Pass, "Certificate attached.", lived.UserId, AfterDeadline));

        var score = card.ScoreFor(bid.Id, procurement.Quality().Id)!;
        Assert.Equal((3, "Clear evidence on reflection.", AfterDeadline.AddMinutes(5)), (score.Level, score.Comment, score.ScoredAt));
        Assert.Equal(2, card.Scores.Count);
        Assert.Equal((procurement.Id, lived.Id, lived.UserId), (card.ProcurementId, card.EvaluatorId, card.UserId));
        Assert.False(card.IsSubmitted);
    }

    [Fact]
    public void Nobody_scores_before_the_deadline()
    {
        var cycle = Cycle();
        var procurement = OpenForBids(cycle);
        var bid = Submitted(cycle, procurement, Bidder, People.Provider);
        var lived = procurement.Lived();
        var card = Scorecard.For(procurement, lived, Now);

        var outcome = card.Score(cycle, procurement, bid, procurement.Quality().Id, 3, "Good.", lived.UserId, Deadline.AddMinutes(-1));

        Assert.Equal([ProcurementRules.ScoringBeforeDeadline, ProcurementRules.BidClosedToYou], outcome.BrokenRules);
        Assert.Empty(card.Scores);
    }

    [Fact]
    public void Only_the_evaluator_scores_on_their_scorecard()
    {
        var cycle = Cycle();
        var procurement = OpenForBids(cycle);
        var bid = Submitted(cycle, procurement, Bidder, People.Provider);
        var card = Scorecard.For(procurement, procurement.Lived(), AfterDeadline);

        var commissioner = card.Score(cycle, procurement, bid, procurement.Quality().Id, 3, "Good.", People.Commissioner, AfterDeadline);
        var officer = card.Score(cycle, procurement, bid, procurement.Quality().Id, 3, "Good.", procurement.Officer().UserId, AfterDeadline);

        Assert.Equal([ProcurementRules.OnlyTheEvaluatorScores, ProcurementRules.BidClosedToYou], commissioner.BrokenRules);
        Assert.Contains(ProcurementRules.OnlyTheEvaluatorScores, officer.BrokenRules);
        Assert.Empty(card.Scores);
    }

    [Fact]
    public void A_lived_experience_evaluator_scores_only_once_briefed_and_an_officer_needs_no_briefing()
    {
        var cycle = Cycle();
        var procurement = Started(cycle);
        var involved = Expect.Success(procurement.AddCriterion(cycle, new CriterionDraft("Keeping people involved", "How people keep shaping it.",
            CriterionKind.Scored, 100, IsCoProduction: true), CriterionCitations.None, People.Commissioner, CycleRole.Commissioner, Now));
        var lived = Expect.Success(procurement.AddEvaluator(cycle, People.PanelMember(1), CycleRole.PanelMember, EvaluatorRole.LivedExperience, [involved.Id],
            People.Commissioner, CycleRole.Commissioner, Now));
        var officer = Expect.Success(procurement.AddEvaluator(cycle, People.Champion, CycleRole.CoProductionChampion, EvaluatorRole.Officer, [involved.Id],
            People.Commissioner, CycleRole.Commissioner, Now));
        DeclareNothing(cycle, procurement, lived, Now);
        DeclareNothing(cycle, procurement, officer, Now);
        Expect.Success(procurement.OpenBidding(cycle, Deadline, People.Commissioner, CycleRole.Commissioner, Now));
        var bid = Submitted(cycle, procurement, Bidder, People.Provider);

        var unbriefed = Scorecard.For(procurement, lived, AfterDeadline).Score(cycle, procurement, bid, involved.Id, 3, "Good.", lived.UserId, AfterDeadline);
        var officerCard = Scorecard.For(procurement, officer, AfterDeadline);
        Expect.Success(officerCard.Score(cycle, procurement, bid, involved.Id, 3, "Good.", officer.UserId, AfterDeadline));
        Expect.Success(procurement.RecordBriefing(cycle, lived.Id, new DateOnly(2026, 3, 1), "Sam Okafor", People.Commissioner, CycleRole.Commissioner, AfterDeadline));
        var livedCard = Scorecard.For(procurement, lived, AfterDeadline);
        Expect.Success(livedCard.Score(cycle, procurement, bid, involved.Id, 3, "Good.", lived.UserId, AfterDeadline));

        Assert.Equal([ProcurementRules.BriefingBeforeScoring], unbriefed.BrokenRules);
        Assert.Single(livedCard.Scores);
    }

    [Fact]
    public void Only_a_criterion_the_evaluator_was_assigned_is_scored()
    {
        var cycle = Cycle();
        var procurement = OpenForBids(cycle);
        var bid = Submitted(cycle, procurement, Bidder, People.Provider);
        var lived = procurement.Lived();
        Expect.Success(procurement.AssignCriteria(cycle, lived.Id, [procurement.Quality().Id, procurement.KeepingInvolved().Id],
            People.Commissioner, CycleRole.Commissioner, Now.AddDays(1)));
        var card = Scorecard.For(procurement, lived, AfterDeadline);

        var notAssigned = card.Score(cycle, procurement, bid, procurement.Registered().Id, Scorecard.Pass, "Registered.", lived.UserId, AfterDeadline);
        var unknown = card.Score(cycle, procurement, bid, Guid.CreateVersion7(), 3, "Good.", lived.UserId, AfterDeadline);

        Assert.Equal([ProcurementRules.CriterionNotAssigned], notAssigned.BrokenRules);
        Assert.Equal([ProcurementRules.CriterionNotAssigned], unknown.BrokenRules);
        Assert.Equal([(bid, procurement.Quality()), (bid, procurement.KeepingInvolved())], Scorecard.Assignments(procurement, lived, [bid], AfterDeadline));
    }

    [Theory]
    [InlineData(null, "proc-score-required")]
    [InlineData(5, "proc-score-not-on-scale")]
    [InlineData(-1, "proc-score-not-on-scale")]
    public void A_scored_criterion_takes_a_score_on_the_scale(int? level, string rule)
    {
        var cycle = Cycle();
        var procurement = OpenForBids(cycle);
        var bid = Submitted(cycle, procurement, Bidder, People.Provider);
        var lived = procurement.Lived();

        var outcome = Scorecard.For(procurement, lived, AfterDeadline).Score(cycle, procurement, bid, procurement.Quality().Id, level, "Good.", lived.UserId, AfterDeadline);

        Assert.Equal([rule], outcome.BrokenRules.Select(r => r.Code));
        Assert.Equal("Level", Assert.Single(outcome.Refusals).Field);
        Assert.Equal(procurement.Quality().Id, outcome.Refusals[0].SubjectId);
    }

    [Theory]
    [InlineData(Scorecard.Pass, true)]
    [InlineData(Scorecard.Fail, true)]
    [InlineData(2, false)]
    public void A_pass_fail_criterion_takes_a_pass_or_a_fail(int level, bool taken)
    {
        var cycle = Cycle();
        var procurement = OpenForBids(cycle);
        var bid = Submitted(cycle, procurement, Bidder, People.Provider);
        var lived = procurement.Lived();

        var outcome = Scorecard.For(procurement, lived, AfterDeadline).Score(cycle, procurement, bid, procurement.Registered().Id, level, "Checked.", lived.UserId, AfterDeadline);

        Assert.Equal(taken ? [] : [ProcurementRules.ScoreNotOnScale], outcome.BrokenRules);
        Assert.Equal(taken, procurement.IsOnScale(procurement.Registered(), level));
    }

    [Fact]
    public void Every_score_needs_a_comment_of_a_reasonable_length()
    {
        var cycle = Cycle();
        var procurement = OpenForBids(cycle);
        var bid = Submitted(cycle, procurement, Bidder, People.Provider);
        var lived = procurement.Lived();
        var card = Scorecard.For(procurement, lived, AfterDeadline);

        var blank = card.Score(cycle, procurement, bid, procurement.Quality().Id, 3, "  ", lived.UserId, AfterDeadline);
        var tooLong = card.Score(cycle, procurement, bid, procurement.Quality().Id, 3, new string('a', Score.CommentMaxLength + 1), lived.UserId, AfterDeadline);

        Assert.Equal([ProcurementRules.ScoreCommentRequired], blank.BrokenRules);
        Assert.Equal("Comment", blank.Refusals[0].Field);
        Assert.Equal([ProcurementRules.ScoreCommentTooLong], tooLong.BrokenRules);
        Assert.Empty(card.Scores);
    }

    [Fact]
    public void A_bid_that_was_not_submitted_or_that_the_declaration_closes_is_not_scored()
    {
        var cycle = Cycle();
        var procurement = OpenForBids(cycle, declared: false);
        var draft = Drafted(cycle, procurement, Bidder, People.Provider);
        var submitted = Submitted(cycle, procurement, OtherBidder, OtherProvider);
        var lived = procurement.Lived();
        Expect.Success(procurement.Declare(cycle, lived.Id, new DeclarationDraft(true, "I volunteer there", ConflictAction.RestrictBids, [OtherBidder]),
            lived.UserId, Now));
        Expect.Success(procurement.AcceptDeclaration(cycle, lived.Id, People.Commissioner, CycleRole.Commissioner, Now));
        var card = Scorecard.For(procurement, lived, AfterDeadline);

        var notSubmitted = card.Score(cycle, procurement, draft, procurement.Quality().Id, 3, "Good.", lived.UserId, AfterDeadline);
        var restricted = card.Score(cycle, procurement, submitted, procurement.Quality().Id, 3, "Good.", lived.UserId, AfterDeadline);
        var officer = procurement.Officer();
        var undeclared = Scorecard.For(procurement, officer, AfterDeadline)
            .Score(cycle, procurement, submitted, procurement.Quality().Id, 3, "Good.", officer.UserId, AfterDeadline);

        Assert.All([notSubmitted, restricted, undeclared], outcome => Assert.Equal([ProcurementRules.BidClosedToYou], outcome.BrokenRules));
        Assert.Empty(Scorecard.Assignments(procurement, lived, [draft, submitted], AfterDeadline));
    }

    [Fact]
    public void Submitting_needs_every_assignment_scored_then_the_scores_are_fixed()
    {
        var cycle = Cycle();
        var procurement = OpenForBids(cycle);
        var bids = TwoBids(cycle, procurement);
        var lived = procurement.Lived();
        var card = ScoredBy(cycle, procurement, lived, bids, Scoring(3), submit: false);
        Assert.Equal(6, card.Scores.Count);
        var partial = Scorecard.For(procurement, lived, AfterDeadline);
        Expect.Success(partial.Score(cycle, procurement, bids[0], procurement.Quality().Id, 3, "Good.", lived.UserId, AfterDeadline));

        var missing = partial.Submit(cycle, procurement, bids, lived.UserId, AfterDeadline);
        var someoneElse = card.Submit(cycle, procurement, bids, People.Commissioner, AfterDeadline);
        Expect.Success(card.Submit(cycle, procurement, bids, lived.UserId, AfterDeadline.AddMinutes(10)));
        var rescore = card.Score(cycle, procurement, bids[0], procurement.Quality().Id, 1, "Changed my mind.", lived.UserId, AfterDeadline.AddMinutes(20));
        var again = card.Submit(cycle, procurement, bids, lived.UserId, AfterDeadline.AddMinutes(20));

        Assert.Equal([ProcurementRules.ScoresMissing(5)], missing.BrokenRules);
        Assert.Equal("Score the 5 criteria still without a score before you submit.", missing.Refusals[0].Rule.Message);
        Assert.Equal("Score the 1 criterion still without a score before you submit.", ProcurementRules.ScoresMissing(1).Message);
        Assert.Equal([ProcurementRules.OnlyTheEvaluatorScores], someoneElse.BrokenRules);
        Assert.Equal([ProcurementRules.ScoresSubmitted], rescore.BrokenRules);
        Assert.Equal([ProcurementRules.ScoresSubmitted], again.BrokenRules);
        Assert.Equal((true, AfterDeadline.AddMinutes(10)), (card.IsSubmitted, card.SubmittedAt!.Value));
        Assert.Equal(3, card.ScoreFor(bids[0].Id, procurement.Quality().Id)!.Level);
    }

    [Fact]
    public void Submitting_with_nothing_to_score_is_refused()
    {
        var cycle = Cycle();
        var procurement = OpenForBids(cycle);
        var lived = procurement.Lived();

        var outcome = Scorecard.For(procurement, lived, AfterDeadline).Submit(cycle, procurement, [], lived.UserId, AfterDeadline);

        Assert.Equal([ProcurementRules.NothingToScore], outcome.BrokenRules);
    }

    [Fact]
    public void A_moderated_score_is_not_rescored_by_an_evaluator_who_could_read_the_bid_only_later()
    {
        var cycle = Cycle();
        var procurement = OpenForBids(cycle, declared: false);
        var lived = procurement.Lived();
        var officer = procurement.Officer();
        DeclareNothing(cycle, procurement, lived, Now);
        var bids = TwoBids(cycle, procurement);
        var evaluating = new Evaluating(cycle, procurement, bids, [ScoredBy(cycle, procurement, lived, bids, Scoring(3))]);
        Expect.Success(procurement.AgreeUnanimousScores(cycle, evaluating.Standings(), People.Commissioner, CycleRole.Commissioner, AfterDeadline));
        DeclareNothing(cycle, procurement, officer, AfterDeadline);

        var outcome = Scorecard.For(procurement, officer, AfterDeadline)
            .Score(cycle, procurement, bids[0], procurement.Quality().Id, 1, "Weak.", officer.UserId, AfterDeadline.AddHours(1));

        Assert.Equal([ProcurementRules.ScoreModerated], outcome.BrokenRules);
    }

    [Fact]
    public void Once_the_award_is_recorded_scoring_is_closed()
    {
        var cycle = Cycle();
        var evaluating = Awarded(cycle);
        var lived = evaluating.Procurement.Lived();

        var card = Scorecard.For(evaluating.Procurement, lived, AfterDeadline);

        var score = card.Score(cycle, evaluating.Procurement, evaluating.Bids[0], evaluating.Procurement.Quality().Id, 4, "Better than I thought.",
            lived.UserId, AfterDeadline.AddHours(1));
        var submit = card.Submit(cycle, evaluating.Procurement, evaluating.Bids, lived.UserId, AfterDeadline.AddHours(1));

        Assert.Equal([ProcurementRules.EvaluationClosed, ProcurementRules.ScoreModerated], score.BrokenRules);
        Assert.Contains(ProcurementRules.EvaluationClosed, submit.BrokenRules);
    }

    [Fact]
    public void Others_scores_are_seen_by_the_commissioner_and_by_an_evaluator_once_their_own_are_submitted()
    {
        var cycle = Cycle();
        var procurement = OpenForBids(cycle);
        var bids = TwoBids(cycle, procurement);
        var draft = ScoredBy(cycle, procurement, procurement.Lived(), bids, Scoring(2), submit: false);
        var submitted = ScoredBy(cycle, procurement, procurement.Officer(), bids, Scoring(2));

        Assert.True(Scorecard.MaySeeOthersScores(CycleRole.Commissioner, null));
        Assert.False(Scorecard.MaySeeOthersScores(CycleRole.PanelMember, null));
        Assert.False(Scorecard.MaySeeOthersScores(CycleRole.PanelMember, draft));
        Assert.True(Scorecard.MaySeeOthersScores(CycleRole.CoProductionChampion, submitted));
    }

    [Fact]
    public void A_scorecard_is_only_for_someone_on_the_panel()
    {
        var cycle = Cycle();
        var procurement = OpenForBids(cycle);
        var elsewhere = OpenForBids(Cycle());

        Assert.Throws<ArgumentException>(() => Scorecard.For(procurement, elsewhere.Lived(), AfterDeadline));
    }
}
