using System.Globalization;
using System.Net;
using CoproCommissioning.Data;
using CoproCommissioning.Domain.Cycles;
using CoproCommissioning.Domain.Monitoring;
using CoproCommissioning.Domain.Specification;
using CoproCommissioning.Domain.Testing;
using CoproCommissioning.Web.Pages.Cycles.Monitoring;
using CoproCommissioning.Web.Pages.Cycles.Monitoring.Reviews;
using Microsoft.EntityFrameworkCore;

namespace CoproCommissioning.Web.Tests.Pages.Cycles.Monitoring;

/// <summary>Recording a review of the contract, changing it, and deciding it; who may; and reviews of other cycles.</summary>
public sealed class ReviewPageTests(CyclePagesFixture fixture) : IClassFixture<CyclePagesFixture>
{
    private const string Minutes = "We looked at the first quarter. The panel rated early help lower than the provider.";

    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    private CyclePeople People => fixture.People;

    [Fact]
    public async Task The_commissioner_records_a_review_with_the_members_who_took_part_and_it_is_listed_with_no_decision_yet()
    {
        var monitored = await TestMonitoring.ContractedAsync(fixture, People);
        var commissioner = await fixture.SignedInAsync(CyclePeople.CommissionerEmail);
        var fields = new Dictionary<string, string>(Date("Form.HeldOn", new DateOnly(2026, 7, 9)))
        {
            ["Form.PeriodIds"] = monitored.PeriodIds[0].ToString(),
            ["Form.Participants"] = await fixture.MemberIdAsync(monitored.CycleId, People.Panel),
            ["Form.OthersPresent"] = "The provider's service manager.",
            ["Form.Minutes"] = Minutes,
        };

        var recorded = await commissioner.SubmitAsync(ReviewsUrls.New(monitored.CycleId), fields, ct: _ct);
        var shown = await commissioner.FollowRedirectAsync(recorded, _ct);
        var list = await commissioner.GetAsync(MonitoringUrls.Reviews(monitored.CycleId), _ct);

        var review = Assert.Single((await TestMonitoring.MonitoringAsync(fixture, monitored.CycleId)).Reviews);
        Assert.Equal(HttpStatusCode.Redirect, recorded.Status);
        Assert.Equal(ReviewsUrls.Review(monitored.CycleId, review.Id), recorded.Location);
        Assert.Contains("Review recorded: held on 9 July 2026.", shown.Document.QuerySelector(".nhsuk-notification-banner")?.TextContent);
        Assert.Contains(Minutes, shown.Text);
        Assert.Contains("Period 1 (1 April to 30 June 2026)", shown.Text);
        Assert.Equal((new DateOnly(2026, 7, 9), People.Panel, CycleRole.PanelMember, Minutes),
            (review.HeldOn, Assert.Single(review.Participants).UserId, review.Participants[0].Role, review.Minutes));
        Assert.Equal([monitored.PeriodIds[0]], review.PeriodIds);
        Assert.Contains("No decision yet", list.Document.QuerySelector("main table")?.TextContent);
        Assert.NotNull(list.Document.QuerySelector($"main a[href='{ReviewsUrls.Review(monitored.CycleId, review.Id)}']"));
    }

    [Fact]
    public async Task A_review_missing_its_answers_is_refused_beside_each_field_with_what_was_typed_kept()
    {
        var monitored = await TestMonitoring.ContractedAsync(fixture, People);
        var commissioner = await fixture.SignedInAsync(CyclePeople.CommissionerEmail);

        var unreadable = await commissioner.SubmitAsync(ReviewsUrls.New(monitored.CycleId), new Dictionary<string, string>
        {
            ["Form.HeldOn.Day"] = "31",
            ["Form.HeldOn.Month"] = "2",
            ["Form.HeldOn.Year"] = "2026",
            ["Form.OthersPresent"] = "Two members of the forum.",
        }, ct: _ct);
        var future = await commissioner.SubmitAsync(ReviewsUrls.New(monitored.CycleId),
            new Dictionary<string, string>(Date("Form.HeldOn", DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30))) { ["Form.Minutes"] = Minutes }, ct: _ct);

        Assert.Equal(HttpStatusCode.OK, unreadable.Status);
        Assert.Contains(ReviewsPageModel.HeldOnUnreadable, unreadable.Document.GetElementById("Form_HeldOn-error")?.TextContent);
        Assert.DoesNotContain(MonitoringRules.HeldOnRequired.Message, unreadable.Text);
        Assert.Contains(MonitoringRules.MinutesRequired.Message, unreadable.Document.GetElementById("Form_Minutes-error")?.TextContent);
        Assert.Contains(MonitoringRules.ReviewPeriodsRequired.Message, unreadable.Document.GetElementById("Form_PeriodIds-error")?.TextContent);
        Assert.Equal("31", unreadable.Document.GetElementById("Form_HeldOn")?.GetAttribute("value"));
        Assert.Equal("Two members of the forum.", unreadable.Document.GetElementById("Form_OthersPresent")?.GetAttribute("value"));
        Assert.Contains(MonitoringRules.HeldOnInFuture.Message, future.Document.GetElementById("Form_HeldOn-error")?.TextContent);
        Assert.Contains(MonitoringRules.ReviewParticipantsRequired.Message, future.Document.GetElementById("Form_Participants-error")?.TextContent);
        Assert.Equal(Minutes, future.Document.GetElementById("Form_Minutes")?.TextContent.Trim());
        Assert.Empty((await TestMonitoring.MonitoringAsync(fixture, monitored.CycleId)).Reviews);
    }

    [Fact]
    public async Task The_commissioner_changes_a_review_and_someone_elses_change_first_is_shown_with_what_was_typed_kept()
    {
        var monitored = await TestMonitoring.ContractedAsync(fixture, People);
        var reviewId = await ReviewArrangement.ReviewedAsync(fixture, monitored, People, 1);
        var commissioner = await fixture.SignedInAsync(CyclePeople.CommissionerEmail);
        var url = ReviewsUrls.Edit(monitored.CycleId, reviewId);
        const string Mine = "Corrected: the panel rated early help two levels lower.";
        const string Theirs = "Their correction, saved first.";

        var fields = new Dictionary<string, string>(Date("Form.HeldOn", new DateOnly(2026, 7, 9)))
        {
            ["Form.PeriodIds"] = monitored.PeriodIds[0].ToString(),
            ["Form.Participants"] = await fixture.MemberIdAsync(monitored.CycleId, People.Panel),
            ["Form.Minutes"] = Mine,
        };

        var form = await commissioner.GetAsync(url, _ct);
        await ReviewArrangement.ChangeMinutesAsync(fixture, monitored, People, reviewId, Theirs);
        var clash = await commissioner.SubmitOnAsync(form, fields, ct: _ct);
        var again = await commissioner.SubmitOnAsync(clash, fields, ct: _ct);

        Assert.Equal(HttpStatusCode.OK, clash.Status);
        Assert.Contains("Someone else changed this cycle", clash.Document.QuerySelector(".nhsuk-error-summary")?.TextContent);
        Assert.Contains(Theirs, clash.Document.QuerySelector("[data-testid=latest]")?.TextContent);
        Assert.Equal(Mine, clash.Document.GetElementById("Form_Minutes")?.TextContent.Trim());
        Assert.Equal(HttpStatusCode.Redirect, again.Status);
        Assert.Equal(Mine, (await TestMonitoring.MonitoringAsync(fixture, monitored.CycleId)).FindReview(reviewId)!.Minutes);
    }

    [Fact]
    public async Task Deciding_needs_the_decision_and_what_it_decided_each_refused_beside_its_field()
    {
        var monitored = await TestMonitoring.ContractedAsync(fixture, People);
        var reviewId = await ReviewArrangement.ReviewedAsync(fixture, monitored, People, 1);
        await ReviewArrangement.DecisionAsync(fixture, monitored, People, "Vary the early help measure");
        var commissioner = await fixture.SignedInAsync(CyclePeople.CommissionerEmail);

        var refused = await commissioner.SubmitAsync(ReviewsUrls.Review(monitored.CycleId, reviewId), new Dictionary<string, string>(), ct: _ct);

        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains(MonitoringRules.ReviewDecisionRequired.Message, refused.Document.GetElementById("Form_DecisionId-error")?.TextContent);
        Assert.Contains(MonitoringRules.ReviewTypeRequired.Message, refused.Document.GetElementById("Form_Type-error")?.TextContent);
        Assert.Null(refused.Document.GetElementById("Form_ImpactOnCurrentUsers-error"));
        Assert.False((await TestMonitoring.MonitoringAsync(fixture, monitored.CycleId)).FindReview(reviewId)!.IsDecided);
    }

    [Fact]
    public async Task Decommissioning_asks_for_the_impact_the_transition_plan_and_the_four_tests_each_beside_its_field()
    {
        var monitored = await TestMonitoring.ContractedAsync(fixture, People);
        var reviewId = await ReviewArrangement.ReviewedAsync(fixture, monitored, People, 1);
        var decisionId = await ReviewArrangement.DecisionAsync(fixture, monitored, People, "Decommission the crisis house");
        var commissioner = await fixture.SignedInAsync(CyclePeople.CommissionerEmail);
        var url = ReviewsUrls.Review(monitored.CycleId, reviewId);
        const string Impact = "Twelve people use the crisis house each month.";
        var partial = new Dictionary<string, string>
        {
            ["Form.DecisionId"] = decisionId.ToString(),
            ["Form.Type"] = nameof(ReviewDecisionType.Decommission),
            ["Form.ImpactOnCurrentUsers"] = Impact,
            ["Form.EngagementTest"] = new string('x', Review.DecommissionTextMaxLength + 1),
        };
        var complete = new Dictionary<string, string>(partial)
        {
            ["Form.TransitionPlan"] = "Each person gets a named worker at the new crisis café before the house closes.",
            ["Form.EngagementTest"] = "Three workshops with the panel and the forum.",
            ["Form.PatientChoiceTest"] = "People choose between the café and home treatment.",
            ["Form.ClinicalEvidenceTest"] = "The clinical adviser's review of crisis alternatives.",
            ["Form.ClinicalCommissionerSupportTest"] = "The ICB's clinical lead signed the paper on 2 September.",
        };

        var refused = await commissioner.SubmitAsync(url, partial, ct: _ct);
        var decided = await commissioner.SubmitOnAsync(refused, complete, ct: _ct);
        var shown = await commissioner.FollowRedirectAsync(decided, _ct);

        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains(MonitoringRules.TransitionPlanRequired.Message, refused.Document.GetElementById("Form_TransitionPlan-error")?.TextContent);
        Assert.Contains(MonitoringRules.DecommissionAnswerTooLong.Message, refused.Document.GetElementById("Form_EngagementTest-error")?.TextContent);
        Assert.Contains(MonitoringRules.PatientChoiceTestRequired.Message, refused.Document.GetElementById("Form_PatientChoiceTest-error")?.TextContent);
        Assert.Contains(MonitoringRules.ClinicalEvidenceTestRequired.Message, refused.Document.GetElementById("Form_ClinicalEvidenceTest-error")?.TextContent);
        Assert.Contains(MonitoringRules.ClinicalSupportTestRequired.Message, refused.Document.GetElementById("Form_ClinicalCommissionerSupportTest-error")?.TextContent);
        Assert.Null(refused.Document.GetElementById("Form_ImpactOnCurrentUsers-error"));
        Assert.Equal(Impact, refused.Document.GetElementById("Form_ImpactOnCurrentUsers")?.TextContent.Trim());
        Assert.Equal(HttpStatusCode.Redirect, decided.Status);
        Assert.Contains("Decommission the service", shown.Document.QuerySelector("[data-testid=review-decision]")?.TextContent);
        Assert.Contains("The ICB's clinical lead signed the paper on 2 September.", shown.Text);
        var review = (await TestMonitoring.MonitoringAsync(fixture, monitored.CycleId)).FindReview(reviewId)!;
        Assert.Equal((decisionId, ReviewDecisionType.Decommission, Impact), (review.DecisionId, review.DecisionType, review.ImpactOnCurrentUsers));
    }

    [Fact]
    public async Task A_vary_decision_names_the_stages_decision_and_the_review_shows_what_it_rested_on()
    {
        var monitored = await TestMonitoring.ContractedAsync(fixture, People);
        var returnId = await TestMonitoring.ReturnedAsync(fixture, monitored, 1, People.Provider, People.ProviderOrganisation, RatingLevel.Outstanding);
        var ratingId = await TestMonitoring.RatedAsync(fixture, monitored, 1, People.Panel, RatingLevel.Good);
        await TestMonitoring.ReturnedAsync(fixture, monitored, 2, People.Provider, People.ProviderOrganisation, RatingLevel.Poor);
        var reviewId = await ReviewArrangement.ReviewedAsync(fixture, monitored, People, 1);
        var decisionId = await ReviewArrangement.DecisionAsync(fixture, monitored, People, "Vary the early help measure");
        var commissioner = await fixture.SignedInAsync(CyclePeople.CommissionerEmail);
        var url = ReviewsUrls.Review(monitored.CycleId, reviewId);

        var before = await commissioner.GetAsync(url, _ct);
        var uncited = await commissioner.SubmitAsync(url, new Dictionary<string, string>
        {
            ["Form.DecisionId"] = decisionId.ToString(),
            ["Form.Type"] = nameof(ReviewDecisionType.Vary),
        }, ct: _ct);
        var decided = await commissioner.SubmitOnAsync(uncited, new Dictionary<string, string>
        {
            ["Form.DecisionId"] = decisionId.ToString(),
            ["Form.Type"] = nameof(ReviewDecisionType.Vary),
            ["Form.CitedReturnIds"] = returnId.ToString(),
            ["Form.CitedRatingIds"] = ratingId.ToString(),
        }, ct: _ct);
        var shown = await commissioner.FollowRedirectAsync(decided, _ct);
        var list = await commissioner.GetAsync(MonitoringUrls.Reviews(monitored.CycleId), _ct);

        Assert.Equal(2, before.Document.QuerySelectorAll("main [data-testid=divergence-flag]").Length);
        Assert.NotNull(before.Document.QuerySelector($"main a[href='{MonitoringUrls.Returns(monitored.CycleId)}/{returnId}']"));
        Assert.NotNull(before.Document.QuerySelector($"main a[href='{MonitoringUrls.Ratings(monitored.CycleId)}']"));
        Assert.NotNull(before.Document.QuerySelector($"main a[href='{ReviewsUrls.RecordDecision(monitored.CycleId, reviewId)}']"));
        // Only the periods the review looked at: the second quarter's return is not part of what it rested on.
        Assert.Empty(before.Document.QuerySelectorAll("main td[data-period='2']"));
        Assert.Equal(HttpStatusCode.OK, uncited.Status);
        Assert.Equal(MonitoringRules.CitedReturnRequired.Message, uncited.Document.QuerySelector("#Form_CitedReturnIds-error")?.TextContent.Replace("Error:", "").Trim());
        Assert.Equal(MonitoringRules.CitedRatingRequired.Message, uncited.Document.QuerySelector("#Form_CitedRatingIds-error")?.TextContent.Replace("Error:", "").Trim());
        Assert.True(uncited.Document.QuerySelector($"input[name='Form.DecisionId'][value='{decisionId}']")!.HasAttribute("checked"));
        Assert.Equal(HttpStatusCode.Redirect, decided.Status);
        Assert.Equal(
            [$"{MonitoringUrls.Returns(monitored.CycleId)}/{returnId}", MonitoringUrls.Ratings(monitored.CycleId)],
            shown.Document.QuerySelectorAll("[data-testid=review-citations] a").Select(a => a.GetAttribute("href")));
        Assert.Contains("The review's decision is recorded: vary the contract.", shown.Document.QuerySelector(".nhsuk-notification-banner")?.TextContent);
        Assert.NotNull(shown.Document.QuerySelector($"[data-testid=review-decision] a[href='/cycles/{monitored.CycleId}/stages/monitoring/decisions/{decisionId}']"));
        Assert.Contains("Vary the contract", list.Document.QuerySelector("main table")?.TextContent);
        Assert.Equal(ReviewDecisionType.Vary, (await TestMonitoring.MonitoringAsync(fixture, monitored.CycleId)).FindReview(reviewId)!.DecisionType);
    }

    [Fact]
    public async Task A_decision_recorded_from_the_review_comes_back_to_it_chosen_and_one_recorded_elsewhere_stays_in_the_stage()
    {
        var monitored = await TestMonitoring.ContractedAsync(fixture, People);
        var reviewId = await ReviewArrangement.ReviewedAsync(fixture, monitored, People, 1);
        var commissioner = await fixture.SignedInAsync(CyclePeople.CommissionerEmail);
        var yesterday = DateTime.UtcNow.AddDays(-1);
        var madeBy = await fixture.MemberIdAsync(monitored.CycleId, People.Commissioner);
        Dictionary<string, string> Decision(string title) => new()
        {
            ["Form.Participants"] = madeBy,
            ["Form.Title"] = title,
            ["Form.WhatWasDecided"] = "Early help is measured by how soon people are called back.",
            ["Form.Mode"] = nameof(DecisionMode.CommissionerLed),
            ["Form.Rationale"] = "The panel and the provider differ on early help.",
            ["Form.Rung"] = nameof(CoProductionLadderRung.Engagement),
            ["Form.DecidedOn.Day"] = yesterday.Day.ToString(CultureInfo.InvariantCulture),
            ["Form.DecidedOn.Month"] = yesterday.Month.ToString(CultureInfo.InvariantCulture),
            ["Form.DecidedOn.Year"] = yesterday.Year.ToString(CultureInfo.InvariantCulture),
        };

        var form = await commissioner.GetAsync(ReviewsUrls.RecordDecision(monitored.CycleId, reviewId), _ct);
        var fromReview = await commissioner.SubmitOnAsync(form, Decision("Measure call-backs"), ct: _ct);
        Assert.True(fromReview.Status == HttpStatusCode.Redirect, fromReview.Document.QuerySelector(".nhsuk-error-summary")?.TextContent);
        var back = await commissioner.FollowRedirectAsync(fromReview, _ct);
        var elsewhere = await commissioner.SubmitAsync($"/cycles/{monitored.CycleId}/stages/monitoring/decisions/new", Decision("Share referral data weekly"), ct: _ct);

        await using var scope = fixture.Db();
        var recorded = (await scope.Context.Cycles.IncludeStages().AsNoTracking().SingleAsync(c => c.Id == monitored.CycleId, _ct))
            .StageOf(StageKind.Monitoring).Decisions.Single(d => d.Title == "Measure call-backs");
        Assert.Equal(ReviewsUrls.Review(monitored.CycleId, reviewId), form.Document.QuerySelector("a.nhsuk-back-link")?.GetAttribute("href"));
        Assert.Equal($"{ReviewsUrls.Review(monitored.CycleId, reviewId)}?decision={recorded.Id}#record-decision", fromReview.Location);
        Assert.True(back.Document.QuerySelector($"input[name='Form.DecisionId'][value='{recorded.Id}']")!.HasAttribute("checked"));
        Assert.StartsWith($"/cycles/{monitored.CycleId}/stages/monitoring", elsewhere.Location);
        Assert.DoesNotContain("/monitoring/reviews/", elsewhere.Location);
    }

    [Fact]
    public async Task A_return_corrected_after_the_decision_is_marked_and_the_review_still_shows_what_it_rested_on()
    {
        var monitored = await TestMonitoring.ContractedAsync(fixture, People);
        var returnId = await TestMonitoring.ReturnedAsync(fixture, monitored, 1, People.Provider, People.ProviderOrganisation, RatingLevel.Outstanding);
        var ratingId = await TestMonitoring.RatedAsync(fixture, monitored, 1, People.Panel, RatingLevel.Fair);
        var reviewId = await ReviewArrangement.ReviewedAsync(fixture, monitored, People, 1);
        var decisionId = await ReviewArrangement.DecisionAsync(fixture, monitored, People, "Vary the call-back measure");
        var commissioner = await fixture.SignedInAsync(CyclePeople.CommissionerEmail);
        var url = ReviewsUrls.Review(monitored.CycleId, reviewId);
        var saved = await commissioner.SubmitAsync(url, new Dictionary<string, string>
        {
            ["Form.DecisionId"] = decisionId.ToString(),
            ["Form.Type"] = nameof(ReviewDecisionType.Vary),
            ["Form.CitedReturnIds"] = returnId.ToString(),
            ["Form.CitedRatingIds"] = ratingId.ToString(),
        }, ct: _ct);
        Assert.True(saved.Status == HttpStatusCode.Redirect, saved.Document.QuerySelector(".nhsuk-error-summary")?.TextContent);
        var decided = await commissioner.GetAsync(url, _ct);

        await using (var scope = fixture.Db())
        {
            var cycle = await scope.Context.Cycles.IncludeStages().SingleAsync(c => c.Id == monitored.CycleId, _ct);
            var monitoring = await scope.Context.Monitorings.AsSplitQuery().SingleAsync(m => m.Id == monitored.MonitoringId, _ct);
            var corrected = await scope.Context.ProviderReturns.SingleAsync(r => r.Id == returnId, _ct);
            var now = DateTimeOffset.UtcNow;
            Expect.Success(corrected.StartCorrection(cycle, monitoring, "We counted people seen twice.", People.Provider, CycleRole.Provider, People.ProviderOrganisation, now));
            Expect.Success(corrected.Save(cycle, monitoring, TestMonitoring.CompleteReturn(monitoring, RatingLevel.Fair), People.Provider, CycleRole.Provider,
                People.ProviderOrganisation, now));
            Expect.Success(corrected.Submit(cycle, monitoring, People.Provider, CycleRole.Provider, People.ProviderOrganisation, now));
            await scope.Context.SaveChangesAsync(_ct);
        }

        var after = await commissioner.GetAsync(url, _ct);
        var outcomes = await commissioner.GetAsync(MonitoringUrls.Outcomes(monitored.CycleId), _ct);

        Assert.Null(decided.Document.QuerySelector("[data-testid=changed-since]"));
        Assert.Contains("the review cited revision 1; revision 2 was submitted", after.Document.QuerySelector("[data-testid=changed-since]")?.TextContent);
        Assert.NotNull(after.Document.QuerySelector("[data-testid=as-decided]"));
        // Outstanding against the panel's fair is flagged as the review saw it; the outcomes page shows the correction, in step with the panel.
        Assert.Equal(
            decided.Document.QuerySelectorAll("main [data-testid=divergence-flag]").Length,
            after.Document.QuerySelectorAll("main [data-testid=divergence-flag]").Length);
        Assert.NotEmpty(after.Document.QuerySelectorAll("main [data-testid=divergence-flag]"));
        Assert.Empty(outcomes.Document.QuerySelectorAll("main [data-testid=divergence-flag]"));
    }

    [Fact]
    public async Task Every_member_reads_a_review_but_only_the_commissioner_records_changes_and_decides_it()
    {
        var monitored = await TestMonitoring.ContractedAsync(fixture, People);
        var reviewId = await ReviewArrangement.ReviewedAsync(fixture, monitored, People, 1);
        var decisionId = await ReviewArrangement.DecisionAsync(fixture, monitored, People, "Continue as it is");
        var panel = await fixture.SignedInAsync(CyclePeople.PanelEmail);
        var champion = await fixture.SignedInAsync(CyclePeople.ChampionEmail);
        var provider = await fixture.SignedInAsync(CyclePeople.ProviderEmail);
        var url = ReviewsUrls.Review(monitored.CycleId, reviewId);

        var read = await panel.GetAsync(url, _ct);
        var crafted = await panel.PostCraftedAsync(url, new Dictionary<string, string>
        {
            ["Form.DecisionId"] = decisionId.ToString(),
            ["Form.Type"] = nameof(ReviewDecisionType.Continue),
        }, MonitoringUrls.Reviews(monitored.CycleId), _ct);
        var championNew = await champion.GetAsync(ReviewsUrls.New(monitored.CycleId), _ct);
        var providerEdit = await provider.GetAsync(ReviewsUrls.Edit(monitored.CycleId, reviewId), _ct);

        Assert.Equal(HttpStatusCode.OK, read.Status);
        Assert.Contains(ReviewArrangement.ReviewMinutes, read.Text);
        Assert.Null(read.Document.QuerySelector("main form"));
        Assert.Equal(HttpStatusCode.Forbidden, crafted.Status);
        Assert.Equal(HttpStatusCode.Forbidden, championNew.Status);
        Assert.Equal(HttpStatusCode.Forbidden, providerEdit.Status);
        Assert.False((await TestMonitoring.MonitoringAsync(fixture, monitored.CycleId)).FindReview(reviewId)!.IsDecided);
    }

    [Fact]
    public async Task A_review_of_another_cycle_is_not_found_under_this_cycles_address()
    {
        var monitored = await TestMonitoring.ContractedAsync(fixture, People);
        var other = await TestMonitoring.ContractedAsync(fixture, People);
        var otherReview = await ReviewArrangement.ReviewedAsync(fixture, other, People, 1);
        var otherDecision = await ReviewArrangement.DecisionAsync(fixture, other, People, "Continue as it is");
        var commissioner = await fixture.SignedInAsync(CyclePeople.CommissionerEmail);

        var read = await commissioner.GetAsync(ReviewsUrls.Review(monitored.CycleId, otherReview), _ct);
        var edit = await commissioner.GetAsync(ReviewsUrls.Edit(monitored.CycleId, otherReview), _ct);
        var decide = await commissioner.PostCraftedAsync(ReviewsUrls.Review(monitored.CycleId, otherReview), new Dictionary<string, string>
        {
            ["Form.DecisionId"] = otherDecision.ToString(),
            ["Form.Type"] = nameof(ReviewDecisionType.Continue),
        }, MonitoringUrls.Reviews(monitored.CycleId), _ct);
        var change = await commissioner.PostCraftedAsync(ReviewsUrls.Edit(monitored.CycleId, otherReview), new Dictionary<string, string>
        {
            ["Form.Minutes"] = "Changed from the wrong cycle.",
        }, MonitoringUrls.Reviews(monitored.CycleId), _ct);

        Assert.Equal(HttpStatusCode.NotFound, read.Status);
        Assert.Equal(HttpStatusCode.NotFound, edit.Status);
        Assert.Equal(HttpStatusCode.NotFound, decide.Status);
        Assert.Equal(HttpStatusCode.NotFound, change.Status);
        var untouched = (await TestMonitoring.MonitoringAsync(fixture, other.CycleId)).FindReview(otherReview)!;
        Assert.Equal((ReviewArrangement.ReviewMinutes, false), (untouched.Minutes, untouched.IsDecided));
    }

    [Fact]
    public async Task Before_the_contract_is_made_the_review_pages_say_there_is_nothing_to_review()
    {
        var cycleId = await fixture.CreateCycleAsync();
        var commissioner = await fixture.SignedInAsync(CyclePeople.CommissionerEmail);

        var list = await commissioner.GetAsync(MonitoringUrls.Reviews(cycleId), _ct);
        var form = await commissioner.GetAsync(ReviewsUrls.New(cycleId), _ct);

        Assert.Equal(HttpStatusCode.OK, list.Status);
        Assert.Contains("There is no contract to review yet", list.Text);
        Assert.Equal(HttpStatusCode.OK, form.Status);
        Assert.Null(form.Document.QuerySelector("main form"));
    }

    private static Dictionary<string, string> Date(string name, DateOnly date) => new()
    {
        [$"{name}.Day"] = date.Day.ToString(CultureInfo.InvariantCulture),
        [$"{name}.Month"] = date.Month.ToString(CultureInfo.InvariantCulture),
        [$"{name}.Year"] = date.Year.ToString(CultureInfo.InvariantCulture),
    };
}

/// <summary>Reviews and monitoring-stage decisions for the review tests, made through the domain as another request would.</summary>
internal static class ReviewArrangement
{
    public const string ReviewMinutes = "The panel and the provider went through the first quarter together.";

    /// <summary>A review held on 9 July 2026 by the commissioner and the panel member, looking at the given periods.</summary>
    public static async Task<Guid> ReviewedAsync(DatabaseFixture fixture, TestMonitoring.Monitored monitored, CyclePeople people, params int[] periodNumbers)
    {
        await using var scope = fixture.Db();
        var (cycle, monitoring) = await LoadAsync(scope.Context, monitored);
        var review = Expect.Success(monitoring.RecordReview(cycle, new ReviewDraft(
            new DateOnly(2026, 7, 9),
            [new DecisionParticipant(people.Commissioner, CycleRole.Commissioner), new DecisionParticipant(people.Panel, CycleRole.PanelMember)],
            "", ReviewMinutes, [.. periodNumbers.Select(n => monitoring.Periods.Single(p => p.Number == n).Id)]),
            people.Commissioner, CycleRole.Commissioner, DateTimeOffset.UtcNow));
        await scope.Context.SaveChangesAsync();
        return review.Id;
    }

    public static async Task ChangeMinutesAsync(DatabaseFixture fixture, TestMonitoring.Monitored monitored, CyclePeople people, Guid reviewId, string minutes)
    {
        await using var scope = fixture.Db();
        var (cycle, monitoring) = await LoadAsync(scope.Context, monitored);
        var review = monitoring.FindReview(reviewId)!;
        Expect.Success(monitoring.ChangeReview(cycle, reviewId, new ReviewDraft(review.HeldOn, review.Participants, review.OthersPresent, minutes, review.PeriodIds),
            people.Commissioner, CycleRole.Commissioner, DateTimeOffset.UtcNow));
        await scope.Context.SaveChangesAsync();
    }

    /// <summary>A commissioner-led decision in the monitoring stage, made with the panel member.</summary>
    public static async Task<Guid> DecisionAsync(DatabaseFixture fixture, TestMonitoring.Monitored monitored, CyclePeople people, string title)
    {
        await using var scope = fixture.Db();
        var cycle = await scope.Context.Cycles.IncludeStages().SingleAsync(c => c.Id == monitored.CycleId);
        var at = DateTimeOffset.UtcNow.AddMinutes(-5);
        var decision = Expect.Success(cycle.RecordDecision(StageKind.Monitoring, new DecisionDetails(title, "What the review agreed.",
            DecisionMode.CommissionerLed, "The review weighed the provider's return and the panel's ratings.", CoProductionLadderRung.Engagement, at,
            [new DecisionParticipant(people.Commissioner, CycleRole.Commissioner), new DecisionParticipant(people.Panel, CycleRole.PanelMember)], []),
            people.Commissioner, CycleRole.Commissioner, at));
        await scope.Context.SaveChangesAsync();
        return decision.Id;
    }

    private static async Task<(CommissioningCycle Cycle, CycleMonitoring Monitoring)> LoadAsync(CoproDbContext db, TestMonitoring.Monitored monitored) =>
        (await db.Cycles.IncludeStages().SingleAsync(c => c.Id == monitored.CycleId),
         await db.Monitorings.AsSplitQuery().SingleAsync(m => m.Id == monitored.MonitoringId));
}
