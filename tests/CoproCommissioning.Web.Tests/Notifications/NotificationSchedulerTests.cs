using CoproCommissioning.Data;
using CoproCommissioning.Data.Notifications;
using CoproCommissioning.Domain.Cycles;
using CoproCommissioning.Domain.Procurement;
using CoproCommissioning.Domain.Testing;
using CoproCommissioning.Web.Infrastructure.Notifications;
using CoproCommissioning.Web.Tests.Pages.Cycles.Procurement;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace CoproCommissioning.Web.Tests.Notifications;

/// <summary>Events found by looking, each raised once, and the daily and weekly summaries, sent once however many instances run.</summary>
public sealed class NotificationSchedulerTests(CyclePagesFixture fixture) : IClassFixture<CyclePagesFixture>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Two_instances_at_once_send_one_daily_summary_per_person_grouped_by_cycle_and_leave_later_ones_waiting()
    {
        var now = NotificationScheduler.LatestDailyCutoff(DateTimeOffset.UtcNow).AddMinutes(5);
        var cutoff = NotificationScheduler.LatestDailyCutoff(now);
        await ForgetSeededNotificationsAsync();
        var alpha = await fixture.CreateCycleAsync(title: "Alpha crisis café");
        var beta = await fixture.CreateCycleAsync(title: "Beta recovery college");
        var p = fixture.People;
        var waiting = new[]
        {
            await AddAsync(p.Carer, alpha, NotificationFrequency.DailySummary, "First in alpha", cutoff.AddHours(-3)),
            await AddAsync(p.Carer, alpha, NotificationFrequency.DailySummary, "Second in alpha", cutoff.AddHours(-2)),
            await AddAsync(p.Carer, beta, NotificationFrequency.DailySummary, "Only in beta", cutoff.AddHours(-1)),
            await AddAsync(p.Clinician, beta, NotificationFrequency.DailySummary, "For the clinician", cutoff.AddHours(-1)),
        };
        var tooLate = await AddAsync(p.Carer, alpha, NotificationFrequency.DailySummary, "After the cut-off", cutoff.AddMinutes(1));

        var passes = await Task.WhenAll(SchedulerAt(now).RunOnceAsync(_ct), SchedulerAt(now).RunOnceAsync(_ct));
        await SchedulerAt(now.AddMinutes(5)).RunOnceAsync(_ct);

        Assert.Equal(2, passes.Sum(pass => pass.DailySummaries));
        var carer = Assert.Single(await SummariesToAsync(CyclePeople.CarerEmail, "Daily summary"));
        Assert.Single(await SummariesToAsync(CyclePeople.ClinicianEmail, "Daily summary"));
        var text = carer.TextBody;
        Assert.True(text.IndexOf("Alpha crisis café", StringComparison.Ordinal) < text.IndexOf("First in alpha", StringComparison.Ordinal));
        Assert.True(text.IndexOf("Second in alpha", StringComparison.Ordinal) < text.IndexOf("Beta recovery college", StringComparison.Ordinal));
        Assert.True(text.IndexOf("Beta recovery college", StringComparison.Ordinal) < text.IndexOf("Only in beta", StringComparison.Ordinal));
        Assert.DoesNotContain("After the cut-off", text);
        Assert.DoesNotContain("For the clinician", text);
        Assert.Equal("List-Unsubscribe=One-Click", carer.Headers["List-Unsubscribe-Post"]);

        await using var scope = fixture.Db();
        var emailed = await scope.Context.Notifications.AsNoTracking().Where(n => waiting.Contains(n.Id) || n.Id == tooLate)
            .ToDictionaryAsync(n => n.Id, n => n.EmailedAt, _ct);
        Assert.All(waiting, id => Assert.NotNull(emailed[id]));
        Assert.Null(emailed[tooLate]);
    }

    [Fact]
    public async Task A_weekly_summary_waits_for_monday_morning()
    {
        var monday = NotificationScheduler.LatestWeeklyCutoff(DateTimeOffset.UtcNow);
        var cycleId = await fixture.CreateCycleAsync(title: "Weekly summary cycle");
        await AddAsync(fixture.People.Observer, cycleId, NotificationFrequency.WeeklySummary, "Raised on a Monday afternoon", monday.AddHours(6));

        var sameWeek = await SchedulerAt(monday.AddDays(3)).RunOnceAsync(_ct);
        Assert.Empty(await SummariesToAsync(CyclePeople.ObserverEmail, "Weekly summary"));

        var nextMonday = await SchedulerAt(monday.AddDays(7).AddMinutes(1)).RunOnceAsync(_ct);
        Assert.Equal(0, sameWeek.WeeklySummaries);
        Assert.Equal(1, nextMonday.WeeklySummaries);
        Assert.Contains("Raised on a Monday afternoon", Assert.Single(await SummariesToAsync(CyclePeople.ObserverEmail, "Weekly summary")).TextBody);
    }

    [Fact]
    public async Task Input_waiting_over_a_week_tells_the_commissioner_and_champion_once_a_day_with_the_count()
    {
        var cycleId = await fixture.CreateCycleAsync(c => { c.FromPanel(); c.FromPanel(summary: "Evening groups"); c.Respond(c.FromProvider()); });
        var later = DateTimeOffset.UtcNow.AddDays(8);

        await SchedulerAt(later).RunOnceAsync(_ct);
        await SchedulerAt(later.AddMinutes(5)).RunOnceAsync(_ct);
        var firstDay = await RaisedAsync(cycleId, NotificationKind.InputAwaitingResponse);
        await SchedulerAt(later.AddDays(1)).RunOnceAsync(_ct);
        var secondDay = await RaisedAsync(cycleId, NotificationKind.InputAwaitingResponse);

        Assert.Equal(new[] { fixture.People.Commissioner, fixture.People.Champion }.Order(), firstDay.Select(n => n.UserId).Order());
        Assert.All(firstDay, n => Assert.Contains("2 contributions", n.Text));
        Assert.Equal(4, secondDay.Count);
    }

    [Fact]
    public async Task Evaluators_hear_they_are_on_the_panel_providers_hear_the_deadline_is_near_and_scoring_is_due_once()
    {
        var p = fixture.People;
        var cycleId = await AwardArrangement.CycleAsync(fixture, _ct);
        var opened = Moments.Now;
        var deadline = opened.AddDays(10);
        await using (var scope = fixture.As(p.Commissioner))
        {
            var cycle = await scope.Context.Cycles.IncludeStages().SingleAsync(c => c.Id == cycleId, _ct);
            var procurement = Expect.Success(CycleProcurement.Start(cycle, new RouteChoice(ProcurementRegime.ProviderSelectionRegime,
                ProcurementRoute.CompetitiveProcess, new RouteQuestions(ExistingProvider: false, null, UnrestrictedChoice: false, null),
                "Three providers could run it."), p.Commissioner, CycleRole.Commissioner, opened));
            var criterion = Expect.Success(procurement.AddCriterion(cycle, new CriterionDraft("Co-production", "Working with people.",
                CriterionKind.Scored, 100, IsCoProduction: true), CriterionCitations.None, p.Commissioner, CycleRole.Commissioner, opened));
            foreach (var (userId, role, evaluatorRole) in new[]
            {
                (p.Panel, CycleRole.PanelMember, EvaluatorRole.LivedExperience),
                (p.Clinician, CycleRole.ClinicalAdviser, EvaluatorRole.ClinicalAdviser),
                (p.Commissioner, CycleRole.Commissioner, EvaluatorRole.Officer),
            })
            {
                var evaluator = Expect.Success(procurement.AddEvaluator(cycle, userId, role, evaluatorRole, [criterion.Id], p.Commissioner,
                    CycleRole.Commissioner, opened));
                if (evaluatorRole == EvaluatorRole.LivedExperience)
                {
                    Expect.Success(procurement.RecordBriefing(cycle, evaluator.Id, new DateOnly(2026, 2, 20), "Sam Green", p.Commissioner,
                        CycleRole.Commissioner, opened));
                }

                Expect.Success(procurement.Declare(cycle, evaluator.Id, new DeclarationDraft(false, null, null), userId, opened));
                Expect.Success(procurement.AcceptDeclaration(cycle, evaluator.Id, p.Commissioner, CycleRole.Commissioner, opened));
            }

            Expect.Success(procurement.OpenBidding(cycle, deadline, p.Commissioner, CycleRole.Commissioner, opened));
            scope.Context.Procurements.Add(procurement);
            await scope.Context.SaveChangesAsync(_ct);
        }

        var assigned = await RaisedAsync(cycleId, NotificationKind.ScoringAssigned);
        Assert.Equal(new[] { p.Panel, p.Clinician }.Order(), assigned.Select(n => n.UserId).Order());

        await SchedulerAt(deadline.AddDays(-4)).RunOnceAsync(_ct);
        Assert.Empty(await RaisedAsync(cycleId, NotificationKind.BidDeadlineApproaching));
        await SchedulerAt(deadline.AddDays(-2)).RunOnceAsync(_ct);
        await SchedulerAt(deadline.AddDays(-1)).RunOnceAsync(_ct);
        Assert.Equal([p.Provider], (await RaisedAsync(cycleId, NotificationKind.BidDeadlineApproaching)).Select(n => n.UserId));

        await using (var scope = fixture.Db())
        {
            var cycle = await scope.Context.Cycles.IncludeStages().SingleAsync(c => c.Id == cycleId, _ct);
            var procurement = await scope.Context.Procurements.SingleAsync(x => x.CycleId == cycleId, _ct);
            var bid = Expect.Success(Bid.Start(cycle, procurement, p.ProviderOrganisation, false, p.Provider, CycleRole.Provider, opened));
            Expect.Success(bid.Save(cycle, procurement, new BidDraft(null, new Dictionary<Guid, string?> { [procurement.Criteria[0].Id] = "A paid peer forum." }, null),
                p.Provider, CycleRole.Provider, p.ProviderOrganisation, opened));
            Expect.Success(bid.Submit(cycle, procurement, p.Provider, CycleRole.Provider, p.ProviderOrganisation, opened));
            scope.Context.Bids.Add(bid);
            await scope.Context.SaveChangesAsync(_ct);
        }

        await SchedulerAt(deadline.AddHours(1)).RunOnceAsync(_ct);
        await SchedulerAt(deadline.AddHours(2)).RunOnceAsync(_ct);
        var due = await RaisedAsync(cycleId, NotificationKind.ScoringDue);
        Assert.Equal(new[] { p.Panel, p.Clinician, p.Commissioner }.Order(), due.Select(n => n.UserId).Order());
    }

    private NotificationScheduler SchedulerAt(DateTimeOffset now) => new(
        fixture.Factory.Services.GetRequiredService<IServiceScopeFactory>(), new FakeTimeProvider(now),
        Options.Create(new NotificationSchedulerOptions { SchedulerEnabled = false }), NullLogger<NotificationScheduler>.Instance);

    private async Task<Guid> AddAsync(string userId, Guid cycleId, NotificationFrequency frequency, string title, DateTimeOffset createdAt)
    {
        await using var scope = fixture.Db();
        var notification = new Notification(userId, NotificationKind.StageSignedOff, cycleId, title, $"{title}: the words.", $"/cycles/{cycleId}",
            frequency, createdAt);
        scope.Context.Notifications.Add(notification);
        await scope.Context.SaveChangesAsync(_ct);
        return notification.Id;
    }

    private async Task<List<CoproCommissioning.Data.Outbox.OutboxMessage>> SummariesToAsync(string email, string purpose)
    {
        await using var scope = fixture.Db();
        return await scope.Context.Outbox.AsNoTracking().Where(m => m.To == email && m.Purpose == purpose).ToListAsync(_ct);
    }

    private async Task<List<Notification>> RaisedAsync(Guid cycleId, NotificationKind kind)
    {
        await using var scope = fixture.Db();
        return await scope.Context.Notifications.AsNoTracking().Where(n => n.CycleId == cycleId && n.Kind == kind).ToListAsync(_ct);
    }

    // The demo cycles' seeded history raised notifications of its own (daily for some accounts); counting summaries is
    // only meaningful over the ones this test adds.
    private async Task ForgetSeededNotificationsAsync()
    {
        await using var scope = fixture.Db();
        await scope.Context.Notifications.ExecuteDeleteAsync(_ct);
    }
}
