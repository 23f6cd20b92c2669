using CoproCommissioning.Data;
using CoproCommissioning.Data.Saving;
using CoproCommissioning.Domain.Cycles;
using CoproCommissioning.Domain.Monitoring;
using CoproCommissioning.Domain.Specification;
using CoproCommissioning.Domain.Testing;
using Microsoft.EntityFrameworkCore;

namespace CoproCommissioning.Web.Tests.Data;

/// <summary>
/// The monitoring aggregates saved to PostgreSQL and read back in another context, as the next request would: every
/// owned row, nested revision, vote and citation, and the concurrency check two people saving one return at once meet.
/// </summary>
public sealed class MonitoringPersistenceTests(CyclePagesFixture fixture) : IClassFixture<CyclePagesFixture>
{
    /// <summary>After the first quarter ended and its returns were due, when the team acts on it.</summary>
    private static readonly DateTimeOffset AfterQ1 = new(2026, 9, 1, 9, 0, 0, TimeSpan.Zero);

    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    private CyclePeople People => fixture.People;

    [Fact]
    public async Task An_alliance_contract_keeps_its_parties_outcome_framework_kpis_periods_results_and_explanations()
    {
        var monitored = await TestMonitoring.ContractedAsync(fixture, People, alliance: true);
        await ChangeAsync(monitored, (cycle, monitoring) =>
        {
            var commitment = Expect.Success(monitoring.AddKpi(cycle, KpiOwner.Commissioner, new KpiDraft("Referral data shared",
                "Days after the month ends that referral data reaches the providers.", 10m, "days", KpiDirection.AtMost, ReportingFrequency.Quarterly,
                "The ICB's data-sharing log."), People.Commissioner, CycleRole.Commissioner, AfterQ1));
            var first = monitoring.Periods[0];
            Expect.Success(monitoring.RecordCommitmentResult(cycle, first.Id, commitment.Id, 8m, "Shared by the 8th every month.",
                People.Commissioner, CycleRole.Commissioner, AfterQ1));
            Expect.Success(monitoring.ExplainMissingReturn(cycle, first.Id, monitored.SecondOrganisation!.Value, "Their manager left in June; agreed late.",
                People.Commissioner, CycleRole.Commissioner, AfterQ1));
        });

        var loaded = await TestMonitoring.MonitoringAsync(fixture, monitored.CycleId);

        Assert.True(loaded.IsAlliance);
        Assert.Equal(2_400_000m, loaded.Value);
        Assert.Equal((TestMonitoring.StartsOn, TestMonitoring.EndsOn), (loaded.StartsOn, loaded.EndsOn));
        Assert.Equal("Up to 2 further years, one year at a time.", loaded.ExtensionOptions);
        Assert.Equal(new Guid?[] { null, People.ProviderOrganisation, monitored.SecondOrganisation }.Order(), loaded.Parties.Select(p => p.OrganisationId).Order());
        Assert.Equal([TestMonitoring.CrisisOutcome, TestMonitoring.EnjoyOutcome], loaded.Outcomes.Select(o => o.OutcomeId));
        Assert.Equal(OutcomeDomain.CommunityParticipationAndLeisure, loaded.Outcomes[1].Domain);
        Assert.Equal(ASpecification.Levels, loaded.Outcomes[0].Levels);
        Assert.Equal(TestMonitoring.KpiName, Assert.Single(loaded.Kpis).Name);
        Assert.Equal(95m, loaded.Kpis[0].Target);
        var commitment = Assert.Single(loaded.Commitments);
        Assert.Equal(KpiDirection.AtMost, commitment.Direction);
        Assert.Equal(8, loaded.Periods.Count);
        Assert.Equal(monitored.PeriodIds, loaded.Periods.Select(p => p.Id));
        Assert.Equal(new DateOnly(2026, 7, 31), loaded.Periods[0].DueOn);
        Assert.Equal(8m, loaded.ResultFor(loaded.Periods[0].Id, commitment.Id)!.Value);
        Assert.Equal(monitored.SecondOrganisation, Assert.Single(loaded.Explanations).OrganisationId);
    }

    [Fact]
    public async Task A_corrected_return_keeps_the_submitted_revision_with_its_ratings_and_kpi_values_beside_the_correction()
    {
        var monitored = await TestMonitoring.ContractedAsync(fixture, People);
        var returnId = await TestMonitoring.ReturnedAsync(fixture, monitored, 1, People.Provider, People.ProviderOrganisation, RatingLevel.Stretch);
        await using (var scope = fixture.Db())
        {
            var (cycle, monitoring) = await LoadAsync(scope.Context, monitored);
            var providerReturn = await scope.Context.ProviderReturns.SingleAsync(r => r.Id == returnId, _ct);
            Expect.Success(providerReturn.StartCorrection(cycle, monitoring, "The KPI counted people seen twice.",
                People.Provider, CycleRole.Provider, People.ProviderOrganisation, Moments.Now));
            Expect.Success(providerReturn.Save(cycle, monitoring, TestMonitoring.CompleteReturn(monitoring, RatingLevel.Good) with
            {
                Kpis = new Dictionary<Guid, KpiReport> { [monitored.KpiId!.Value] = new(91.5m, "Counted once each.") },
            }, People.Provider, CycleRole.Provider, People.ProviderOrganisation, Moments.Now));
            await scope.Context.SaveChangesAsync(_ct);
        }

        await using var read = fixture.Db();
        var loaded = await read.Context.ProviderReturns.AsNoTracking().SingleAsync(r => r.Id == returnId, _ct);

        Assert.Equal([1, 2], loaded.Revisions.Select(r => r.Number));
        Assert.True(loaded.IsBeingCorrected);
        Assert.Equal(RatingLevel.Stretch, loaded.Submitted!.Ratings.Single(r => r.OutcomeId == TestMonitoring.CrisisOutcome).Rating);
        Assert.Equal(96m, Assert.Single(loaded.Submitted.KpiValues).Value);
        Assert.Equal("The KPI counted people seen twice.", loaded.Latest.Reason);
        Assert.Equal(RatingLevel.Good, loaded.Latest.Ratings.Single(r => r.OutcomeId == TestMonitoring.CrisisOutcome).Rating);
        Assert.Equal((91.5m, "Counted once each."), (loaded.Latest.KpiValues.Single().Value, loaded.Latest.KpiValues.Single().Note));
        Assert.Equal("Forum, 12 June: 9 people came. They asked for the leaflet in plain English.", loaded.Latest.ForumMinutes);
    }

    [Fact]
    public async Task Two_people_of_one_provider_saving_the_same_return_at_once_the_second_is_told_of_the_conflict()
    {
        var monitored = await TestMonitoring.ContractedAsync(fixture, People);
        var returnId = await TestMonitoring.ReturnedAsync(fixture, monitored, 1, People.Provider, People.ProviderOrganisation, submit: false);
        await using var first = fixture.Db();
        await using var second = fixture.Db();
        var (cycle, monitoring) = await LoadAsync(first.Context, monitored);
        var mine = await first.Context.ProviderReturns.SingleAsync(r => r.Id == returnId, _ct);
        var theirs = await second.Context.ProviderReturns.SingleAsync(r => r.Id == returnId, _ct);

        Expect.Success(mine.Save(cycle, monitoring, TestMonitoring.CompleteReturn(monitoring, RatingLevel.Fair), People.Provider, CycleRole.Provider,
            People.ProviderOrganisation, Moments.Now));
        Expect.Success(theirs.Save(cycle, monitoring, TestMonitoring.CompleteReturn(monitoring, RatingLevel.Outstanding), People.Provider, CycleRole.Provider,
            People.ProviderOrganisation, Moments.Now));
        var saved = await first.Context.TrySaveAsync(_ct);
        var clashed = await second.Context.TrySaveAsync(_ct);

        Assert.True(saved.Succeeded);
        Assert.Equal(SaveStatus.Conflict, clashed.Status);
        await using var read = fixture.Db();
        var loaded = await read.Context.ProviderReturns.AsNoTracking().SingleAsync(r => r.Id == returnId, _ct);
        Assert.All(loaded.Latest.Ratings, r => Assert.Equal(RatingLevel.Fair, r.Rating));
    }

    /// <summary>
    /// Pages hand EF the version the person saw as the row's original version. When that differs from the row's and only
    /// owned rows change, EF marks the row changed with no column to write and would skip its UPDATE, and the check with
    /// it: the save must still be refused.
    /// </summary>
    [Fact]
    public async Task A_page_that_saw_an_older_version_and_changes_only_owned_rows_is_told_of_the_conflict()
    {
        var monitored = await TestMonitoring.ContractedAsync(fixture, People);
        var returnId = await TestMonitoring.ReturnedAsync(fixture, monitored, 1, People.Provider, People.ProviderOrganisation, submit: false);
        uint seen;
        await using (var before = fixture.Db())
        {
            seen = (await before.Context.ProviderReturns.AsNoTracking().SingleAsync(r => r.Id == returnId, _ct)).Version;
        }

        await using (var other = fixture.Db())
        {
            var (cycle, monitoring) = await LoadAsync(other.Context, monitored);
            var theirs = await other.Context.ProviderReturns.SingleAsync(r => r.Id == returnId, _ct);
            Expect.Success(theirs.Save(cycle, monitoring, TestMonitoring.CompleteReturn(monitoring, RatingLevel.Outstanding), People.Provider,
                CycleRole.Provider, People.ProviderOrganisation, Moments.Now));
            await other.Context.SaveChangesAsync(_ct);
        }

        await using var page = fixture.Db();
        var (pageCycle, pageMonitoring) = await LoadAsync(page.Context, monitored);
        var mine = await page.Context.ProviderReturns.SingleAsync(r => r.Id == returnId, _ct);
        page.Context.Entry(mine).Property(r => r.Version).OriginalValue = seen;
        Expect.Success(mine.Save(pageCycle, pageMonitoring, TestMonitoring.CompleteReturn(pageMonitoring, RatingLevel.Fair), People.Provider,
            CycleRole.Provider, People.ProviderOrganisation, Moments.Now));
        var saved = await page.Context.TrySaveAsync(_ct);

        Assert.Equal(SaveStatus.Conflict, saved.Status);
        await using var read = fixture.Db();
        var loaded = await read.Context.ProviderReturns.AsNoTracking().SingleAsync(r => r.Id == returnId, _ct);
        Assert.All(loaded.Latest.Ratings, r => Assert.Equal(RatingLevel.Outstanding, r.Rating));
    }

    [Fact]
    public async Task The_alliance_team_keeps_its_members_votes_risks_disputes_and_health_check()
    {
        var monitored = await TestMonitoring.ContractedAsync(fixture, People, alliance: true);
        Guid teamId;
        Guid decisionId;
        await using (var scope = fixture.Db())
        {
            var (cycle, monitoring) = await LoadAsync(scope.Context, monitored);
            var procurement = await scope.Context.Procurements.AsNoTracking().SingleAsync(p => p.CycleId == monitored.CycleId, _ct);
            var team = Expect.Success(AllianceLeadershipTeam.Start(cycle, procurement, People.Commissioner, CycleRole.Commissioner, Moments.Now));
            var organisation = monitored.SecondOrganisation!.Value;
            var commissioner = Expect.Success(team.AddMember(cycle, procurement, AllianceParty.Commissioner, null,
                new NamedPerson(People.Commissioner, CycleRole.Commissioner, null), People.Commissioner, CycleRole.Commissioner, Moments.Now));
            Expect.Success(team.AddMember(cycle, procurement, AllianceParty.Provider, People.ProviderOrganisation,
                new NamedPerson(People.Provider, CycleRole.Provider, People.ProviderOrganisation), People.Commissioner, CycleRole.Commissioner, Moments.Now));
            Expect.Success(team.AddMember(cycle, procurement, AllianceParty.Provider, organisation,
                new NamedPerson(monitored.SecondProvider!, CycleRole.Provider, organisation), People.Commissioner, CycleRole.Commissioner, Moments.Now));
            var decision = Expect.Success(team.Propose(cycle, procurement, "Open the safe haven on Sundays",
                "Move two evening shifts to Sunday from July.", People.Commissioner, Moments.Now));
            Expect.Success(team.Vote(cycle, decision.Id, true, null, People.Commissioner, Moments.Now));
            Expect.Success(team.Vote(cycle, decision.Id, false, "We cannot staff Sundays until September.", monitored.SecondProvider!, Moments.Now));
            Expect.Success(team.AddRisk(cycle, new RiskDraft("Peer workers leave for better-paid posts", commissioner.Id, 4, 3,
                "Match the trust's pay band for peer workers.", new DateOnly(2026, 9, 1)), People.Commissioner, Moments.Now));
            Expect.Success(team.RaiseDispute(cycle, "How the shared budget's underspend is used.", DisputeRoute.IndependentFacilitator,
                People.Provider, Moments.Now));
            Expect.Success(team.RateHealth(cycle, monitored.PeriodIds[0], new HealthScores(4, 2, 3), "Data arrives late.", People.Provider, Moments.Now));
            scope.Context.AllianceTeams.Add(team);
            await scope.Context.SaveChangesAsync(_ct);
            (teamId, decisionId) = (team.Id, decision.Id);
        }

        await using var read = fixture.Db();
        var loaded = await read.Context.AllianceTeams.AsNoTracking().AsSplitQuery().SingleAsync(t => t.Id == teamId, _ct);

        Assert.Equal(3, loaded.Members.Count);
        Assert.Equal(monitored.SecondProvider, loaded.Members.Single(m => m.OrganisationId == monitored.SecondOrganisation).UserId);
        var proposed = loaded.FindDecision(decisionId)!;
        Assert.False(proposed.IsCarried);
        Assert.Equal(2, proposed.Votes.Count);
        Assert.Equal("We cannot staff Sundays until September.", proposed.Votes.Single(v => !v.Agrees).Reason);
        var risk = Assert.Single(loaded.Risks);
        Assert.Equal((4, 3, 12), (risk.Likelihood, risk.Impact, risk.Score));
        Assert.Equal(DisputeRoute.IndependentFacilitator, Assert.Single(loaded.Disputes).Route);
        var health = Assert.Single(loaded.HealthRatings);
        Assert.Equal((4, 2, 3), (health.Trust, health.InformationSharing, health.SharedDecisions));
    }

    [Fact]
    public async Task A_decided_review_keeps_who_took_part_and_its_periods_and_a_lesson_keeps_its_citations()
    {
        var monitored = await TestMonitoring.ContractedAsync(fixture, People);
        var returnId = await TestMonitoring.ReturnedAsync(fixture, monitored, 1, People.Provider, People.ProviderOrganisation);
        var ratingId = await TestMonitoring.RatedAsync(fixture, monitored, 1, People.Panel, RatingLevel.Poor);
        Guid reviewId = default;
        Guid lessonId;
        await using (var scope = fixture.Db())
        {
            var (cycle, monitoring) = await LoadAsync(scope.Context, monitored);
            var review = Expect.Success(monitoring.RecordReview(cycle, new ReviewDraft(new DateOnly(2026, 8, 12),
                [new DecisionParticipant(People.Commissioner, CycleRole.Commissioner), new DecisionParticipant(People.Panel, CycleRole.PanelMember)],
                "The provider's service manager.", "The panel rated early help lower than the provider did.", [monitored.PeriodIds[0]]),
                People.Commissioner, CycleRole.Commissioner, AfterQ1));
            var varied = Expect.Success(cycle.RecordDecision(StageKind.Monitoring, ADecision.InMode(DecisionMode.CommissionerLed)
                .WithTitle("Vary the contract").WithRationale("The panel and the provider differ on early help.").DecidedAt(AfterQ1).Build(),
                People.Commissioner, CycleRole.Commissioner, AfterQ1));
            Expect.Success(monitoring.DecideReview(cycle, review.Id, new ReviewDecisionDraft(varied.Id, ReviewDecisionType.Vary), ReviewSources.None,
                People.Commissioner, CycleRole.Commissioner, AfterQ1));
            var lesson = Expect.Success(Lesson.Record(cycle, "Ask the panel before the provider reports, not after.",
                [new LessonCitation(LessonSourceKind.ProviderReturn, returnId), new LessonCitation(LessonSourceKind.PanelRating, ratingId)],
                new LessonSources([returnId], [ratingId]), People.Commissioner, CycleRole.Commissioner, AfterQ1));
            scope.Context.Lessons.Add(lesson);
            await scope.Context.SaveChangesAsync(_ct);
            (reviewId, lessonId) = (review.Id, lesson.Id);
        }

        var loaded = Assert.Single((await TestMonitoring.MonitoringAsync(fixture, monitored.CycleId)).Reviews);
        await using var read = fixture.Db();
        var lessonLoaded = await read.Context.Lessons.AsNoTracking().SingleAsync(l => l.Id == lessonId, _ct);

        Assert.Equal(reviewId, loaded.Id);
        Assert.Equal([People.Commissioner, People.Panel], loaded.Participants.Select(p => p.UserId));
        Assert.Equal([monitored.PeriodIds[0]], loaded.PeriodIds);
        Assert.Equal(ReviewDecisionType.Vary, loaded.DecisionType);
        Assert.NotNull(loaded.DecisionId);
        Assert.Equal(
            new[] { (LessonSourceKind.ProviderReturn, returnId), (LessonSourceKind.PanelRating, ratingId) }.Order(),
            lessonLoaded.Citations.Select(c => (c.Kind, c.SourceId)).Order());
    }

    private async Task ChangeAsync(TestMonitoring.Monitored monitored, Action<CommissioningCycle, CycleMonitoring> change)
    {
        await using var scope = fixture.Db();
        var (cycle, monitoring) = await LoadAsync(scope.Context, monitored);
        change(cycle, monitoring);
        await scope.Context.SaveChangesAsync(_ct);
    }

    private async Task<(CommissioningCycle Cycle, CycleMonitoring Monitoring)> LoadAsync(CoproDbContext db, TestMonitoring.Monitored monitored) =>
        (await db.Cycles.IncludeStages().SingleAsync(c => c.Id == monitored.CycleId, _ct),
         await db.Monitorings.AsSplitQuery().SingleAsync(m => m.Id == monitored.MonitoringId, _ct));
}
