using CoproCommissioning.Data;
using CoproCommissioning.Domain.Cycles;
using CoproCommissioning.Domain.Specification;
using CoproCommissioning.Domain.Monitoring;
using CoproCommissioning.Domain.Testing;
using Microsoft.EntityFrameworkCore;

namespace CoproCommissioning.Web.Tests.Authorization;

/// <summary>
/// The monitoring pages in the matrix: a second cycle of the same members in monitoring under an alliance contract (so
/// every part has content: the alliance's pages exist only for an alliance), with a KPI, a return submitted by the
/// provider's organisation, a panel rating, a recorded review, the alliance leadership team with its members, a decision,
/// a risk and a dispute, and a lesson: the real children a member of both cycles puts under the first cycle's address.
/// </summary>
public static class MonitoringMatrix
{
    /// <summary>
    /// How to find one real id of each kind of monitoring child in given cycles (<c>@cycles</c>), by the route parameter
    /// that names it, for <see cref="CycleSecrets.RealChildIdsAsync"/>.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> ChildIdQueries = new Dictionary<string, string>
    {
        ["periodId"] = "select x.id from monitoring_periods x join monitoring_contracts m on m.id = x.monitoring_id where m.cycle_id = any(@cycles)",
        ["kpiId"] = "select x.id from monitoring_kpis x join monitoring_contracts m on m.id = x.monitoring_id where m.cycle_id = any(@cycles)",
        ["reviewId"] = "select x.id from monitoring_reviews x join monitoring_contracts m on m.id = x.monitoring_id where m.cycle_id = any(@cycles)",
        ["returnId"] = "select x.id from monitoring_returns x where x.cycle_id = any(@cycles)",
        ["ratingId"] = "select x.id from monitoring_panel_ratings x where x.cycle_id = any(@cycles)",
        ["lessonId"] = "select x.id from monitoring_lessons x where x.cycle_id = any(@cycles)",
        ["memberId"] = "select x.id from alliance_members x join alliance_teams t on t.id = x.team_id where t.cycle_id = any(@cycles)",
        ["riskId"] = "select x.id from alliance_risks x join alliance_teams t on t.id = x.team_id where t.cycle_id = any(@cycles)",
        ["disputeId"] = "select x.id from alliance_disputes x join alliance_teams t on t.id = x.team_id where t.cycle_id = any(@cycles)",
    };

    /// <summary>After the first quarter's returns came in: when the review, the team's work and the lesson are recorded.</summary>
    private static readonly DateTimeOffset AfterFirstQuarter = new(2026, 8, 3, 9, 0, 0, TimeSpan.Zero);

    public static async Task PlantAsync(DatabaseFixture fixture)
    {
        var people = await CycleTestData.LoadPeopleAsync(fixture);
        var monitored = await TestMonitoring.ContractedAsync(fixture, people, alliance: true);
        var returnId = await TestMonitoring.ReturnedAsync(fixture, monitored, 1, people.Provider, people.ProviderOrganisation);
        await TestMonitoring.RatedAsync(fixture, monitored, 1, people.Panel, RatingLevel.Fair);

        await using var scope = fixture.Db();
        var db = scope.Context;
        var now = AfterFirstQuarter;
        var cycle = await db.Cycles.IncludeStages().SingleAsync(c => c.Id == monitored.CycleId);
        var monitoring = await db.Monitorings.AsSplitQuery().SingleAsync(m => m.Id == monitored.MonitoringId);
        var procurement = await db.Procurements.AsNoTracking().AsSplitQuery().SingleAsync(p => p.CycleId == monitored.CycleId);
        Expect.Success(monitoring.RecordReview(cycle, new ReviewDraft(new DateOnly(2026, 7, 30),
            [new DecisionParticipant(people.Commissioner, CycleRole.Commissioner), new DecisionParticipant(people.Panel, CycleRole.PanelMember)],
            "", "We looked at the first quarter with the panel.", [monitored.PeriodIds[0]]), people.Commissioner, CycleRole.Commissioner, now));

        var team = Expect.Success(AllianceLeadershipTeam.Start(cycle, procurement, people.Commissioner, CycleRole.Commissioner, now));
        var commissioner = Expect.Success(team.AddMember(cycle, procurement, AllianceParty.Commissioner, null,
            new NamedPerson(people.Commissioner, CycleRole.Commissioner, null), people.Commissioner, CycleRole.Commissioner, now));
        Expect.Success(team.AddMember(cycle, procurement, AllianceParty.Provider, people.ProviderOrganisation,
            new NamedPerson(people.Provider, CycleRole.Provider, people.ProviderOrganisation), people.Commissioner, CycleRole.Commissioner, now));
        Expect.Success(team.AddMember(cycle, procurement, AllianceParty.Provider, monitored.SecondOrganisation,
            new NamedPerson(monitored.SecondProvider!, CycleRole.Provider, monitored.SecondOrganisation), people.Commissioner, CycleRole.Commissioner, now));
        Expect.Success(team.Propose(cycle, procurement, "Share one out-of-hours rota", "Both members staff one rota from October.", people.Provider, now));
        Expect.Success(team.AddRisk(cycle, new RiskDraft("Night staff leave before the rota starts", commissioner.Id, 3, 4,
            "Recruit two peer workers in September.", new DateOnly(2026, 9, 30)), people.Commissioner, now));
        Expect.Success(team.RaiseDispute(cycle, "Who pays for the shared phone line.", DisputeRoute.LeadershipTeam, people.Provider, now));
        var lesson = Expect.Success(Lesson.Record(cycle, "Peer workers on the night shift were what people valued most.",
            [new LessonCitation(LessonSourceKind.ProviderReturn, returnId)], new LessonSources([returnId], []), people.Commissioner, CycleRole.Commissioner, now));
        db.AllianceTeams.Add(team);
        db.Lessons.Add(lesson);
        await db.SaveChangesAsync();
    }
}
