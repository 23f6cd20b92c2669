using System.Net;
using CoproCommissioning.Data;
using CoproCommissioning.Domain.Cycles;
using CoproCommissioning.Domain.Monitoring;
using CoproCommissioning.Domain.Organisations;
using CoproCommissioning.Domain.Procurement;
using CoproCommissioning.Domain.Specification;
using CoproCommissioning.Web.DemoData;
using CoproCommissioning.Web.Infrastructure.Specification;
using CoproCommissioning.Web.Pages.Cycles.Procurement;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoproCommissioning.Web.Tests.Pages.Cycles;

public sealed class DemoCyclesTests(CyclePagesFixture fixture) : IClassFixture<CyclePagesFixture>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_rehabilitation_cycle_is_part_way_through_co_design_with_needs_assessment_signed_off()
    {
        await using var scope = fixture.Db();
        var cycle = await scope.Context.Cycles.IncludeStages().AsNoTracking().SingleAsync(c => c.Title == DemoCycles.RehabilitationTitle, _ct);

        Assert.Equal(StageStatus.SignedOff, cycle.StageOf(StageKind.NeedsAssessment).Status);
        Assert.Equal(StageStatus.Open, cycle.StageOf(StageKind.CoDesign).Status);
        var voices = cycle.Stages.SelectMany(s => s.Contributions).Select(c => c.Voice).Distinct().ToList();
        Assert.Superset(new HashSet<Voice> { Voice.LivedExperience, Voice.Carer, Voice.Provider, Voice.Clinician }, voices.ToHashSet());
        var channels = cycle.Stages.SelectMany(s => s.Contributions).Select(c => c.Channel).ToHashSet();
        Assert.Superset(new HashSet<Channel> { Channel.Online, Channel.Workshop, Channel.Phone, Channel.EasyReadForm }, channels);
        Assert.All(cycle.SignOffBlockers(StageKind.CoDesign), b => Assert.Equal(CycleRules.InputAwaitingResponse, b.Rule));
        // Input from the demo's own co-design sessions is still owed answers too.
        Assert.InRange(cycle.SignOffBlockers(StageKind.CoDesign).Count, 2, 10);
        Assert.Equal(6, await scope.Context.Memberships.CountAsync(m => m.CycleId == cycle.Id, _ct));
    }

    [Fact]
    public async Task The_recovery_college_cycle_shows_a_specification_changed_because_of_panel_comments_and_open_for_more()
    {
        await using var scope = fixture.Db();
        var cycle = await scope.Context.Cycles.IncludeStages().AsNoTracking().SingleAsync(c => c.Title == DemoSpecificationCycle.Title, _ct);
        var specification = await scope.Context.Specifications.IncludeVersions().AsNoTracking().SingleAsync(s => s.CycleId == cycle.Id, _ct);

        Assert.Equal(StageStatus.Open, cycle.StageOf(StageKind.Specification).Status);
        Assert.Equal(2, specification.Latest.Number);
        Assert.Equal(3, specification.Latest.Sections.Count(s => s.ChangedInVersion == 2 && s.Answers.Count == 1));
        Assert.NotNull(specification.OpenWindowAt(DateTimeOffset.UtcNow));
        var comments = cycle.StageOf(StageKind.Specification).Contributions;
        Assert.Equal(3, comments.Count(c => c.CurrentResponse is not null));
        // One comment on v2 is still owed an answer, and v2 is not approved: both stop sign-off, as they should.
        var blockers = cycle.SignOffBlockers(StageKind.Specification, ServiceSpecification.SignOffConditions(specification)).Select(b => b.Rule).ToList();
        Assert.Equal([CycleRules.InputAwaitingResponse, SpecificationRules.NotApproved], blockers);
        var glossary = await scope.Context.GlossaryTerms.AsNoTracking().Where(t => t.CycleId == cycle.Id).ToListAsync(_ct);
        Assert.Equal(3, glossary.Count(t => t.IsAgreed));
        Assert.Single(glossary, t => !t.IsAgreed);
    }

    [Fact]
    public async Task The_crisis_cafe_cycle_has_three_bids_scored_by_a_panel_of_four_with_one_score_moderated_and_no_award_yet()
    {
        await using var scope = fixture.Db();
        var db = scope.Context;
        var cycle = await db.Cycles.IncludeStages().AsNoTracking().SingleAsync(c => c.Title == DemoProcurementCycle.Title, _ct);
        var procurement = await db.Procurements.AsNoTracking().SingleAsync(p => p.CycleId == cycle.Id, _ct);
        var bids = await db.Bids.AsNoTracking().Where(b => b.ProcurementId == procurement.Id).ToListAsync(_ct);
        var scorecards = await db.Scorecards.AsNoTracking().Where(s => s.ProcurementId == procurement.Id).ToListAsync(_ct);
        var now = DateTimeOffset.UtcNow;

        Assert.Equal(StageStatus.SignedOff, cycle.StageOf(StageKind.Specification).Status);
        Assert.Equal(StageStatus.Open, cycle.StageOf(StageKind.Procurement).Status);
        Assert.Equal(ProcurementRoute.CompetitiveProcess, procurement.Route);
        Assert.Equal(100, procurement.WeightTotal);
        Assert.Empty(procurement.Warnings);
        Assert.NotEmpty(Assert.Single(procurement.Criteria, c => c.IsCoProduction).ShapedBy);
        Assert.True(procurement.IsPastDeadline(now));

        Assert.Equal(3, bids.Count(b => b.IsSubmitted));
        Assert.Equal(3, bids.Select(b => b.OrganisationId).Distinct().Count());
        Assert.Single(bids, b => b.PartnerNames.Count > 0);
        Assert.All(bids, b => Assert.All(procurement.Criteria, c => Assert.False(string.IsNullOrWhiteSpace(b.ResponseTo(c.Id)))));

        Assert.Equal(4, procurement.Evaluators.Count);
        Assert.Equal(2, procurement.Evaluators.Count(e => e.Role == EvaluatorRole.LivedExperience));
        Assert.All(procurement.Evaluators, e => Assert.True(e.IsBriefed && e.IsDeclarationAccepted));
        var restricted = Assert.Single(procurement.Evaluators, e => e.HasInterest == true);
        Assert.Equal(ConflictAction.RestrictBids, restricted.Action);
        var closedTo = Assert.Single(restricted.RestrictedOrganisationIds);
        Assert.Contains(bids, b => b.OrganisationId == closedTo);
        Assert.False(procurement.EvaluatorMayRead(restricted.UserId, closedTo, now));

        Assert.Equal(4, scorecards.Count);
        Assert.All(scorecards, s => Assert.True(s.IsSubmitted));
        Assert.All(scorecards.SelectMany(s => s.Scores), s => Assert.False(string.IsNullOrWhiteSpace(s.Comment)));
        var moderated = Assert.Single(procurement.Moderated);
        Assert.False(string.IsNullOrWhiteSpace(moderated.Reason));
        var standings = Evaluation.Of(procurement, bids, scorecards, now);
        Assert.True(standings.SelectMany(s => s.Criteria).Single(c => c.Agreed is not null).IsFlagged);
        Assert.False(procurement.IsAwardRecorded);

        // Every scorecard is in; what stops sign-off is the moderation still to do and the award.
        var progress = procurement.Progress(bids, scorecards, now);
        Assert.Equal(0, progress.ScorecardsOutstanding);
        Assert.True(progress.LivedExperienceScored);
        Assert.Equal(
            [ProcurementRules.ScoresNotModerated(17), ProcurementRules.AwardNotRecorded],
            CycleProcurement.SignOffConditions(progress).Select(r => r.Rule));
    }

    [Theory]
    [InlineData(CyclePeople.CommissionerEmail)]
    [InlineData(DemoProcurementCycle.SecondPanelEmail)]
    [InlineData(DemoProcurementCycle.SanctuaryEmail)]
    public async Task The_crisis_cafe_cycle_s_procurement_opens_for_its_commissioner_evaluators_and_bidders(string email)
    {
        Guid cycleId;
        await using (var scope = fixture.Db())
        {
            cycleId = await scope.Context.Cycles.Where(c => c.Title == DemoProcurementCycle.Title).Select(c => c.Id).SingleAsync(_ct);
        }

        var client = await fixture.SignedInAsync(email);
        var overview = await client.GetAsync(CycleUrls.Overview(cycleId), _ct);
        var procurement = await client.GetAsync(ProcurementUrls.Overview(cycleId), _ct);

        Assert.Equal(HttpStatusCode.OK, overview.Status);
        Assert.Contains(DemoProcurementCycle.Title, overview.Text);
        Assert.Equal(HttpStatusCode.OK, procurement.Status);
    }

    [Fact]
    public async Task The_crisis_alternatives_cycle_went_through_every_stage_to_an_alliance_contract_now_in_monitoring()
    {
        await using var scope = fixture.Db();
        var db = scope.Context;
        var cycle = await db.Cycles.IncludeStages().AsNoTracking().SingleAsync(c => c.Title == DemoMonitoringCycle.Title, _ct);
        var specification = await db.Specifications.IncludeVersions().AsNoTracking().SingleAsync(s => s.CycleId == cycle.Id, _ct);
        var procurement = await db.Procurements.AsNoTracking().SingleAsync(p => p.CycleId == cycle.Id, _ct);
        var monitoring = await db.Monitorings.AsNoTracking().AsSplitQuery().SingleAsync(m => m.CycleId == cycle.Id, _ct);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);

        foreach (var stage in new[] { StageKind.NeedsAssessment, StageKind.CoDesign, StageKind.Specification, StageKind.Procurement })
        {
            Assert.Equal(StageStatus.SignedOff, cycle.StageOf(stage).Status);
            Assert.NotEmpty(cycle.StageOf(stage).LivedExperienceContributions);
            Assert.Empty(cycle.StageOf(stage).UnansweredLivedExperienceContributions);
        }

        Assert.Equal(StageStatus.Open, cycle.StageOf(StageKind.Monitoring).Status);
        Assert.Equal(specification.Latest.Number, specification.ApprovedVersionNumber);
        Assert.InRange(specification.Latest.Outcomes.Count, 3, 4);
        Assert.All(specification.Latest.Outcomes, o => Assert.StartsWith("I ", o.Statement, StringComparison.Ordinal));

        Assert.Equal(ProcurementRegime.AllianceAgreement, procurement.Regime);
        Assert.Equal(3, procurement.AwardedOrganisationIds.Count);
        var kinds = await db.Organisations.Where(o => procurement.AwardedOrganisationIds.Contains(o.Id)).Select(o => o.Kind).ToListAsync(_ct);
        Assert.Single(kinds, k => k == OrganisationKind.NhsTrust);

        Assert.True(monitoring.IsAlliance);
        Assert.Equal(procurement.AwardedOrganisationIds.Order(), monitoring.ReturningOrganisationIds.Order());
        Assert.Single(monitoring.Parties, p => p.Role == PartyRole.Commissioner);
        Assert.Equal(DemoMonitoringCycle.ContractValue, monitoring.Value);
        Assert.NotEmpty(monitoring.ExtensionOptions);
        Assert.Equal(specification.Latest.Outcomes.Select(o => o.OutcomeId), monitoring.Outcomes.Select(o => o.OutcomeId));
        Assert.Equal(3, monitoring.Kpis.Count);
        var commitment = Assert.Single(monitoring.Commitments);
        Assert.Equal("Referral data shared monthly", commitment.Name);
        var ended = monitoring.Periods.Where(p => p.EndsOn < today).ToList();
        Assert.Equal(4, ended.Count);
        Assert.True(monitoring.Periods[4].HasStarted(today));
        Assert.Equal(ended.Select(p => p.Id).Order(), monitoring.CommitmentResults.Where(r => r.KpiId == commitment.Id).Select(r => r.PeriodId).Order());
    }

    [Fact]
    public async Task The_crisis_alternatives_cycle_has_four_quarters_of_returns_and_ratings_one_divergence_and_a_review_awaiting_its_decision()
    {
        await using var scope = fixture.Db();
        var db = scope.Context;
        var cycle = await db.Cycles.IncludeStages().AsNoTracking().SingleAsync(c => c.Title == DemoMonitoringCycle.Title, _ct);
        var monitoring = await db.Monitorings.AsNoTracking().AsSplitQuery().SingleAsync(m => m.CycleId == cycle.Id, _ct);
        var returns = await db.ProviderReturns.AsNoTracking().AsSplitQuery().Where(r => r.MonitoringId == monitoring.Id).ToListAsync(_ct);
        var ratings = await db.PanelRatings.AsNoTracking().Where(r => r.MonitoringId == monitoring.Id).ToListAsync(_ct);
        var panel = await db.Users.Where(u => u.Email == CyclePeople.PanelEmail || u.Email == DemoProcurementCycle.SecondPanelEmail).Select(u => u.Id).ToListAsync(_ct);
        var champion = await db.Users.Where(u => u.Email == CyclePeople.ChampionEmail).Select(u => u.Id).SingleAsync(_ct);
        var trust = await db.Organisations.Where(o => o.Name == DemoMonitoringCycle.TrustOrganisation).Select(o => o.Id).SingleAsync(_ct);
        var notInAlliance = await db.Organisations.Where(o => o.Name == DemoCycles.ProviderOrganisation).Select(o => o.Id).SingleAsync(_ct);
        var quarters = monitoring.Periods.Take(4).ToList();

        // Every alliance provider returned every quarter, complete, and each return is readable by the other members and the team.
        Assert.Equal(12, returns.Count);
        Assert.All(quarters, q => Assert.Equal(monitoring.ReturningOrganisationIds.Order(), returns.Where(r => r.PeriodId == q.Id).Select(r => r.OrganisationId).Order()));
        foreach (var providerReturn in returns)
        {
            var submitted = providerReturn.Submitted;
            Assert.NotNull(submitted);
            Assert.False(providerReturn.IsBeingCorrected);
            Assert.All(monitoring.Outcomes, o => Assert.False(string.IsNullOrWhiteSpace(submitted.RatingFor(o.OutcomeId)?.Evidence)));
            Assert.All(monitoring.KpisReportedIn(monitoring.FindPeriod(providerReturn.PeriodId)!), k => Assert.NotNull(submitted.ValueFor(k.Id)?.Value));
            Assert.NotEmpty(submitted.CoProductionEvidence);
            var lastDay = monitoring.FindPeriod(providerReturn.PeriodId)!.EndsOn;
            Assert.All(providerReturn.Revisions, v => Assert.True(DateOnly.FromDateTime(v.SubmittedAt!.Value.UtcDateTime) >= lastDay));
            Assert.All(monitoring.ReturningOrganisationIds, o => Assert.True(providerReturn.MayBeReadBy(monitoring, CycleRole.Provider, o)));
            Assert.True(providerReturn.MayBeReadBy(monitoring, CycleRole.Commissioner, null));
            Assert.False(providerReturn.MayBeReadBy(monitoring, CycleRole.Provider, notInAlliance));
        }

        var corrected = Assert.Single(returns, r => r.Revisions.Count > 1);
        Assert.Equal(2, corrected.Submitted!.Number);
        Assert.False(string.IsNullOrWhiteSpace(corrected.Submitted.Reason));

        // Both lived-experience panel members rated every quarter: once logged for a member after a forum, once for the team only.
        Assert.Equal(8, ratings.Count);
        Assert.All(quarters, q => Assert.Equal(panel.Order(), ratings.Where(r => r.PeriodId == q.Id).Select(r => r.MemberUserId).Order()));
        Assert.Equal(champion, Assert.Single(ratings, r => r.IsLoggedOnBehalf).RecordedByUserId);
        Assert.Single(ratings, r => r.Visibility == ContributionVisibility.CommissioningTeam);

        // One divergence, in the latest quarter: the trust rates an outcome two or more levels above the panel's middle rating.
        var flagged = Assert.Single(Divergence.Flagged(monitoring, returns, ratings));
        Assert.Equal(quarters[3].Id, flagged.PeriodId);
        Assert.Equal(trust, flagged.OrganisationId);
        Assert.True(flagged.ProviderRating >= RatingLevel.Good);
        Assert.True(flagged.PanelMedian <= (int)RatingLevel.Fair);

        // The review of the latest quarters has met without deciding, so that is all that stops monitoring being signed off.
        var review = Assert.Single(monitoring.Reviews);
        Assert.False(review.IsDecided);
        Assert.Contains(quarters[3].Id, review.PeriodIds);
        Assert.Contains("The decision on the contract is this review's to make.", review.Minutes);
        Assert.DoesNotContain("next review", review.Minutes, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(
            [MonitoringRules.DecidedReviewRequired],
            CycleMonitoring.SignOffConditions(monitoring.Progress(returns, ratings, DateTimeOffset.UtcNow)).Select(r => r.Rule));
        Assert.False(cycle.StageOf(StageKind.Monitoring).IsSignedOff);
        Assert.False(await db.Lessons.AnyAsync(l => l.CycleId == cycle.Id, _ct));
    }

    [Fact]
    public async Task The_crisis_alternatives_alliance_team_has_a_carried_decision_one_awaiting_a_vote_a_joint_register_and_a_health_check()
    {
        await using var scope = fixture.Db();
        var db = scope.Context;
        var cycleId = await db.Cycles.Where(c => c.Title == DemoMonitoringCycle.Title).Select(c => c.Id).SingleAsync(_ct);
        var procurement = await db.Procurements.AsNoTracking().SingleAsync(p => p.CycleId == cycleId, _ct);
        var monitoring = await db.Monitorings.AsNoTracking().AsSplitQuery().SingleAsync(m => m.CycleId == cycleId, _ct);
        var team = await db.AllianceTeams.AsNoTracking().AsSplitQuery().SingleAsync(t => t.CycleId == cycleId, _ct);

        Assert.True(team.IsComplete(procurement));
        Assert.Equal(4, team.Members.Count);
        Assert.Single(team.Members, m => m.Party == AllianceParty.Commissioner);

        Assert.Equal(2, team.Decisions.Count);
        var carried = Assert.Single(team.Decisions, d => d.IsCarried);
        Assert.Equal(4, team.StatusOf(carried).AgreedMemberIds.Count);
        var awaiting = team.StatusOf(Assert.Single(team.Decisions, d => !d.IsCarried));
        Assert.Single(awaiting.MissingMemberIds);
        Assert.Empty(awaiting.DisagreeingMemberIds);

        Assert.InRange(team.Risks.Count, 3, 4);
        Assert.True(team.Risks.Select(r => r.OwnerMemberId).Distinct().Count() > 1);
        Assert.Single(team.OverdueRisks(DateOnly.FromDateTime(DateTime.UtcNow)));
        Assert.True(Assert.Single(team.Disputes).IsResolved);

        var lastQuarter = monitoring.Periods[3];
        Assert.Equal([lastQuarter.Id], team.RatedPeriodIds);
        var health = team.HealthResult(lastQuarter.Id);
        Assert.Equal(4, health.RatedMemberIds.Count);
        Assert.Empty(health.MissingMemberIds);
    }

    [Theory]
    [InlineData(DemoMonitoringCycle.TrustEmail)]
    [InlineData(DemoProcurementCycle.SecondPanelEmail)]
    public async Task The_crisis_alternatives_cycle_opens_for_its_new_provider_and_second_panel_member(string email)
    {
        Guid cycleId;
        await using (var scope = fixture.Db())
        {
            cycleId = await scope.Context.Cycles.Where(c => c.Title == DemoMonitoringCycle.Title).Select(c => c.Id).SingleAsync(_ct);
        }

        var client = await fixture.SignedInAsync(email);
        var overview = await client.GetAsync(CycleUrls.Overview(cycleId), _ct);

        Assert.Equal(HttpStatusCode.OK, overview.Status);
        Assert.Contains(DemoMonitoringCycle.Title, overview.Text);
    }

    [Fact]
    public async Task Seeding_again_adds_no_cycles_organisations_or_members()
    {
        int Count(CoproDbContext db) => db.Cycles.Count() + db.Organisations.Count() + db.Memberships.Count()
            + db.Specifications.Count() + db.GlossaryTerms.Count() + db.Users.Count()
            + db.Procurements.Count() + db.Bids.Count() + db.Scorecards.Count()
            + db.Monitorings.Count() + db.ProviderReturns.Count() + db.PanelRatings.Count() + db.AllianceTeams.Count();
        int before;
        await using (var scope = fixture.Db())
        {
            before = Count(scope.Context);
            await scope.Services.GetRequiredService<DemoSeeder>().SeedAsync(_ct);
        }

        await using var check = fixture.Db();
        Assert.Equal(before, Count(check.Context));
        Assert.Equal(1, await check.Context.Cycles.CountAsync(c => c.Title == DemoCycles.CrisisTitle, _ct));
        Assert.Equal(1, await check.Context.Cycles.CountAsync(c => c.Title == DemoProcurementCycle.Title, _ct));
        Assert.Equal(1, await check.Context.Cycles.CountAsync(c => c.Title == DemoMonitoringCycle.Title, _ct));
        Assert.Equal(1, await check.Context.Organisations.CountAsync(o => o.Name == DemoProcurementCycle.SanctuaryOrganisation, _ct));
    }
}
