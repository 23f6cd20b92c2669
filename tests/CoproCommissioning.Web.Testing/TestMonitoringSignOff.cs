using CoproCommissioning.Data;
using CoproCommissioning.Domain.Cycles;
using CoproCommissioning.Domain.Monitoring;
using CoproCommissioning.Domain.Specification;
using CoproCommissioning.Domain.Testing;
using Microsoft.EntityFrameworkCore;

namespace CoproCommissioning.Web.Testing;

/// <summary>
/// Takes a cycle arranged by <see cref="TestMonitoring"/> to where its monitoring can be signed off but for a lesson: a
/// panel member's input in monitoring, answered; every returning party's return for each period due by the real clock;
/// a review of the latest of them, decided with a decision recorded in the monitoring stage; and the panel's ratings of
/// that period. Each part can be left out, for tests of the condition it meets. Saved as other requests would.
/// </summary>
public static class TestMonitoringSignOff
{
    /// <summary>What was arranged: the submitted returns, the panel's rating and the answered input, by id.</summary>
    public sealed record Ready(IReadOnlyList<Guid> ReturnIds, Guid? RatingId, Guid ContributionId, Guid? ReviewId);

    public static async Task<Ready> ArrangeAsync(
        DatabaseFixture fixture, CyclePeople people, TestMonitoring.Monitored monitored,
        bool withReturns = true, bool withReview = true, bool withRating = true)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        ArgumentNullException.ThrowIfNull(people);
        ArgumentNullException.ThrowIfNull(monitored);
        var now = DateTimeOffset.UtcNow;
        Guid contributionId;
        Guid? reviewId = null;
        ReportingPeriod last;
        IReadOnlyList<ReportingPeriod> due;
        IReadOnlyList<Guid> returning;
        await using (var scope = fixture.Db())
        {
            var db = scope.Context;
            var cycle = await db.Cycles.IncludeStages().SingleAsync(c => c.Id == monitored.CycleId);
            var monitoring = await db.Monitorings.AsSplitQuery().SingleAsync(m => m.Id == monitored.MonitoringId);
            var today = DateOnly.FromDateTime(now.UtcDateTime);
            due = [.. monitoring.Periods.Where(p => p.IsDue(today))];
            last = due.Count > 0 ? due[^1] : throw new InvalidOperationException("No reporting period is due yet by the real clock.");
            returning = monitoring.ReturningOrganisationIds;

            var input = Expect.Success(cycle.AddContribution(StageKind.Monitoring, people.Panel, CycleRole.PanelMember, Voice.LivedExperience,
                Channel.Workshop, ContributionVisibility.Everyone, "The evening phone line is what kept me out of A&E", "", now.AddMinutes(-30)));
            Expect.Success(cycle.Respond(input.Id, people.Commissioner, CycleRole.Commissioner, ResponseType.Adopted,
                "The review kept the evening line in the contract.", now.AddMinutes(-29)));
            contributionId = input.Id;
            if (withReview)
            {
                DecisionParticipant[] participants =
                    [new(people.Commissioner, CycleRole.Commissioner), new(people.Panel, CycleRole.PanelMember)];
                var decision = Expect.Success(cycle.RecordDecision(StageKind.Monitoring, new DecisionDetails(
                    "Continue the contract", "The service carries on as it is for another year.", DecisionMode.CommissionerLed,
                    "The providers' returns and the panel's ratings agree that people get help early.", CoProductionLadderRung.Engagement,
                    now.AddMinutes(-20), participants, []), people.Commissioner, CycleRole.Commissioner, now.AddMinutes(-20)));
                var review = Expect.Success(monitoring.RecordReview(cycle,
                    new ReviewDraft(today, participants, "", "We looked at the latest quarter's returns and the panel's ratings.", [last.Id]),
                    people.Commissioner, CycleRole.Commissioner, now.AddMinutes(-19)));
                Expect.Success(monitoring.DecideReview(cycle, review.Id, new ReviewDecisionDraft(decision.Id, ReviewDecisionType.Continue), ReviewSources.None,
                    people.Commissioner, CycleRole.Commissioner, now.AddMinutes(-18)));
                reviewId = review.Id;
            }

            await db.SaveChangesAsync();
        }

        List<Guid> returns = [];
        if (withReturns)
        {
            foreach (var period in due)
            {
                foreach (var organisation in returning)
                {
                    var provider = organisation == people.ProviderOrganisation ? people.Provider : monitored.SecondProvider!;
                    returns.Add(await TestMonitoring.ReturnedAsync(fixture, monitored, period.Number, provider, organisation));
                }
            }
        }

        Guid? rating = withRating ? await TestMonitoring.RatedAsync(fixture, monitored, last.Number, people.Panel, RatingLevel.Good) : null;
        return new Ready(returns, rating, contributionId, reviewId);
    }

    /// <summary>A lesson recorded by the commissioner, citing <paramref name="citations"/>.</summary>
    public static async Task<Guid> LessonAsync(DatabaseFixture fixture, CyclePeople people, Guid cycleId, string text, params LessonCitation[] citations)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        ArgumentNullException.ThrowIfNull(people);
        await using var scope = fixture.Db();
        var db = scope.Context;
        var cycle = await db.Cycles.IncludeStages().SingleAsync(c => c.Id == cycleId);
        var returns = await db.ProviderReturns.Where(r => r.CycleId == cycleId).ToListAsync();
        var ratings = await db.PanelRatings.Where(r => r.CycleId == cycleId).Select(r => r.Id).ToListAsync();
        var sources = new LessonSources([.. returns.Where(r => r.IsSubmitted).Select(r => r.Id)], ratings);
        var lesson = Expect.Success(Lesson.Record(cycle, text, citations, sources, people.Commissioner, CycleRole.Commissioner, DateTimeOffset.UtcNow));
        db.Lessons.Add(lesson);
        await db.SaveChangesAsync();
        return lesson.Id;
    }
}
