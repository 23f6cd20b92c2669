using CoproCommissioning.Data.Notifications;
using CoproCommissioning.Data.Outbox;
using CoproCommissioning.Web.Infrastructure.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace CoproCommissioning.Web.Tests.Notifications;

/// <summary>
/// "Stop emails like this" stops them: what was waiting for a summary when a person turned a kind off (by the link in an
/// email or on their preferences page) is not emailed in the next summary; the rest of the summary still goes.
/// </summary>
public sealed class StoppedSummaryTests(CyclePagesFixture fixture) : IClassFixture<CyclePagesFixture>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_kind_turned_off_after_it_was_raised_is_left_out_of_the_next_summary_and_shown_as_not_emailed()
    {
        var now = NotificationScheduler.LatestDailyCutoff(DateTimeOffset.UtcNow).AddMinutes(5);
        var cutoff = NotificationScheduler.LatestDailyCutoff(now);
        var cycleId = await fixture.CreateCycleAsync(title: "Stopped summary cycle");
        var carer = fixture.People.Carer;
        var stopped = await AddAsync(carer, cycleId, NotificationKind.StageSignedOff, "Signed off before stopping", cutoff.AddHours(-2));
        var wanted = await AddAsync(carer, cycleId, NotificationKind.DecisionCitesInput, "A decision still wanted", cutoff.AddHours(-1));
        var onlyStopped = await AddAsync(fixture.People.Clinician, cycleId, NotificationKind.StageSignedOff, "Nothing else for the clinician",
            cutoff.AddHours(-1));

        // As the unsubscribe link in yesterday's summary and the preferences page save it.
        await using (var scope = fixture.Db())
        {
            scope.Context.NotificationPreferences.AddRange(
                new NotificationPreference(carer, NotificationKind.StageSignedOff, NotificationFrequency.NotByEmail),
                new NotificationPreference(fixture.People.Clinician, NotificationKind.StageSignedOff, NotificationFrequency.NotByEmail));
            await scope.Context.SaveChangesAsync(_ct);
        }

        var pass = await SchedulerAt(now).RunOnceAsync(_ct);
        await SchedulerAt(now.AddMinutes(5)).RunOnceAsync(_ct);

        Assert.Equal(1, pass.DailySummaries);
        var summary = Assert.Single(await SummariesToAsync(CyclePeople.CarerEmail));
        Assert.Contains("A decision still wanted", summary.TextBody);
        Assert.DoesNotContain("Signed off before stopping", summary.TextBody);
        Assert.DoesNotContain("Signed off before stopping", summary.HtmlBody);
        Assert.DoesNotContain(NotificationCatalogue.Of(NotificationKind.StageSignedOff).Name, summary.TextBody);
        Assert.Empty(await SummariesToAsync(CyclePeople.ClinicianEmail));

        await using var read = fixture.Db();
        var rows = await read.Context.Notifications.AsNoTracking().Where(n => n.Id == stopped || n.Id == wanted || n.Id == onlyStopped)
            .ToDictionaryAsync(n => n.Id, _ct);
        Assert.NotNull(rows[wanted].EmailedAt);
        // The person's data download says truthfully that these were never emailed, and no later summary picks them up.
        Assert.All(new[] { rows[stopped], rows[onlyStopped] }, n =>
        {
            Assert.Null(n.EmailedAt);
            Assert.Equal(NotificationFrequency.NotByEmail, n.Frequency);
        });
    }

    private NotificationScheduler SchedulerAt(DateTimeOffset now) => new(
        fixture.Factory.Services.GetRequiredService<IServiceScopeFactory>(), new FakeTimeProvider(now),
        Options.Create(new NotificationSchedulerOptions { SchedulerEnabled = false }), NullLogger<NotificationScheduler>.Instance);

    private async Task<Guid> AddAsync(string userId, Guid cycleId, NotificationKind kind, string title, DateTimeOffset createdAt)
    {
        await using var scope = fixture.Db();
        var notification = new Notification(userId, kind, cycleId, title, $"{title}: the words.", $"/cycles/{cycleId}",
            NotificationFrequency.DailySummary, createdAt);
        scope.Context.Notifications.Add(notification);
        await scope.Context.SaveChangesAsync(_ct);
        return notification.Id;
    }

    private async Task<List<OutboxMessage>> SummariesToAsync(string email)
    {
        await using var scope = fixture.Db();
        return await scope.Context.Outbox.AsNoTracking().Where(m => m.To == email && m.Purpose == "Daily summary").ToListAsync(_ct);
    }
}
