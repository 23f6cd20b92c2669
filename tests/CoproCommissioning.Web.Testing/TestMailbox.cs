using CoproCommissioning.Data;
using CoproCommissioning.Data.Outbox;
using CoproCommissioning.Web.Infrastructure.Email;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace CoproCommissioning.Web.Testing;

/// <summary>
/// What an app under test has emailed. Pages only queue email in the outbox; these first send everything due, as the
/// app's worker would, so a test reads its inbox (the pickup folder) straight after a POST, with nothing left in flight.
/// </summary>
public static class TestMailbox
{
    /// <summary>Long enough for the app's own worker to finish a message it holds; reaching it means something is stuck.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Sends every due message through the app's own <see cref="OutboxSender"/>, and waits (bounded) for any that the
    /// app's worker is sending at the same moment, until none is due and waiting.
    /// </summary>
    public static async Task DeliverAsync(IServiceProvider services, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(services);
        var giveUpAt = DateTime.UtcNow + Patience;
        while (true)
        {
            await using var scope = services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<OutboxSender>().SendDueAsync(ct);
            var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow();
            var db = scope.ServiceProvider.GetRequiredService<CoproDbContext>();
            if (!await db.Outbox.AnyAsync(m => m.Status == OutboxStatus.Waiting && m.NextAttemptAt <= now, ct))
            {
                return;
            }

            if (DateTime.UtcNow > giveUpAt)
            {
                throw new TimeoutException($"Outbox messages were still waiting to be sent after {Patience.TotalSeconds} s.");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50), ct);
        }
    }

    /// <summary>Every email in the app's pickup folder, once the outbox is delivered.</summary>
    public static async Task<IReadOnlyList<MimeMessage>> EmailsAsync(AppFactory factory, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(factory);
        await DeliverAsync(factory.Services, ct);
        return !Directory.Exists(factory.PickupFolder)
            ? []
            : [.. Directory.EnumerateFiles(factory.PickupFolder, "*.eml").Order().Select(file => MimeMessage.Load(file))];
    }

    /// <summary>The emails to one address (any case), once the outbox is delivered.</summary>
    public static async Task<IReadOnlyList<MimeMessage>> EmailsToAsync(AppFactory factory, string address, CancellationToken ct = default) =>
        [.. (await EmailsAsync(factory, ct))
            .Where(m => m.To.Mailboxes.Any(b => string.Equals(b.Address, address, StringComparison.OrdinalIgnoreCase)))];
}
