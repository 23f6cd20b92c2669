using System.Globalization;
using CoproCommissioning.Data.Configurations;
using CoproCommissioning.Data.Notifications;
using CoproCommissioning.Data.Outbox;
using CoproCommissioning.Domain.Procurement;
using Microsoft.Extensions.Options;

namespace CoproCommissioning.Web.Infrastructure.Notifications;

public sealed class NotificationSchedulerOptions
{
    public const string Section = "Notifications";

    /// <summary>Off only where something else runs the passes (a test that calls <see cref="NotificationScheduler.RunOnceAsync"/>).</summary>
    public bool SchedulerEnabled { get; set; } = true;

    /// <summary>How often a pass runs. The first runs one interval after start, so a short-lived host never runs one.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(5);
}

/// <summary>What one pass did: events raised, and summaries written to the outbox.</summary>
public sealed record SchedulerPass(int Raised, int DailySummaries, int WeeklySummaries);

/// <summary>
/// Events nobody's save causes, found by looking (a comment window closing in 2 days, scoring due, a bid deadline in 3
/// days, input waiting more than 7 days for a response), each raised once through its <see cref="Notification.OnceKey"/>;
/// then the daily (07:00 in England) and weekly (Monday 07:00) summaries. Safe with several app instances: one instance
/// at a time looks for events (an advisory lock), and each summary's notifications are claimed by one UPDATE that skips
/// rows another instance holds, so no summary is sent twice (docs/decisions/0025-notifications.md).
/// </summary>
public sealed class NotificationScheduler(IServiceScopeFactory scopes, TimeProvider clock, IOptions<NotificationSchedulerOptions> options,
    ILogger<NotificationScheduler> logger) : BackgroundService
{
    public static readonly TimeSpan CommentWindowWarning = TimeSpan.FromDays(2);
    public static readonly TimeSpan BidDeadlineWarning = TimeSpan.FromDays(3);
    public static readonly TimeSpan InputWaitingTooLong = TimeSpan.FromDays(7);

    /// <summary>Scoring due is raised for deadlines this recent, so an install that starts sending does not remind about old ones.</summary>
    public static readonly TimeSpan ScoringDueLookBack = TimeSpan.FromDays(14);

    private static readonly TimeOnly SummaryTime = new(7, 0);
    private static readonly TimeZoneInfo England = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    // Any number, the same for every instance: one instance at a time looks for scheduled events.
    private const long ScheduledEventsLock = 0x4e4f54494659; // "NOTIFY"

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.SchedulerEnabled)
        {
            return;
        }

        using var timer = new PeriodicTimer(options.Value.Interval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The next pass tries again; nothing was committed by the one that failed.
                logger.LogError(e, "A notification pass failed");
            }
        }
    }

    /// <summary>One pass, as the background loop runs it; tests call it directly.</summary>
    public async Task<SchedulerPass> RunOnceAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        int raised;
        await using (var scope = scopes.CreateAsyncScope())
        {
            raised = await RaiseScheduledAsync(scope.ServiceProvider, now, ct);
        }

        var daily = await SendSummariesAsync(NotificationFrequency.DailySummary, LatestDailyCutoff(now), now, ct);
        var weekly = await SendSummariesAsync(NotificationFrequency.WeeklySummary, LatestWeeklyCutoff(now), now, ct);
        return new SchedulerPass(raised, daily, weekly);
    }

    /// <summary>The latest 07:00 in England at or before <paramref name="now"/>: daily summaries gather what came before it.</summary>
    public static DateTimeOffset LatestDailyCutoff(DateTimeOffset now)
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, England).DateTime);
        var cutoff = SevenInEngland(today);
        return cutoff <= now ? cutoff : SevenInEngland(today.AddDays(-1));
    }

    /// <summary>The latest Monday 07:00 in England at or before <paramref name="now"/>.</summary>
    public static DateTimeOffset LatestWeeklyCutoff(DateTimeOffset now)
    {
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, England).DateTime);
        while (day.DayOfWeek != DayOfWeek.Monday || SevenInEngland(day) > now)
        {
            day = day.AddDays(-1);
        }

        return SevenInEngland(day);
    }

    private static DateTimeOffset SevenInEngland(DateOnly day) =>
        new(TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(SummaryTime, DateTimeKind.Unspecified), England), TimeSpan.Zero);

    private static async Task<int> RaiseScheduledAsync(IServiceProvider services, DateTimeOffset now, CancellationToken ct)
    {
        var db = services.GetRequiredService<CoproDbContext>();
        var raiser = services.GetRequiredService<NotificationRaiser>();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var mine = await db.Database.SqlQuery<bool>($"SELECT pg_try_advisory_xact_lock({ScheduledEventsLock}) AS \"Value\"").SingleAsync(ct);
        if (!mine)
        {
            return 0;
        }

        List<PendingNotification> pending = [];
        pending.AddRange(await CommentWindowsClosingAsync(db, now, ct));
        pending.AddRange(await ScoringDueAsync(db, now, ct));
        pending.AddRange(await BidDeadlinesApproachingAsync(db, now, ct));
        pending.AddRange(await InputAwaitingResponseAsync(db, now, ct));
        if (pending.Count == 0)
        {
            return 0;
        }

        var keys = pending.Select(p => p.OnceKey!).Distinct().ToList();
        var raisedBefore = (await db.Notifications.AsNoTracking()
                .Where(n => n.OnceKey != null && keys.Contains(n.OnceKey))
                .Select(n => new { n.UserId, n.OnceKey })
                .ToListAsync(ct))
            .Select(n => (n.UserId, n.OnceKey!))
            .ToHashSet();
        var fresh = pending.Where(p => !raisedBefore.Contains((p.UserId, p.OnceKey!))).ToList();
        var added = await raiser.RaiseAsync(db, fresh, now, ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return added.OfType<Notification>().Count();
    }

    private static async Task<IEnumerable<PendingNotification>> CommentWindowsClosingAsync(CoproDbContext db, DateTimeOffset now, CancellationToken ct)
    {
        var soon = now + CommentWindowWarning;
        var windows = (await (
                    from s in db.Specifications.AsNoTracking()
                    from w in s.CommentWindows
                    where w.ClosedEarlyAt == null && w.ClosesAt > now && w.ClosesAt <= soon
                    join c in db.Cycles on s.CycleId equals c.Id
                    select new { w.Id, w.VersionNumber, w.OpenedAt, w.ClosesAt, w.ProvidersMayComment, CycleId = c.Id, c.Title })
                .ToListAsync(ct))
            // A window open for less than the warning was announced when it opened; a second email would only repeat it.
            .Where(w => w.ClosesAt - w.OpenedAt > CommentWindowWarning)
            .ToList();
        if (windows.Count == 0)
        {
            return [];
        }

        var members = await ChangeNotifications.MembersAsync(db, windows.Select(w => w.CycleId), CommentWindowAudience.MayBeAsked, ct);
        return windows.SelectMany(w => members[w.CycleId]
            .Where(m => CommentWindowAudience.Includes(m.Role, w.ProvidersMayComment))
            .Select(m => new PendingNotification(m.UserId, NotificationKind.CommentWindowClosing, w.CycleId,
                new NotificationFacts(w.Title, $"/cycles/{w.CycleId}/specification")
                {
                    Subject = w.VersionNumber.ToString(CultureInfo.InvariantCulture),
                    When = UkTime.DateAndTime(w.ClosesAt),
                },
                $"comment-window-closing:{w.Id}")));
    }

    private static async Task<IEnumerable<PendingNotification>> ScoringDueAsync(CoproDbContext db, DateTimeOffset now, CancellationToken ct)
    {
        var since = now - ScoringDueLookBack;
        var procurements = await (
                from p in db.Procurements.AsNoTracking()
                where p.BiddingOpenedAt != null && p.BidDeadline <= now && p.BidDeadline > since && p.AwardRecordedAt == null
                    && db.Bids.Any(b => b.ProcurementId == p.Id && b.Status == BidStatus.Submitted)
                join c in db.Cycles on p.CycleId equals c.Id
                select new { Procurement = p, c.Title })
            .ToListAsync(ct);
        if (procurements.Count == 0)
        {
            return [];
        }

        var ids = procurements.Select(p => p.Procurement.Id).ToList();
        var submitted = (await db.Scorecards.AsNoTracking()
                .Where(s => ids.Contains(s.ProcurementId) && s.SubmittedAt != null)
                .Select(s => s.EvaluatorId)
                .ToListAsync(ct))
            .ToHashSet();
        return procurements.SelectMany(p => p.Procurement.Evaluators
            .Where(e => !e.HasSteppedDown && e.CriterionIds.Count > 0 && !submitted.Contains(e.Id))
            .Select(e => new PendingNotification(e.UserId, NotificationKind.ScoringDue, p.Procurement.CycleId,
                new NotificationFacts(p.Title, $"/cycles/{p.Procurement.CycleId}/procurement/scoring")
                {
                    When = UkTime.DateAndTime(p.Procurement.BidDeadline!.Value),
                },
                $"scoring-due:{p.Procurement.Id}")));
    }

    private static async Task<IEnumerable<PendingNotification>> BidDeadlinesApproachingAsync(CoproDbContext db, DateTimeOffset now, CancellationToken ct)
    {
        var soon = now + BidDeadlineWarning;
        var procurements = await (
                from p in db.Procurements.AsNoTracking()
                where p.BiddingOpenedAt != null && p.BidDeadline > now && p.BidDeadline <= soon
                join c in db.Cycles on p.CycleId equals c.Id
                select new { p.Id, p.CycleId, Deadline = p.BidDeadline!.Value, c.Title })
            .ToListAsync(ct);
        if (procurements.Count == 0)
        {
            return [];
        }

        var ids = procurements.Select(p => p.Id).ToList();
        var cycleIds = procurements.Select(p => p.CycleId).ToList();
        var submitted = (await db.Bids.AsNoTracking()
                .Where(b => ids.Contains(b.ProcurementId) && b.Status == BidStatus.Submitted)
                .Select(b => new { b.ProcurementId, b.OrganisationId })
                .ToListAsync(ct))
            .Select(b => (b.ProcurementId, b.OrganisationId))
            .ToHashSet();
        var providers = (await db.Memberships.AsNoTracking()
                .Where(m => cycleIds.Contains(m.CycleId) && m.Role == CycleRole.Provider && m.OrganisationId != null)
                .Select(m => new { m.CycleId, m.UserId, OrganisationId = m.OrganisationId!.Value })
                .ToListAsync(ct))
            .ToLookup(m => m.CycleId);
        return procurements.SelectMany(p => providers[p.CycleId]
            .Where(m => !submitted.Contains((p.Id, m.OrganisationId)))
            .Select(m => new PendingNotification(m.UserId, NotificationKind.BidDeadlineApproaching, p.CycleId,
                new NotificationFacts(p.Title, $"/cycles/{p.CycleId}/procurement/bids/mine") { When = UkTime.DateAndTime(p.Deadline) },
                $"bid-deadline:{p.Id}")));
    }

    private static async Task<IEnumerable<PendingNotification>> InputAwaitingResponseAsync(CoproDbContext db, DateTimeOffset now, CancellationToken ct)
    {
        var waitingSince = now - InputWaitingTooLong;
        var counts = await (
                from c in db.Set<Contribution>().AsNoTracking()
                where c.ResponseRevision == 0 && c.CreatedAt < waitingSince
                join s in db.Set<Stage>() on EF.Property<Guid>(c, StageConfiguration.StageKey) equals s.Id
                select new { CycleId = EF.Property<Guid>(s, "CycleId") })
            .GroupBy(c => c.CycleId)
            .Select(g => new { CycleId = g.Key, Count = g.Count() })
            .ToListAsync(ct);
        var cycleIds = counts.Select(c => c.CycleId).ToList();
        var titles = await db.Cycles.AsNoTracking().Where(c => cycleIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Title, ct);
        var cycles = counts.Where(c => titles.ContainsKey(c.CycleId)).Select(c => new { c.CycleId, Title = titles[c.CycleId], c.Count }).ToList();
        if (cycles.Count == 0)
        {
            return [];
        }

        var team = await ChangeNotifications.MembersAsync(db, cycles.Select(c => c.CycleId),
            role => role is CycleRole.Commissioner or CycleRole.CoProductionChampion, ct);
        // One a day per cycle: the day in England is part of the key.
        var today = UkTime.Today(now).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return cycles.SelectMany(c => team[c.CycleId].Select(m =>
            new PendingNotification(m.UserId, NotificationKind.InputAwaitingResponse, c.CycleId,
                new NotificationFacts(c.Title, $"/cycles/{c.CycleId}") { Count = c.Count },
                $"input-awaiting-response:{c.CycleId}:{today}")));
    }

    // Read by the snake_case naming convention, like every mapped type.
    private sealed record ClaimedNotification(Guid Id, string UserId, string Kind, Guid? CycleId, string Title, string Text, string Link, DateTimeOffset CreatedAt);

    private async Task<int> SendSummariesAsync(NotificationFrequency frequency, DateTimeOffset cutoff, DateTimeOffset now, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CoproDbContext>();
        var emails = scope.ServiceProvider.GetRequiredService<NotificationEmails>();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // The claim: rows another instance is summarising right now are locked by its UPDATE and skipped here; once it
        // commits they are emailed and no longer match. Both the claim and the emails commit together, or neither.
        var name = frequency.ToString();
        var claimed = await db.Database.SqlQuery<ClaimedNotification>($"""
            UPDATE notifications SET emailed_at = {now}
            WHERE id IN (
                SELECT id FROM notifications
                WHERE emailed_at IS NULL AND frequency = {name} AND created_at < {cutoff}
                FOR UPDATE SKIP LOCKED)
            RETURNING id, user_id, kind, cycle_id, title, text, link, created_at
            """).ToListAsync(ct);
        if (claimed.Count == 0)
        {
            return 0;
        }

        var userIds = claimed.Select(c => c.UserId).Distinct().ToList();
        claimed = await LeaveOutStoppedAsync(db, claimed, userIds, ct);
        var readers = await db.Users.AsNoTracking()
            .Where(u => userIds.Contains(u.Id) && u.DeactivatedAt == null && u.DeletedAt == null && u.Email != null)
            .Select(u => new { u.Id, u.Email, u.DisplayName, u.CommunicationPreferences })
            .ToDictionaryAsync(u => u.Id, u => new NotificationReader(u.Id, u.Email!, u.DisplayName, u.CommunicationPreferences), ct);
        var cycleIds = claimed.Where(c => c.CycleId != null).Select(c => c.CycleId!.Value).Distinct().ToList();
        var titles = await db.Cycles.AsNoTracking().Where(c => cycleIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Title, ct);

        var sent = 0;
        foreach (var person in claimed.GroupBy(c => c.UserId))
        {
            if (!readers.TryGetValue(person.Key, out var reader))
            {
                continue;
            }

            var items = person.OrderBy(c => c.CreatedAt)
                .Select(c => new SummaryItem(c.CycleId, c.CycleId is { } id && titles.TryGetValue(id, out var title) ? title : "Not about one cycle",
                    Enum.Parse<NotificationKind>(c.Kind), c.Title, c.Text, c.Link))
                .ToList();
            db.Enqueue(emails.Summary(reader, frequency, items), now);
            sent++;
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        logger.LogInformation("Wrote {Count} {Frequency} emails", sent, frequency);
        return sent;
    }

    /// <summary>
    /// "Stop emails like this" stops them now, not after one more summary: a claimed notification of a kind its person has
    /// since turned to "not by email" (by the link in an email or on their preferences page) is left out. Its row, already
    /// claimed, is marked not by email and never emailed, so no later summary gathers it and their data download says
    /// truthfully that it was not emailed.
    /// </summary>
    private static async Task<List<ClaimedNotification>> LeaveOutStoppedAsync(CoproDbContext db, List<ClaimedNotification> claimed,
        List<string> userIds, CancellationToken ct)
    {
        var stopped = (await db.NotificationPreferences.AsNoTracking()
                .Where(p => userIds.Contains(p.UserId) && p.Frequency == NotificationFrequency.NotByEmail)
                .Select(p => new { p.UserId, p.Kind })
                .ToListAsync(ct))
            .Select(p => (p.UserId, p.Kind.ToString()))
            .ToHashSet();
        var left = claimed.Where(c => stopped.Contains((c.UserId, c.Kind))).Select(c => c.Id).ToList();
        if (left.Count == 0)
        {
            return claimed;
        }

        await db.Notifications.Where(n => left.Contains(n.Id)).ExecuteUpdateAsync(set => set
            .SetProperty(n => n.EmailedAt, (DateTimeOffset?)null)
            .SetProperty(n => n.Frequency, NotificationFrequency.NotByEmail), ct);
        return [.. claimed.Where(c => !left.Contains(c.Id))];
    }
}
