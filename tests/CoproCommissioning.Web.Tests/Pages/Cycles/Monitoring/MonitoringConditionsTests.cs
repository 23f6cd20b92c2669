using CoproCommissioning.Data;
using CoproCommissioning.Domain;
using CoproCommissioning.Domain.Monitoring;
using CoproCommissioning.Domain.Cycles;
using CoproCommissioning.Domain.Specification;
using CoproCommissioning.Domain.Testing;
using CoproCommissioning.Web.Infrastructure.Pages;
using CoproCommissioning.Web.Pages.Cycles.Monitoring;
using CoproCommissioning.Web.Pages.Cycles.Monitoring.Lessons;
using Microsoft.EntityFrameworkCore;

namespace CoproCommissioning.Web.Tests.Pages.Cycles.Monitoring;

/// <summary>
/// Monitoring's sign-off conditions as the pages read them, from a row a contract: each condition unmet and then met, and
/// at every step of a contract's life the same answer as the contract gives when it is loaded whole.
/// </summary>
public sealed class MonitoringConditionsTests(CyclePagesFixture fixture) : IClassFixture<CyclePagesFixture>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    private CyclePeople People => fixture.People;

    [Fact]
    public async Task A_cycle_without_a_contract_needs_the_contract_and_a_lesson()
    {
        var cycleId = await fixture.CreateCycleAsync();

        var conditions = await LoadAsync(cycleId);

        Assert.Equal([MonitoringRules.ContractNotMade.Code, LessonRules.LessonRequired.Code], conditions.Select(r => r.Rule.Code));
    }

    [Fact]
    public async Task A_new_contract_needs_a_decided_review_the_due_returns_and_a_lesson()
    {
        var monitored = await TestMonitoring.ContractedAsync(fixture, People);

        var conditions = await LoadAsync(monitored.CycleId);

        var due = DueReturns(monitored);
        Assert.Equal(
            [MonitoringRules.DecidedReviewRequired.Code, MonitoringRules.ReturnsMissing(due).Code, LessonRules.LessonRequired.Code],
            conditions.Select(r => r.Rule.Code));
        Assert.Equal(MonitoringRules.ReturnsMissing(due).Message, conditions[1].Rule.Message);
    }

    [Fact]
    public async Task Every_due_return_of_every_party_must_be_in_and_a_draft_does_not_count()
    {
        var monitored = await TestMonitoring.ContractedAsync(fixture, People, alliance: true);
        await TestMonitoringSignOff.ArrangeAsync(fixture, People, monitored, withReturns: false);
        await TestMonitoring.ReturnedAsync(fixture, monitored, 1, People.Provider, People.ProviderOrganisation, submit: false);
        var due = DueReturns(monitored);

        var withDraft = await LoadAsync(monitored.CycleId);
        await TestMonitoring.ReturnedAsync(fixture, monitored, 1, monitored.SecondProvider!, monitored.SecondOrganisation!.Value);
        var withOne = await LoadAsync(monitored.CycleId);

        Assert.Equal(MonitoringRules.ReturnsMissing(due).Message, Assert.Single(withDraft, r => r.Rule.Code == MonitoringRules.ReturnsMissing(0).Code).Rule.Message);
        Assert.Equal(MonitoringRules.ReturnsMissing(due - 1).Message, Assert.Single(withOne, r => r.Rule.Code == MonitoringRules.ReturnsMissing(0).Code).Rule.Message);
    }

    [Fact]
    public async Task A_review_must_have_decided_and_the_panel_must_have_rated_the_last_period_it_looked_at()
    {
        var noReview = await TestMonitoring.ContractedAsync(fixture, People);
        await TestMonitoringSignOff.ArrangeAsync(fixture, People, noReview, withReview: false);
        var noRating = await TestMonitoring.ContractedAsync(fixture, People);
        await TestMonitoringSignOff.ArrangeAsync(fixture, People, noRating, withRating: false);

        var conditions = await LoadManyAsync(noReview.CycleId, noRating.CycleId);

        Assert.Equal([MonitoringRules.DecidedReviewRequired.Code, LessonRules.LessonRequired.Code], conditions[noReview.CycleId].Select(r => r.Rule.Code));
        Assert.Equal([MonitoringRules.PanelRatingsMissing.Code, LessonRules.LessonRequired.Code], conditions[noRating.CycleId].Select(r => r.Rule.Code));
    }

    [Fact]
    public async Task With_everything_in_and_a_lesson_recorded_nothing_is_left_and_the_contract_loaded_whole_agrees()
    {
        var monitored = await TestMonitoring.ContractedAsync(fixture, People, alliance: true);
        var ready = await TestMonitoringSignOff.ArrangeAsync(fixture, People, monitored);

        var beforeLesson = await LoadAsync(monitored.CycleId);
        await TestMonitoringSignOff.LessonAsync(fixture, People, monitored.CycleId, "People used the phone line most after 8pm.",
            new LessonCitation(LessonSourceKind.ProviderReturn, ready.ReturnIds[0]));
        var afterLesson = await LoadAsync(monitored.CycleId);

        Assert.Equal([LessonRules.LessonRequired.Code], beforeLesson.Select(r => r.Rule.Code));
        Assert.Empty(afterLesson);
        await using var scope = fixture.Db();
        var contract = await scope.Context.Monitorings.AsNoTracking().AsSplitQuery().SingleAsync(m => m.Id == monitored.MonitoringId, _ct);
        var returns = await scope.Context.ProviderReturns.AsNoTracking().Where(r => r.MonitoringId == monitored.MonitoringId).ToListAsync(_ct);
        var ratings = await scope.Context.PanelRatings.AsNoTracking().Where(r => r.MonitoringId == monitored.MonitoringId).ToListAsync(_ct);
        Assert.Empty(CycleMonitoring.SignOffConditions(contract.Progress(returns, ratings, DateTimeOffset.UtcNow)));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task At_every_step_of_a_contracts_life_the_facts_read_as_a_row_give_the_conditions_of_the_contract_loaded_whole(bool alliance)
    {
        var monitored = await TestMonitoring.ContractedAsync(fixture, People, alliance);
        await AssertAgreesWithTheContractAsync(monitored, "the contract was made");

        await TestMonitoring.ReturnedAsync(fixture, monitored, 1, People.Provider, People.ProviderOrganisation, submit: false);
        await AssertAgreesWithTheContractAsync(monitored, "a draft return");
        await ExplainAsync(monitored, 2, People.ProviderOrganisation);
        await AssertAgreesWithTheContractAsync(monitored, "a missing return explained");
        if (alliance)
        {
            await TestMonitoring.ReturnedAsync(fixture, monitored, 1, monitored.SecondProvider!, monitored.SecondOrganisation!.Value);
            await AssertAgreesWithTheContractAsync(monitored, "the other member's return submitted");
        }

        await TestMonitoringSignOff.ArrangeAsync(fixture, People, monitored, withReturns: false, withRating: false);
        await AssertAgreesWithTheContractAsync(monitored, "a review decided, its period not rated");
        await TestMonitoring.RatedAsync(fixture, monitored, 1, People.Carer, RatingLevel.Fair);
        await AssertAgreesWithTheContractAsync(monitored, "an earlier period rated");
        var rated = await TestMonitoring.RatedAsync(fixture, monitored, 2, People.Panel, RatingLevel.Good);
        await AssertAgreesWithTheContractAsync(monitored, "the reviewed period rated");
        await TestMonitoringSignOff.LessonAsync(fixture, People, monitored.CycleId, "People rang the evening line most.",
            new LessonCitation(LessonSourceKind.PanelRating, rated));
        var conditions = await AssertAgreesWithTheContractAsync(monitored, "a lesson recorded");

        // The first period's draft (and, in an alliance, the other member's second return) are still missing; the rest is met.
        Assert.Equal([MonitoringRules.ReturnsMissing(1).Code], conditions.Select(r => r.Rule.Code));
    }

    [Fact]
    public async Task Many_cycles_are_answered_at_once_each_with_its_own_conditions()
    {
        var withoutContract = await fixture.CreateCycleAsync();
        var monitored = await TestMonitoring.ContractedAsync(fixture, People);
        var ready = await TestMonitoringSignOff.ArrangeAsync(fixture, People, monitored);
        await TestMonitoringSignOff.LessonAsync(fixture, People, monitored.CycleId, "Ratings came in late.", new LessonCitation(LessonSourceKind.PanelRating, ready.RatingId!.Value));

        var conditions = await LoadManyAsync(withoutContract, monitored.CycleId);

        Assert.Equal([MonitoringRules.ContractNotMade.Code, LessonRules.LessonRequired.Code], conditions[withoutContract].Select(r => r.Rule.Code));
        Assert.Empty(conditions[monitored.CycleId]);
    }

    [Fact]
    public async Task The_stages_sign_off_page_links_each_condition_to_where_it_is_met_for_whoever_reads_it()
    {
        var monitored = await TestMonitoring.ContractedAsync(fixture, People);
        var url = $"/cycles/{monitored.CycleId}/stages/monitoring/sign-off";
        var commissioner = await fixture.SignedInAsync(CyclePeople.CommissionerEmail);
        var champion = await fixture.SignedInAsync(CyclePeople.ChampionEmail);

        var theirs = (await commissioner.GetAsync(url, _ct)).Document.QuerySelector("#still-needed + ol")!;
        var championsView = (await champion.GetAsync(url, _ct)).Document.QuerySelector("#still-needed + ol")!;

        string? Link(AngleSharp.Dom.IElement list, string message) =>
            list.Children.Single(li => li.TextContent.Contains(message, StringComparison.Ordinal)).QuerySelector("a")?.GetAttribute("href");
        Assert.Equal(MonitoringUrls.NewReview(monitored.CycleId), Link(theirs, MonitoringRules.DecidedReviewRequired.Message));
        Assert.Equal(LessonsUrls.New(monitored.CycleId), Link(theirs, LessonRules.LessonRequired.Message));
        Assert.Equal(MonitoringUrls.Overview(monitored.CycleId), Link(theirs, MonitoringRules.ReturnsMissing(DueReturns(monitored)).Message));
        Assert.Equal(MonitoringUrls.Reviews(monitored.CycleId), Link(championsView, MonitoringRules.DecidedReviewRequired.Message));
        Assert.Equal(LessonsUrls.New(monitored.CycleId), Link(championsView, LessonRules.LessonRequired.Message));
    }

    [Theory]
    [InlineData(CycleRole.Commissioner)]
    [InlineData(CycleRole.CoProductionChampion)]
    [InlineData(CycleRole.PanelMember)]
    [InlineData(CycleRole.Provider)]
    public void Every_monitoring_condition_has_a_link_for_every_role(CycleRole role)
    {
        var cycleId = Guid.CreateVersion7();
        DomainRule[] conditions = [MonitoringRules.ContractNotMade, MonitoringRules.DecidedReviewRequired, MonitoringRules.ReturnsMissing(2),
            MonitoringRules.PanelRatingsMissing, LessonRules.LessonRequired];

        Assert.All(conditions, rule => Assert.NotNull(MonitoringConditions.LinkFor(new Refusal(rule), cycleId, role)));
        Assert.Null(MonitoringConditions.LinkFor(new Refusal(CycleRules.ChampionRequired), cycleId, role));
    }

    private async Task<IReadOnlyList<Refusal>> LoadAsync(Guid cycleId)
    {
        await using var scope = fixture.Db();
        return await MonitoringConditions.LoadAsync(scope.Context, cycleId, TimeProvider.System, _ct);
    }

    private async Task<IReadOnlyDictionary<Guid, IReadOnlyList<Refusal>>> LoadManyAsync(params Guid[] cycleIds)
    {
        await using var scope = fixture.Db();
        return await MonitoringConditions.LoadAsync(scope.Context, cycleIds, TimeProvider.System, _ct);
    }

    /// <summary>
    /// The conditions read as a row a contract, after checking they are, code and message, the ones the contract loaded
    /// whole with every return and rating gives.
    /// </summary>
    private async Task<IReadOnlyList<Refusal>> AssertAgreesWithTheContractAsync(TestMonitoring.Monitored monitored, string step)
    {
        var now = DateTimeOffset.UtcNow;
        var conditions = await LoadAsync(monitored.CycleId);
        await using var scope = fixture.Db();
        var db = scope.Context;
        var contract = await db.Monitorings.AsNoTracking().AsSplitQuery().SingleAsync(m => m.Id == monitored.MonitoringId, _ct);
        var returns = await db.ProviderReturns.AsNoTracking().Where(r => r.MonitoringId == monitored.MonitoringId).ToListAsync(_ct);
        var ratings = await db.PanelRatings.AsNoTracking().Where(r => r.MonitoringId == monitored.MonitoringId).ToListAsync(_ct);
        var lessons = await db.Lessons.CountAsync(l => l.CycleId == monitored.CycleId, _ct);
        IReadOnlyList<Refusal> expected = [.. CycleMonitoring.SignOffConditions(contract.Progress(returns, ratings, now)), .. Lesson.SignOffConditions(lessons)];

        Assert.True(
            expected.Select(r => (r.Rule.Code, r.Rule.Message)).SequenceEqual(conditions.Select(r => (r.Rule.Code, r.Rule.Message))),
            $"After {step}: the contract loaded whole gives [{string.Join(", ", expected.Select(r => r.Rule.Message))}], the row gives [{string.Join(", ", conditions.Select(r => r.Rule.Message))}].");
        return conditions;
    }

    /// <summary>The commissioner explains why an organisation's return for a period is missing.</summary>
    private async Task ExplainAsync(TestMonitoring.Monitored monitored, int periodNumber, Guid organisationId)
    {
        await using var scope = fixture.Db();
        var db = scope.Context;
        var cycle = await db.Cycles.IncludeStages().SingleAsync(c => c.Id == monitored.CycleId, _ct);
        var monitoring = await db.Monitorings.AsSplitQuery().SingleAsync(m => m.Id == monitored.MonitoringId, _ct);
        Expect.Success(monitoring.ExplainMissingReturn(cycle, monitoring.Periods.Single(p => p.Number == periodNumber).Id, organisationId,
            "The manager was off sick and nobody else could report.", People.Commissioner, CycleRole.Commissioner, DateTimeOffset.UtcNow));
        await db.SaveChangesAsync(_ct);
    }

    /// <summary>How many returns are due by the real clock: each returning party, each period whose due day has come.</summary>
    private static int DueReturns(TestMonitoring.Monitored monitored)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var periods = CycleMonitoring.PeriodsBetween(TestMonitoring.StartsOn, TestMonitoring.EndsOn, ReportingFrequency.Quarterly)
            .Count(p => today >= ReportingPeriod.DueAfter(p.EndsOn));
        return periods * (monitored.SecondOrganisation is null ? 1 : 2);
    }
}
