using CoproCommissioning.Domain.Cycles;
using CoproCommissioning.Domain.Procurement;
using static CoproCommissioning.Domain.Tests.Procurement.ProcurementSetUp;

namespace CoproCommissioning.Domain.Tests.Procurement;

/// <summary>The evaluation worked out from the scorecards, and moderation recording the agreed scores beside them.</summary>
public sealed class ModerationTests
{
    private static readonly IReadOnlyList<string?> ZeroToThree = ["No evidence", "Some evidence", "Good evidence", "Strong evidence"];

    [Fact]
    public void The_evaluation_shows_each_submitted_score_the_spread_flagged_at_2_and_who_is_still_to_submit()
    {
        var cycle = Cycle();
        var procurement = OpenForBids(cycle);
        var bids = TwoBids(cycle, procurement);
        var lived = ScoredBy(cycle, procurement, procurement.Lived(), bids, (bid, c) => c == procurement.Quality() ? 1 : Scoring(3)(bid, c));
        var officerDraft = ScoredBy(cycle, procurement, procurement.Officer(), bids, Scoring(3), submit: false);
        var evaluating = new Evaluating(cycle, procurement, bids, [lived, officerDraft]);

        var waiting = evaluating.StandingOf(Bidder).Criteria;
        Expect.Success(officerDraft.Submit(cycle, procurement, bids, People.Champion, AfterDeadline));
        var criteria = evaluating.StandingOf(Bidder).Criteria;

        Assert.All(waiting, c => Assert.Equal((1, 1, false, false), (c.Scores.Count, c.Outstanding, c.IsReadyToModerate, c.IsUnanimous)));
        var quality = criteria.Single(c => c.Criterion == procurement.Quality());
        Assert.Equal([(People.PanelMember(1), EvaluatorRole.LivedExperience, 1), (People.Champion, EvaluatorRole.Officer, 3)],
            quality.Scores.Select(s => (s.UserId, s.Role, s.Level)));
        Assert.Equal("What the bid said on Quality.", quality.Scores[0].Comment);
        Assert.Equal((2, true, true, false), (quality.Spread, quality.IsFlagged, quality.IsReadyToModerate, quality.IsUnanimous));
        var involved = criteria.Single(c => c.Criterion == procurement.KeepingInvolved());
        Assert.Equal((0, false, true, true), (involved.Spread, involved.IsFlagged, involved.IsReadyToModerate, involved.IsUnanimous));
        Assert.Equal(0, involved.Outstanding);
    }

    [Fact]
    public void A_spread_of_1_is_not_flagged()
    {
        var cycle = Cycle();
        var procurement = OpenForBids(cycle);
        var bids = TwoBids(cycle, procurement);
        var evaluating = new Evaluating(cycle, procurement, bids,
            [ScoredBy(cycle, procurement, procurement.Lived(), bids, Scoring(2)), ScoredBy(cycle, procurement, procurement.Officer(), bids, Scoring(3))]);

        var quality = evaluating.StandingOf(Bidder).Criteria[0];

        Assert.Equal((1, false, false), (quality.Spread, quality.IsFlagged, quality.IsUnanimous));
    }

    [Fact]
    public void Only_submitted_bids_are_evaluated_and_an_evaluator_kept_from_a_bid_is_not_waited_for()
    {
        var cycle = Cycle();
        var procurement = OpenForBids(cycle, declared: false);
        var lived = procurement.Lived();
        var officer = procurement.Officer();
        DeclareNothing(cycle, procurement, lived, Now);
        Expect.Success(procurement.Declare(cycle, officer.Id, new DeclarationDraft(true, "I was a trustee", ConflictAction.RestrictBids, [OtherBidder]),
            officer.UserId, Now));
        Expect.Success(procurement.AcceptDeclaration(cycle, officer.Id, People.Commissioner, CycleRole.Commissioner, Now));
        var bids = TwoBids(cycle, procurement);
        bids.Add(Drafted(cycle, procurement, ThirdBidder, ThirdProvider));
        var evaluating = new Evaluating(cycle, procurement, bids,
            [ScoredBy(cycle, procurement, lived, bids, Scoring(3)), ScoredBy(cycle, procurement, officer, bids, Scoring(3))]);

        var standings = evaluating.Standings();

        Assert.Equal([Bidder, OtherBidder], standings.Select(s => s.Bid.OrganisationId));
        Assert.All(evaluating.StandingOf(Bidder).Criteria, c => Assert.Equal(2, c.Scores.Count));
        Assert.All(evaluating.StandingOf(OtherBidder).Criteria, c => Assert.Equal((1, 0, true), (c.Scores.Count, c.Outstanding, c.IsReadyToModerate)));
    }

    [Fact]
    public void Weighted_totals_are_computed_to_exact_pennies_once_every_criterion_of_the_bid_is_moderated()
    {
        var cycle = Cycle();
        var procurement = OpenForBids(cycle, scale: ZeroToThree);
        var bids = TwoBids(cycle, procurement);
        // Quality (70%) 2 of 3 and keeping people involved (30%) 1 of 3 for the first bid; 1 and 3 for the second.
        Func<Bid, EvaluationCriterion, int> levels = (bid, criterion) => criterion.Kind == CriterionKind.PassFail ? Scorecard.Pass
            : bid.OrganisationId == Bidder ? (criterion == procurement.Quality() ? 2 : 1)
            : (criterion == procurement.Quality() ? 1 : 3);
        var evaluating = new Evaluating(cycle, procurement, bids,
            [ScoredBy(cycle, procurement, procurement.Lived(), bids, levels), ScoredBy(cycle, procurement, procurement.Officer(), bids, levels)]);
        var first = evaluating.StandingOf(Bidder);
        Expect.Success(procurement.Moderate(cycle, first.Criteria[0], first.Bid, 2, "", People.Commissioner, CycleRole.Commissioner, AfterDeadline));
        Expect.Success(procurement.Moderate(cycle, first.Criteria[1], first.Bid, 1, "", People.Commissioner, CycleRole.Commissioner, AfterDeadline));

        var partly = evaluating.StandingOf(Bidder);
        Expect.Success(procurement.AgreeUnanimousScores(cycle, evaluating.Standings(), People.Commissioner, CycleRole.Commissioner, AfterDeadline));

        Assert.Null(partly.WeightedTotal);
        Assert.False(partly.IsFullyModerated);
        Assert.Null(partly.Rank);
        Assert.Equal(56.67m, evaluating.StandingOf(Bidder).WeightedTotal); // 70 × 2/3 + 30 × 1/3 = 56.666…
        Assert.Equal(53.33m, evaluating.StandingOf(OtherBidder).WeightedTotal); // 70 × 1/3 + 30 × 3/3 = 53.333…
        Assert.Equal([(Bidder, 1), (OtherBidder, 2)], evaluating.Standings().Select(s => (s.Bid.OrganisationId, s.Rank!.Value)));
    }

    [Fact]
    public void Bids_that_tie_share_a_rank_and_a_bid_that_fails_a_pass_fail_criterion_is_not_ranked_whatever_its_total()
    {
        var cycle = Cycle();
        var procurement = OpenForBids(cycle);
        var fourthBidder = Guid.CreateVersion7();
        var bids = TwoBids(cycle, procurement);
        bids.Add(Submitted(cycle, procurement, ThirdBidder, ThirdProvider, Now.AddDays(3)));
        bids.Add(Submitted(cycle, procurement, fourthBidder, "provider-4", Now.AddDays(4)));
        Func<Bid, EvaluationCriterion, int> levels = (bid, criterion) => criterion.Kind == CriterionKind.PassFail
            ? (bid.OrganisationId == fourthBidder ? Scorecard.Fail : Scorecard.Pass)
            : bid.OrganisationId == ThirdBidder ? 2 : bid.OrganisationId == fourthBidder ? 4 : 3;
        var evaluating = new Evaluating(cycle, procurement, bids,
            [ScoredBy(cycle, procurement, procurement.Lived(), bids, levels), ScoredBy(cycle, procurement, procurement.Officer(), bids, levels)]);
        Expect.Success(procurement.AgreeUnanimousScores(cycle, evaluating.Standings(), People.Commissioner, CycleRole.Commissioner, AfterDeadline));

        var standings = evaluating.Standings();

        Assert.Equal(
            [(Bidder, 75.00m, false, (int?)1), (OtherBidder, 75.00m, false, 1), (ThirdBidder, 50.00m, false, 3), (fourthBidder, 100.00m, true, null)],
            standings.Select(s => (s.Bid.OrganisationId, s.WeightedTotal!.Value, s.FailedPassFail, s.Rank)));
    }

    [Fact]
    public void The_agreed_score_is_recorded_beside_the_evaluators_scores_which_never_change()
    {
        var cycle = Cycle();
        var procurement = OpenForBids(cycle);
        var bids = TwoBids(cycle, procurement);
        var lived = ScoredBy(cycle, procurement, procurement.Lived(), bids, (bid, c) => c == procurement.Quality() ? 1 : Scoring(3)(bid, c));
        var evaluating = new Evaluating(cycle, procurement, bids, [lived, ScoredBy(cycle, procurement, procurement.Officer(), bids, Scoring(3))]);
        var quality = evaluating.StandingOf(Bidder).Criteria[0];

        var noReason = procurement.Moderate(cycle, quality, bids[0], 2, " ", People.Commissioner, CycleRole.Commissioner, AfterDeadline);
        Expect.Success(procurement.Moderate(cycle, quality, bids[0], 2, "The panel agreed the staffing plan was thin but real.",
            People.Commissioner, CycleRole.Commissioner, AfterDeadline.AddMinutes(5)));

        Assert.Equal([ProcurementRules.ModerationReasonRequired], noReason.BrokenRules);
        Assert.Equal("Reason", noReason.Refusals[0].Field);
        var agreed = procurement.FindModeration(bids[0].Id, procurement.Quality().Id)!;
        Assert.Equal((2, "The panel agreed the staffing plan was thin but real.", People.Commissioner, AfterDeadline.AddMinutes(5)),
            (agreed.Level, agreed.Reason, agreed.ModeratedByUserId, agreed.ModeratedAt));
        Assert.Equal(1, lived.ScoreFor(bids[0].Id, procurement.Quality().Id)!.Level);
        Assert.Equal([1, 3], evaluating.StandingOf(Bidder).Criteria[0].Scores.Select(s => s.Level));
        Assert.Same(agreed, evaluating.StandingOf(Bidder).Criteria[0].Agreed);
        Assert.Equal(AfterDeadline.AddMinutes(5), cycle.LastChangedAt);
    }

    [Fact]
    public void A_score_every_evaluator_gave_needs_no_reason_and_moderating_again_replaces_the_agreed_score()
    {
        var cycle = Cycle();
        var evaluating = Scored(cycle);
        var procurement = evaluating.Procurement;
        var quality = evaluating.StandingOf(Bidder).Criteria[0];

        Expect.Success(procurement.Moderate(cycle, quality, evaluating.BidOf(Bidder), 3, null, People.Commissioner, CycleRole.Commissioner, AfterDeadline));
        Expect.Success(procurement.Moderate(cycle, quality, evaluating.BidOf(Bidder), 4, "The panel looked again at the evidence.",
            People.Commissioner, CycleRole.Commissioner, AfterDeadline.AddMinutes(1)));

        var agreed = Assert.Single(procurement.Moderated);
        Assert.Equal((4, "The panel looked again at the evidence."), (agreed.Level, agreed.Reason));
    }

    [Fact]
    public void Moderation_waits_for_every_evaluator_to_submit()
    {
        var cycle = Cycle();
        var procurement = OpenForBids(cycle);
        var bids = TwoBids(cycle, procurement);
        var evaluating = new Evaluating(cycle, procurement, bids, [ScoredBy(cycle, procurement, procurement.Lived(), bids, Scoring(3))]);

        var outcome = procurement.Moderate(cycle, evaluating.StandingOf(Bidder).Criteria[0], bids[0], 3, "", People.Commissioner, CycleRole.Commissioner, AfterDeadline);

        Assert.Equal([ProcurementRules.ScoresOutstanding], outcome.BrokenRules);
        Assert.Empty(procurement.Moderated);
    }

    [Theory]
    [InlineData(null, "proc-agreed-score-required")]
    [InlineData(7, "proc-score-not-on-scale")]
    public void The_agreed_score_is_one_on_the_scale(int? level, string rule)
    {
        var cycle = Cycle();
        var evaluating = Scored(cycle);

        var outcome = evaluating.Procurement.Moderate(cycle, evaluating.StandingOf(Bidder).Criteria[0], evaluating.BidOf(Bidder), level, "Agreed.",
            People.Commissioner, CycleRole.Commissioner, AfterDeadline);

        Assert.Equal([rule], outcome.BrokenRules.Select(r => r.Code));
        Assert.Equal("Level", outcome.Refusals[0].Field);
    }

    [Fact]
    public void The_reason_has_a_limit()
    {
        var cycle = Cycle();
        var evaluating = Scored(cycle);

        var outcome = evaluating.Procurement.Moderate(cycle, evaluating.StandingOf(Bidder).Criteria[0], evaluating.BidOf(Bidder), 2,
            new string('r', ModeratedScore.ReasonMaxLength + 1), People.Commissioner, CycleRole.Commissioner, AfterDeadline);

        Assert.Equal([ProcurementRules.ModerationReasonTooLong], outcome.BrokenRules);
    }

    [Fact]
    public void Only_a_commissioner_moderates_a_submitted_bid_after_the_deadline()
    {
        var cycle = Cycle();
        var evaluating = Scored(cycle);
        var procurement = evaluating.Procurement;
        var quality = evaluating.StandingOf(Bidder).Criteria[0];
        var draft = Drafted(cycle, procurement, ThirdBidder, ThirdProvider);

        var champion = procurement.Moderate(cycle, quality, evaluating.BidOf(Bidder), 3, "", People.Champion, CycleRole.CoProductionChampion, AfterDeadline);
        var early = procurement.Moderate(cycle, quality, evaluating.BidOf(Bidder), 3, "", People.Commissioner, CycleRole.Commissioner, Deadline.AddMinutes(-1));
        var notSubmitted = procurement.Moderate(cycle, quality, draft, 3, "", People.Commissioner, CycleRole.Commissioner, AfterDeadline);

        Assert.Equal([CycleRules.CommissionerOnly], champion.BrokenRules);
        Assert.Equal([ProcurementRules.ScoringBeforeDeadline], early.BrokenRules);
        Assert.Equal([ProcurementRules.BidNotSubmitted], notSubmitted.BrokenRules);
        Assert.Empty(procurement.Moderated);
    }

    [Fact]
    public void Unanimous_scores_are_agreed_in_one_go_and_the_rest_are_left_for_the_panel()
    {
        var cycle = Cycle();
        var procurement = OpenForBids(cycle);
        var bids = TwoBids(cycle, procurement);
        var evaluating = new Evaluating(cycle, procurement, bids,
        [
            ScoredBy(cycle, procurement, procurement.Lived(), bids, (bid, c) => bid.OrganisationId == Bidder && c == procurement.Quality() ? 1 : Scoring(3)(bid, c)),
            ScoredBy(cycle, procurement, procurement.Officer(), bids, Scoring(3)),
        ]);

        var champion = procurement.AgreeUnanimousScores(cycle, evaluating.Standings(), People.Champion, CycleRole.CoProductionChampion, AfterDeadline);
        var agreed = Expect.Success(procurement.AgreeUnanimousScores(cycle, evaluating.Standings(), People.Commissioner, CycleRole.Commissioner, AfterDeadline));
        var again = procurement.AgreeUnanimousScores(cycle, evaluating.Standings(), People.Commissioner, CycleRole.Commissioner, AfterDeadline);

        Assert.Equal([CycleRules.CommissionerOnly], champion.BrokenRules);
        Assert.Equal(5, agreed.Count);
        Assert.All(agreed, a => Assert.Equal(("", People.Commissioner), (a.Reason, a.ModeratedByUserId)));
        Assert.Null(procurement.FindModeration(bids[0].Id, procurement.Quality().Id));
        Assert.Equal(Scorecard.Pass, procurement.FindModeration(bids[1].Id, procurement.Registered().Id)!.Level);
        Assert.Equal([ProcurementRules.NothingUnanimous], again.BrokenRules);
        Assert.Equal(1, evaluating.Standings().Sum(s => s.Criteria.Count(c => c.Agreed is null)));
    }

    [Fact]
    public void Once_the_award_is_recorded_moderation_is_closed()
    {
        var cycle = Cycle();
        var evaluating = Awarded(cycle);
        var procurement = evaluating.Procurement;

        var moderate = procurement.Moderate(cycle, evaluating.StandingOf(Bidder).Criteria[0], evaluating.BidOf(Bidder), 2, "On reflection.",
            People.Commissioner, CycleRole.Commissioner, AfterDeadline.AddHours(1));
        var unanimous = procurement.AgreeUnanimousScores(cycle, evaluating.Standings(), People.Commissioner, CycleRole.Commissioner, AfterDeadline.AddHours(1));

        Assert.Equal([ProcurementRules.EvaluationClosed], moderate.BrokenRules);
        Assert.Equal([ProcurementRules.EvaluationClosed], unanimous.BrokenRules);
        Assert.Equal(3, procurement.FindModeration(evaluating.BidOf(Bidder).Id, procurement.Quality().Id)!.Level);
    }
}
