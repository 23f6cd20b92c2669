using CoproCommissioning.Data.Notifications;
using CoproCommissioning.Data.Outbox;

namespace CoproCommissioning.Web.Infrastructure.Notifications;

/// <summary>One person to tell about one event, before their choices are applied.</summary>
public sealed record PendingNotification(string UserId, NotificationKind Kind, Guid? CycleId, NotificationFacts Facts, string? OnceKey = null);

/// <summary>
/// Turns events into what each person asked for: a notification row always (it is on their list in the app), and an
/// email in the outbox straight away when they chose that, all added to the caller's context so the caller's one save
/// writes them with the change. Their choice is fixed on the row when it is raised: changing a preference later never
/// re-routes what was already raised (docs/decisions/0025-notifications.md).
/// </summary>
public sealed class NotificationRaiser(NotificationEmails emails, ILogger<NotificationRaiser> logger)
{
    /// <summary>Adds the rows and emails to <paramref name="db"/> (not saved) and returns what it added.</summary>
    public async Task<IReadOnlyList<object>> RaiseAsync(CoproDbContext db, IReadOnlyCollection<PendingNotification> pending,
        DateTimeOffset now, CancellationToken ct)
    {
        if (pending.Count == 0)
        {
            return [];
        }

        var userIds = pending.Select(p => p.UserId).Distinct().ToList();
        var kinds = pending.Select(p => p.Kind).Distinct().ToList();
        // Accounts that are deactivated or deleted hear nothing.
        var readers = (await db.Users.AsNoTracking()
                .Where(u => userIds.Contains(u.Id) && u.DeactivatedAt == null && u.DeletedAt == null && u.Email != null)
                .Select(u => new { u.Id, u.Email, u.DisplayName, u.CommunicationPreferences })
                .ToListAsync(ct))
            .ToDictionary(u => u.Id, u => new NotificationReader(u.Id, u.Email!, u.DisplayName, u.CommunicationPreferences));
        var chosen = await db.NotificationPreferences.AsNoTracking()
            .Where(p => userIds.Contains(p.UserId) && kinds.Contains(p.Kind))
            .ToDictionaryAsync(p => (p.UserId, p.Kind), p => p.Frequency, ct);

        List<object> added = [];
        foreach (var item in pending)
        {
            if (!readers.TryGetValue(item.UserId, out var reader))
            {
                continue;
            }

            var entry = NotificationCatalogue.Of(item.Kind);
            var frequency = chosen.TryGetValue((item.UserId, item.Kind), out var choice) ? choice : entry.Default;
            var words = entry.Words(reader.Style, item.Facts);
            var notification = new Notification(item.UserId, item.Kind, item.CycleId, WrittenText.FitTo(words.Title, Notification.TitleMaxLength),
                words.Text, item.Facts.Link, frequency, now, item.OnceKey);
            db.Notifications.Add(notification);
            added.Add(notification);
            if (frequency == NotificationFrequency.StraightAway)
            {
                added.Add(db.Enqueue(emails.Single(reader, item.Kind, words, item.Facts.Link), now));
                notification.Emailed(now);
            }
        }

        foreach (var kind in added.OfType<Notification>().GroupBy(n => n.Kind))
        {
            logger.LogInformation("Raised {Kind} for {Count} people", kind.Key, kind.Count());
        }

        return added;
    }
}
