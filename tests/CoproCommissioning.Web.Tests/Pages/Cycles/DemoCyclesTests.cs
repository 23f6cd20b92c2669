using System.Net;
using CoproCommissioning.Data;
using CoproCommissioning.Domain.Cycles;
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
    public async Task Seeding_again_adds_no_cycles_organisations_or_members()
    {
        int Count(CoproDbContext db) => db.Cycles.Count() + db.Organisations.Count() + db.Memberships.Count()
            + db.Specifications.Count() + db.GlossaryTerms.Count() + db.Users.Count()
            + db.Procurements.Count() + db.Bids.Count() + db.Scorecards.Count();
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
    }
}
