using CoproCommissioning.Domain.Cycles;
using CoproCommissioning.Domain.Procurement;
using static CoproCommissioning.Domain.Tests.Procurement.ProcurementSetUp;

namespace CoproCommissioning.Domain.Tests.Procurement;

/// <summary>
/// The award, the intention to award, representations, deciding to go ahead, and what the procurement stage needs
/// before sign-off. <see cref="ProcurementSetUp.AfterDeadline"/> is Monday 16 March 2026; the notice is published that day.
/// </summary>
public sealed class AwardTests
{
    private static readonly DateOnly NoticeDay = new(2026, 3, 16);

    /// <summary>Eight working days after Tuesday 17 March 2026 is Friday 27 March; midnight at its end is GMT.</summary>
    private static readonly DateTimeOffset PsrStandstillEnds = new(2026, 3, 28, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_award_names_the_decision_and_the_providers_and_who_recorded_it()
    {
        var cycle = Cycle();
        var evaluating = Moderated(cycle);
        var decision = AwardDecision(cycle);

        Expect.Success(evaluating.Procurement.RecordAward(cycle, decision.Id, [Bidder, Bidder], evaluating.Standings(), [Bidder, OtherBidder],
            People.Commissioner, CycleRole.Commissioner, AfterDeadline));

        var procurement = evaluating.Procurement;
        Assert.True(procurement.IsAwardRecorded);
        Assert.Equal(decision.Id, procurement.AwardDecisionId);
        Assert.Equal([Bidder], procurement.AwardedOrganisationIds);
        Assert.Equal((People.Commissioner, AfterDeadline), (procurement.AwardRecordedByUserId, procurement.AwardRecordedAt!.Value));
    }

    [Fact]
    public void The_award_needs_a_decision_recorded_in_the_procurement_stage()
    {
        var cycle = Cycle();
        var evaluating = Moderated(cycle);
        var elsewhere = Cycle();
        var otherCyclesDecision = AwardDecision(elsewhere);

        var none = evaluating.Procurement.RecordAward(cycle, null, [Bidder], evaluating.Standings(), [Bidder], People.Commissioner, CycleRole.Commissioner, AfterDeadline);
        var stranger = evaluating.Procurement.RecordAward(cycle, otherCyclesDecision.Id, [Bidder], evaluating.Standings(), [Bidder],
            People.Commissioner, CycleRole.Commissioner, AfterDeadline);

        Assert.Equal([ProcurementRules.AwardDecisionRequired], none.BrokenRules);
        Assert.Equal("DecisionId", none.Refusals[0].Field);
        Assert.Equal([ProcurementRules.AwardDecisionNotInStage], stranger.BrokenRules);
        Assert.False(evaluating.Procurement.IsAwardRecorded);
    }

    [Fact]
    public void The_award_names_at_least_one_eligible_provider_and_only_a_commissioner_records_it()
    {
        var cycle = Cycle();
        var evaluating = Moderated(cycle);
        var decision = AwardDecision(cycle);

        var nobody = evaluating.Procurement.RecordAward(cycle, decision.Id, [], evaluating.Standings(), [Bidder, OtherBidder],
            People.Commissioner, CycleRole.Commissioner, AfterDeadline);
        var notBidding = evaluating.Procurement.RecordAward(cycle, decision.Id, [Bidder, ThirdBidder], evaluating.Standings(), [Bidder, OtherBidder],
            People.Commissioner, CycleRole.Commissioner, AfterDeadline);
        var champion = evaluating.Procurement.RecordAward(cycle, decision.Id, [Bidder], evaluating.Standings(), [Bidder, OtherBidder],
            People.Champion, CycleRole.CoProductionChampion, AfterDeadline);

        Assert.Equal([ProcurementRules.AwardProviderRequired], nobody.BrokenRules);
        Assert.Equal([ProcurementRules.AwardProviderNotEligible], notBidding.BrokenRules);
        Assert.Equal("OrganisationIds", notBidding.Refusals[0].Field);
        Assert.Equal([CycleRules.CommissionerOnly], champion.BrokenRules);
    }

    [Fact]
    public void On_a_competitive_route_the_award_waits_for_the_deadline_and_for_every_criterion_of_every_bid_to_be_moderated()
    {
        var cycle = Cycle();
        var open = OpenForBids(cycle);
        var decision = AwardDecision(cycle);
        var scoredCycle = Cycle();
        var scored = Scored(scoredCycle);
        var scoredDecision = AwardDecision(scoredCycle);

        var early = open.RecordAward(cycle, decision.Id, [Bidder], [], [Bidder], People.Commissioner, CycleRole.Commissioner, Deadline.AddMinutes(-1));
        var noBids = open.RecordAward(cycle, decision.Id, [Bidder], [], [Bidder], People.Commissioner, CycleRole.Commissioner, AfterDeadline);
        var unmoderated = scored.Procurement.RecordAward(scoredCycle, scoredDecision.Id, [Bidder], scored.Standings(), [Bidder, OtherBidder],
            People.Commissioner, CycleRole.Commissioner, AfterDeadline);

        Assert.Equal([ProcurementRules.ScoringBeforeDeadline], early.BrokenRules);
        Assert.Equal([ProcurementRules.EvaluationNotFinished], noBids.BrokenRules);
        Assert.Equal([ProcurementRules.EvaluationNotFinished], unmoderated.BrokenRules);
    }

    [Fact]
    public void A_bid_that_failed_a_pass_fail_criterion_is_not_awarded()
    {
        var cycle = Cycle();
        var evaluating = Moderated(cycle);
        var registered = evaluating.StandingOf(OtherBidder).Criteria.Single(c => c.Criterion.Kind == CriterionKind.PassFail);
        Expect.Success(evaluating.Procurement.Moderate(cycle, registered, evaluating.BidOf(OtherBidder), Scorecard.Fail, "Its registration lapsed in February.",
            People.Commissioner, CycleRole.Commissioner, AfterDeadline));

        var outcome = evaluating.Procurement.RecordAward(cycle, AwardDecision(cycle).Id, [OtherBidder], evaluating.Standings(), [Bidder, OtherBidder],
            People.Commissioner, CycleRole.Commissioner, AfterDeadline);

        Assert.Equal([ProcurementRules.AwardToFailedBid], outcome.BrokenRules);
    }

    [Fact]
    public void The_award_can_change_until_the_intention_to_award_is_published_then_it_is_fixed()
    {
        var cycle = Cycle();
        var evaluating = Awarded(cycle);
        var procurement = evaluating.Procurement;
        var decision = AwardDecision(cycle);

        Expect.Success(procurement.RecordAward(cycle, decision.Id, [OtherBidder], evaluating.Standings(), [Bidder, OtherBidder],
            People.Commissioner, CycleRole.Commissioner, AfterDeadline));
        Expect.Success(procurement.PublishIntention(cycle, NoticeDay, Calendar, People.Commissioner, CycleRole.Commissioner, AfterDeadline));
        var fixedOutcome = procurement.RecordAward(cycle, decision.Id, [Bidder], evaluating.Standings(), [Bidder, OtherBidder],
            People.Commissioner, CycleRole.Commissioner, AfterDeadline);

        Assert.Equal([ProcurementRules.AwardFixedOnceNoticePublished], fixedOutcome.BrokenRules);
        Assert.Equal([OtherBidder], procurement.AwardedOrganisationIds);
    }

    [Fact]
    public void A_direct_route_awards_to_one_of_the_cycles_providers_without_bids_or_scores()
    {
        var cycle = Cycle();
        var procurement = Started(cycle, DirectA);
        var decision = AwardDecision(cycle);

        Expect.Success(procurement.RecordAward(cycle, decision.Id, [Bidder], [], [Bidder], People.Commissioner, CycleRole.Commissioner, Now));

        Assert.Equal([Bidder], procurement.AwardedOrganisationIds);
    }

    [Fact]
    public void Under_the_Provider_Selection_Regime_the_notice_starts_the_standstill_which_ends_at_midnight_after_8_working_days()
    {
        var cycle = Cycle();
        var procurement = Awarded(cycle).Procurement;

        Expect.Success(procurement.PublishIntention(cycle, NoticeDay, Calendar, People.Commissioner, CycleRole.Commissioner, AfterDeadline));

        Assert.Equal(NoticeDay, procurement.IntentionNoticeOn);
        Assert.Equal(PsrStandstillEnds, procurement.StandstillEndsAt);
        Assert.Equal(Standstill.EndsAt(NoticeDay, Calendar), procurement.StandstillEndsAt);
        Assert.False(procurement.HasStandstillEnded(PsrStandstillEnds.AddTicks(-1)));
        Assert.True(procurement.HasStandstillEnded(PsrStandstillEnds));
    }

    [Fact]
    public void Under_the_Procurement_Act_the_standstill_counts_the_notice_day()
    {
        var cycle = Cycle();
        var procurement = Awarded(cycle, OpenProcedure).Procurement;

        Expect.Success(procurement.PublishIntention(cycle, NoticeDay, Calendar, People.Commissioner, CycleRole.Commissioner, AfterDeadline));

        // Mon 16 (1), Tue 17, Wed 18, Thu 19, Fri 20, Mon 23, Tue 24, Wed 25 (8): midnight at the end of Wednesday 25 March.
        Assert.Equal(new DateTimeOffset(2026, 3, 26, 0, 0, 0, TimeSpan.Zero), procurement.StandstillEndsAt);
    }

    [Fact]
    public void The_notice_comes_once_after_the_award_on_a_route_with_a_standstill_on_a_day_not_in_the_future()
    {
        var cycle = Cycle();
        var notAwarded = Moderated(cycle).Procurement;
        var directCycle = Cycle();
        var direct = Started(directCycle, DirectA);
        Expect.Success(direct.RecordAward(directCycle, AwardDecision(directCycle).Id, [Bidder], [], [Bidder], People.Commissioner, CycleRole.Commissioner, Now));
        var awardedCycle = Cycle();
        var awarded = Awarded(awardedCycle).Procurement;

        var beforeAward = notAwarded.PublishIntention(cycle, NoticeDay, Calendar, People.Commissioner, CycleRole.Commissioner, AfterDeadline);
        var noStandstill = direct.PublishIntention(directCycle, new DateOnly(2026, 3, 2), Calendar, People.Commissioner, CycleRole.Commissioner, Now);
        var noDay = awarded.PublishIntention(awardedCycle, null, Calendar, People.Commissioner, CycleRole.Commissioner, AfterDeadline);
        var future = awarded.PublishIntention(awardedCycle, NoticeDay.AddDays(2), Calendar, People.Commissioner, CycleRole.Commissioner, AfterDeadline);
        var champion = awarded.PublishIntention(awardedCycle, NoticeDay, Calendar, People.Champion, CycleRole.CoProductionChampion, AfterDeadline);
        // A day's grace: late evening in the UK can already be tomorrow.
        Expect.Success(awarded.PublishIntention(awardedCycle, NoticeDay.AddDays(1), Calendar, People.Commissioner, CycleRole.Commissioner, AfterDeadline));
        var twice = awarded.PublishIntention(awardedCycle, NoticeDay, Calendar, People.Commissioner, CycleRole.Commissioner, AfterDeadline);

        Assert.Equal([ProcurementRules.AwardBeforeNotice], beforeAward.BrokenRules);
        Assert.Equal([ProcurementRules.NoStandstillOnRoute], noStandstill.BrokenRules);
        Assert.Equal([ProcurementRules.NoticeDateRequired], noDay.BrokenRules);
        Assert.Equal("NoticeOn", noDay.Refusals[0].Field);
        Assert.Equal([ProcurementRules.NoticeDateInFuture], future.BrokenRules);
        Assert.Equal([CycleRules.CommissionerOnly], champion.BrokenRules);
        Assert.Equal([ProcurementRules.NoticeAlreadyPublished], twice.BrokenRules);
        Assert.Equal(NoticeDay.AddDays(1), awarded.IntentionNoticeOn);
    }

    [Fact]
    public void Representations_are_logged_after_the_notice_and_answered()
    {
        var cycle = Cycle();
        var procurement = Awarded(cycle).Procurement;
        var at = new DateTimeOffset(2026, 3, 20, 10, 0, 0, TimeSpan.Zero);
        var beforeNotice = procurement.LogRepresentation(cycle, "Mind in Leeds", NoticeDay, "We think our bid was misread.", People.Commissioner, CycleRole.Commissioner, at);
        Expect.Success(procurement.PublishIntention(cycle, NoticeDay, Calendar, People.Commissioner, CycleRole.Commissioner, AfterDeadline));

        var later = Expect.Success(procurement.LogRepresentation(cycle, " Mind in Leeds ", new DateOnly(2026, 3, 19), "Our staffing plan was misread.",
            People.Commissioner, CycleRole.Commissioner, at));
        var earlier = Expect.Success(procurement.LogRepresentation(cycle, "Leeds Crisis Co-op", new DateOnly(2026, 3, 17), "The scores were not explained.",
            People.Commissioner, CycleRole.Commissioner, at));
        Expect.Success(procurement.AnswerRepresentation(cycle, later.Id, "The panel looked again; the score stands because the plan named no night staff.",
            People.Commissioner, CycleRole.Commissioner, at.AddHours(1)));

        Assert.Equal([ProcurementRules.RepresentationBeforeNotice], beforeNotice.BrokenRules);
        Assert.Equal([earlier, later], procurement.Representations);
        Assert.Equal(("Mind in Leeds", new DateOnly(2026, 3, 19), People.Commissioner, at), (later.From, later.ReceivedOn, later.LoggedByUserId, later.LoggedAt));
        Assert.True(later.IsAnswered);
        Assert.Equal((People.Commissioner, at.AddHours(1)), (later.AnsweredByUserId, later.AnsweredAt!.Value));
        Assert.False(earlier.IsAnswered);
    }

    [Fact]
    public void A_representation_needs_who_when_on_or_after_the_notice_and_what_and_an_answer_needs_words()
    {
        var cycle = Cycle();
        var procurement = Awarded(cycle).Procurement;
        Expect.Success(procurement.PublishIntention(cycle, NoticeDay, Calendar, People.Commissioner, CycleRole.Commissioner, AfterDeadline));
        var logged = Expect.Success(procurement.LogRepresentation(cycle, "Mind in Leeds", NoticeDay, "Misread.", People.Commissioner, CycleRole.Commissioner, AfterDeadline));

        var blank = procurement.LogRepresentation(cycle, " ", null, "", People.Commissioner, CycleRole.Commissioner, AfterDeadline);
        var tooLong = procurement.LogRepresentation(cycle, new string('f', Representation.FromMaxLength + 1), NoticeDay,
            new string('s', Representation.TextMaxLength + 1), People.Commissioner, CycleRole.Commissioner, AfterDeadline);
        var beforeNoticeDay = procurement.LogRepresentation(cycle, "Mind in Leeds", NoticeDay.AddDays(-1), "Misread.", People.Commissioner, CycleRole.Commissioner, AfterDeadline);
        var future = procurement.LogRepresentation(cycle, "Mind in Leeds", NoticeDay.AddDays(2), "Misread.", People.Commissioner, CycleRole.Commissioner, AfterDeadline);
        var noAnswer = procurement.AnswerRepresentation(cycle, logged.Id, " ", People.Commissioner, CycleRole.Commissioner, AfterDeadline);
        var longAnswer = procurement.AnswerRepresentation(cycle, logged.Id, new string('a', Representation.TextMaxLength + 1), People.Commissioner, CycleRole.Commissioner, AfterDeadline);
        var unknown = procurement.AnswerRepresentation(cycle, Guid.CreateVersion7(), "Answered.", People.Commissioner, CycleRole.Commissioner, AfterDeadline);
        var champion = procurement.AnswerRepresentation(cycle, logged.Id, "Answered.", People.Champion, CycleRole.CoProductionChampion, AfterDeadline);

        Assert.Equal([ProcurementRules.RepresentationFromRequired, ProcurementRules.RepresentationDateRequired, ProcurementRules.RepresentationSummaryRequired],
            blank.BrokenRules);
        Assert.Equal(["From", "ReceivedOn", "Summary"], blank.Refusals.Select(r => r.Field));
        Assert.Equal([ProcurementRules.RepresentationFromTooLong, ProcurementRules.RepresentationSummaryTooLong], tooLong.BrokenRules);
        Assert.Equal([ProcurementRules.RepresentationBeforeNoticeDay], beforeNoticeDay.BrokenRules);
        Assert.Equal([ProcurementRules.RepresentationDateInFuture], future.BrokenRules);
        Assert.Equal([ProcurementRules.RepresentationAnswerRequired], noAnswer.BrokenRules);
        Assert.Equal([ProcurementRules.RepresentationAnswerTooLong], longAnswer.BrokenRules);
        Assert.Equal([ProcurementRules.RepresentationNotFound], unknown.BrokenRules);
        Assert.Equal([CycleRules.CommissionerOnly], champion.BrokenRules);
        Assert.Single(procurement.Representations);
        Assert.False(logged.IsAnswered);
    }

    [Fact]
    public void Going_ahead_after_answering_every_representation_waits_5_more_working_days_from_the_decision()
    {
        var cycle = Cycle();
        var procurement = WithAnsweredRepresentation(cycle);
        var decidedAt = new DateTimeOffset(2026, 3, 25, 10, 0, 0, TimeSpan.Zero);

        Expect.Success(procurement.DecideToProceed(cycle, new DateOnly(2026, 3, 25), " The panel reviewed both points. ", Calendar,
            People.Commissioner, CycleRole.Commissioner, decidedAt));

        // Decided Wednesday 25 March: Thu 26 (1), Fri 27, Mon 30, Tue 31, Wed 1 April (5); midnight at its end is in BST.
        Assert.Equal(new DateTimeOffset(2026, 4, 1, 23, 0, 0, TimeSpan.Zero), procurement.StandstillEndsAt);
        Assert.Equal((new DateOnly(2026, 3, 25), "The panel reviewed both points."), (procurement.ProceedDecidedOn!.Value, procurement.ProceedReason));
    }

    [Fact]
    public void Going_ahead_early_never_ends_the_standstill_sooner()
    {
        var cycle = Cycle();
        var procurement = WithAnsweredRepresentation(cycle);

        // Decided Tuesday 17 March: five working days end on Tuesday 24th, before the standstill's own end.
        Expect.Success(procurement.DecideToProceed(cycle, new DateOnly(2026, 3, 17), "Reviewed.", Calendar,
            People.Commissioner, CycleRole.Commissioner, new DateTimeOffset(2026, 3, 17, 12, 0, 0, TimeSpan.Zero)));

        Assert.Equal(PsrStandstillEnds, procurement.StandstillEndsAt);
    }

    [Fact]
    public void Going_ahead_needs_representations_all_answered_a_day_and_a_reason()
    {
        var cycle = Cycle();
        var procurement = Awarded(cycle).Procurement;
        var at = new DateTimeOffset(2026, 3, 20, 10, 0, 0, TimeSpan.Zero);
        Expect.Success(procurement.PublishIntention(cycle, NoticeDay, Calendar, People.Commissioner, CycleRole.Commissioner, AfterDeadline));
        var none = procurement.DecideToProceed(cycle, new DateOnly(2026, 3, 20), "Reviewed.", Calendar, People.Commissioner, CycleRole.Commissioner, at);
        Expect.Success(procurement.LogRepresentation(cycle, "Mind in Leeds", NoticeDay, "Misread.", People.Commissioner, CycleRole.Commissioner, at));

        var unanswered = procurement.DecideToProceed(cycle, new DateOnly(2026, 3, 20), "Reviewed.", Calendar, People.Commissioner, CycleRole.Commissioner, at);
        var blank = procurement.DecideToProceed(cycle, null, " ", Calendar, People.Commissioner, CycleRole.Commissioner, at);
        var beforeNotice = procurement.DecideToProceed(cycle, NoticeDay.AddDays(-1), new string('r', CycleProcurement.ReasonMaxLength + 1), Calendar,
            People.Commissioner, CycleRole.Commissioner, at);
        var future = procurement.DecideToProceed(cycle, new DateOnly(2026, 3, 22), "Reviewed.", Calendar, People.Commissioner, CycleRole.Commissioner, at);

        Assert.Equal([ProcurementRules.ProceedWithoutRepresentations], none.BrokenRules);
        Assert.Equal([ProcurementRules.RepresentationsUnanswered], unanswered.BrokenRules);
        Assert.Equal([ProcurementRules.RepresentationsUnanswered, ProcurementRules.ProceedDateRequired, ProcurementRules.ProceedReasonRequired], blank.BrokenRules);
        Assert.Equal([ProcurementRules.RepresentationsUnanswered, ProcurementRules.ProceedBeforeNotice, ProcurementRules.ProceedReasonTooLong], beforeNotice.BrokenRules);
        Assert.Equal([ProcurementRules.RepresentationsUnanswered, ProcurementRules.ProceedDateInFuture], future.BrokenRules);
        Assert.Equal(PsrStandstillEnds, procurement.StandstillEndsAt);
        Assert.Null(procurement.ProceedDecidedOn);
    }

    [Fact]
    public void Going_ahead_is_decided_only_under_the_Provider_Selection_Regime_once_the_notice_is_published()
    {
        var cycle = Cycle();
        var procurement = Awarded(cycle, OpenProcedure).Procurement;
        var psrCycle = Cycle();
        var notPublished = Awarded(psrCycle).Procurement;
        Expect.Success(procurement.PublishIntention(cycle, NoticeDay, Calendar, People.Commissioner, CycleRole.Commissioner, AfterDeadline));
        var representation = Expect.Success(procurement.LogRepresentation(cycle, "Mind in Leeds", NoticeDay, "Misread.", People.Commissioner, CycleRole.Commissioner, AfterDeadline));
        Expect.Success(procurement.AnswerRepresentation(cycle, representation.Id, "Reviewed; the score stands.", People.Commissioner, CycleRole.Commissioner, AfterDeadline));

        var act = procurement.DecideToProceed(cycle, NoticeDay, "Reviewed.", Calendar, People.Commissioner, CycleRole.Commissioner, AfterDeadline);
        var early = notPublished.DecideToProceed(psrCycle, NoticeDay, "Reviewed.", Calendar, People.Commissioner, CycleRole.Commissioner, AfterDeadline);

        Assert.Equal([ProcurementRules.ProceedOnlyAfterPsrNotice], act.BrokenRules);
        Assert.Equal([ProcurementRules.ProceedOnlyAfterPsrNotice, ProcurementRules.ProceedWithoutRepresentations], early.BrokenRules);
    }

    [Fact]
    public void A_competitive_procurement_lists_what_stops_sign_off_at_each_step()
    {
        var cycle = Cycle();
        var procurement = OpenForBids(cycle);
        var before = CycleProcurement.SignOffConditions(procurement.Progress([], [], Now));
        var noBids = CycleProcurement.SignOffConditions(procurement.Progress([], [], AfterDeadline));
        var bids = TwoBids(cycle, procurement);
        var unscored = CycleProcurement.SignOffConditions(procurement.Progress(bids, [], AfterDeadline));
        List<Scorecard> cards = [ScoredBy(cycle, procurement, procurement.Officer(), bids, Scoring(3))];
        var officerOnly = CycleProcurement.SignOffConditions(procurement.Progress(bids, cards, AfterDeadline));
        cards.Add(ScoredBy(cycle, procurement, procurement.Lived(), bids, Scoring(3)));
        var scored = CycleProcurement.SignOffConditions(procurement.Progress(bids, cards, AfterDeadline));

        Assert.Equal([ProcurementRules.DeadlineNotPassed], before.Select(r => r.Rule));
        Assert.Equal([ProcurementRules.NoBids], noBids.Select(r => r.Rule));
        Assert.Equal([ProcurementRules.ScorecardsNotSubmitted(2), ProcurementRules.ScoresNotModerated(6), ProcurementRules.NoLivedExperienceScores,
            ProcurementRules.AwardNotRecorded], unscored.Select(r => r.Rule));
        Assert.Equal(["2 evaluators have not submitted their scores.", "6 scores have not been moderated."], unscored.Take(2).Select(r => r.Rule.Message));
        Assert.Equal([ProcurementRules.ScorecardsNotSubmitted(1), ProcurementRules.ScoresNotModerated(6), ProcurementRules.NoLivedExperienceScores,
            ProcurementRules.AwardNotRecorded], officerOnly.Select(r => r.Rule));
        Assert.Equal("1 evaluator has not submitted their scores.", officerOnly[0].Rule.Message);
        Assert.Equal([ProcurementRules.ScoresNotModerated(6), ProcurementRules.AwardNotRecorded], scored.Select(r => r.Rule));
    }

    [Fact]
    public void After_moderation_sign_off_waits_for_the_award_the_notice_the_answers_and_the_end_of_the_standstill()
    {
        var cycle = Cycle();
        var evaluating = Moderated(cycle);
        var procurement = evaluating.Procurement;
        IReadOnlyList<DomainRule> Conditions(DateTimeOffset at) =>
            [.. CycleProcurement.SignOffConditions(procurement.Progress(evaluating.Bids, evaluating.Scorecards, at)).Select(r => r.Rule)];

        var moderated = Conditions(AfterDeadline);
        Expect.Success(procurement.RecordAward(cycle, AwardDecision(cycle).Id, [Bidder], evaluating.Standings(), [Bidder, OtherBidder],
            People.Commissioner, CycleRole.Commissioner, AfterDeadline));
        var awarded = Conditions(AfterDeadline);
        Expect.Success(procurement.PublishIntention(cycle, NoticeDay, Calendar, People.Commissioner, CycleRole.Commissioner, AfterDeadline));
        var published = Conditions(AfterDeadline);
        var representation = Expect.Success(procurement.LogRepresentation(cycle, "Mind in Leeds", NoticeDay, "Misread.", People.Commissioner, CycleRole.Commissioner, AfterDeadline));
        var unanswered = Conditions(PsrStandstillEnds);
        Expect.Success(procurement.AnswerRepresentation(cycle, representation.Id, "Reviewed; the score stands.", People.Commissioner, CycleRole.Commissioner, AfterDeadline));

        Assert.Equal([ProcurementRules.AwardNotRecorded], moderated);
        Assert.Equal([ProcurementRules.IntentionNotPublished], awarded);
        Assert.Equal([ProcurementRules.StandstillNotEnded], published);
        Assert.Equal([ProcurementRules.RepresentationsUnanswered], unanswered);
        Assert.Equal([ProcurementRules.StandstillNotEnded], Conditions(PsrStandstillEnds.AddTicks(-1)));
        Assert.Empty(Conditions(PsrStandstillEnds));
    }

    [Fact]
    public void Progress_counts_bids_scorecards_and_scores_and_waits_for_nobody_who_stepped_down()
    {
        var cycle = Cycle();
        var procurement = OpenForBids(cycle);
        var bids = TwoBids(cycle, procurement);
        bids.Add(Drafted(cycle, procurement, ThirdBidder, ThirdProvider));
        var officer = procurement.Officer();
        Expect.Success(procurement.Declare(cycle, officer.Id, new DeclarationDraft(true, "My partner works for a bidder", ConflictAction.StepDown),
            officer.UserId, Now.AddDays(5)));
        Expect.Success(procurement.AcceptDeclaration(cycle, officer.Id, People.Commissioner, CycleRole.Commissioner, Now.AddDays(5)));
        List<Scorecard> cards = [ScoredBy(cycle, procurement, procurement.Lived(), bids, Scoring(3))];

        var progress = procurement.Progress(bids, cards, AfterDeadline);

        Assert.Equal(new ProcurementProgress(ProcurementRoute.CompetitiveProcess, BiddingOpened: true, PastDeadline: true, SubmittedBids: 2,
            ScorecardsOutstanding: 0, Unmoderated: 6, LivedExperienceScored: true, AwardRecorded: false, IntentionPublished: false,
            StandstillEnded: false, RepresentationsUnanswered: 0), progress);
    }

    [Fact]
    public void A_direct_route_without_a_standstill_needs_only_the_award()
    {
        var cycle = Cycle();
        var procurement = Started(cycle, DirectA);
        var before = CycleProcurement.SignOffConditions(procurement.Progress([], [], Now));
        Expect.Success(procurement.RecordAward(cycle, AwardDecision(cycle).Id, [Bidder], [], [Bidder], People.Commissioner, CycleRole.Commissioner, Now));

        Assert.Equal([ProcurementRules.AwardNotRecorded], before.Select(r => r.Rule));
        Assert.Empty(CycleProcurement.SignOffConditions(procurement.Progress([], [], Now)));
    }

    [Fact]
    public void Direct_Award_Process_C_needs_the_award_the_notice_and_the_end_of_the_standstill()
    {
        var cycle = Cycle();
        var procurement = Started(cycle, DirectC);
        IReadOnlyList<DomainRule> Conditions(DateTimeOffset at) => [.. CycleProcurement.SignOffConditions(procurement.Progress([], [], at)).Select(r => r.Rule)];
        var before = Conditions(Now);
        Expect.Success(procurement.RecordAward(cycle, AwardDecision(cycle).Id, [Bidder], [], [Bidder], People.Commissioner, CycleRole.Commissioner, Now));
        var awarded = Conditions(Now);
        Expect.Success(procurement.PublishIntention(cycle, new DateOnly(2026, 3, 2), Calendar, People.Commissioner, CycleRole.Commissioner, Now));

        // Notice Monday 2 March 2026: representations until the end of Friday 13 March.
        Assert.Equal([ProcurementRules.AwardNotRecorded], before);
        Assert.Equal([ProcurementRules.IntentionNotPublished], awarded);
        Assert.Equal([ProcurementRules.StandstillNotEnded], Conditions(Now));
        Assert.Equal(new DateTimeOffset(2026, 3, 14, 0, 0, 0, TimeSpan.Zero), procurement.StandstillEndsAt);
        Assert.Empty(Conditions(new DateTimeOffset(2026, 3, 14, 0, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void The_procurement_stage_is_not_signed_off_while_its_conditions_remain()
    {
        var cycle = ACycle.AtStage(StageKind.Procurement).ReadyToSignOff().Build();
        var evaluating = Awarded(cycle);
        var procurement = evaluating.Procurement;
        Expect.Success(procurement.PublishIntention(cycle, NoticeDay, Calendar, People.Commissioner, CycleRole.Commissioner, AfterDeadline));
        IReadOnlyList<Refusal> Conditions(DateTimeOffset at) => CycleProcurement.SignOffConditions(procurement.Progress(evaluating.Bids, evaluating.Scorecards, at));

        var during = cycle.SignOff(StageKind.Procurement, People.Commissioner, CycleRole.Commissioner, "Awarded with the panel", AfterDeadline,
            stageConditions: [.. Conditions(AfterDeadline)]);
        var withoutRoute = cycle.CheckSignOff(StageKind.Procurement, People.Commissioner, CycleRole.Commissioner, "Awarded", CycleProcurement.SignOffConditions(null));

        Assert.Equal([ProcurementRules.StandstillNotEnded], during.BrokenRules);
        Assert.Equal([ProcurementRules.RouteNotRecorded], withoutRoute.Select(r => r.Rule));
        Assert.False(cycle.StageOf(StageKind.Procurement).IsSignedOff);
        Expect.Success(cycle.SignOff(StageKind.Procurement, People.Commissioner, CycleRole.Commissioner, "Awarded with the panel", PsrStandstillEnds,
            stageConditions: [.. Conditions(PsrStandstillEnds)]));
        Assert.True(cycle.StageOf(StageKind.Procurement).IsSignedOff);
    }

    /// <summary>An award whose intention was published on <see cref="NoticeDay"/>, with one representation received and answered.</summary>
    private static CycleProcurement WithAnsweredRepresentation(CommissioningCycle cycle)
    {
        var procurement = Awarded(cycle).Procurement;
        Expect.Success(procurement.PublishIntention(cycle, NoticeDay, Calendar, People.Commissioner, CycleRole.Commissioner, AfterDeadline));
        var representation = Expect.Success(procurement.LogRepresentation(cycle, "Mind in Leeds", NoticeDay, "Misread.", People.Commissioner, CycleRole.Commissioner, AfterDeadline));
        Expect.Success(procurement.AnswerRepresentation(cycle, representation.Id, "Reviewed; the score stands.", People.Commissioner, CycleRole.Commissioner, AfterDeadline));
        return procurement;
    }
}
