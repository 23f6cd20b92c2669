using CoproCommissioning.Data.Outbox;
using MailKit.Net.Smtp;
using Microsoft.Extensions.Options;
using MimeKit;

namespace CoproCommissioning.Web.Infrastructure.Email;

/// <summary>
/// Sends what the outbox holds that is due. Each message is claimed with <c>FOR UPDATE SKIP LOCKED</c> in a transaction
/// of its own that stays open while it is sent and marked, so two workers (here or on other instances) never claim the
/// same row, and a crash before the mark rolls the claim back for another try (docs/decisions/0024-email-outbox.md).
/// The worker loops over <see cref="SendDueAsync"/>; tests call it to run one pass deterministically.
/// </summary>
public sealed class OutboxSender(CoproDbContext db, IOptions<EmailOptions> email, IOptions<OutboxOptions> options, PickupFolder pickup,
    OutboxSignal signal, TimeProvider clock, ILogger<OutboxSender> logger)
{
    /// <summary>Sends (or records a failed attempt at) each due message, up to the batch size; returns how many it tried.</summary>
    public async Task<int> SendDueAsync(CancellationToken ct)
    {
        await using var delivery = new MailDelivery(email, options, pickup);
        var tried = 0;
        while (tried < options.Value.BatchSize && await SendNextAsync(delivery, ct))
        {
            tried++;
        }

        return tried;
    }

    /// <summary>Deletes sent messages older than <see cref="OutboxOptions.KeepSent"/>: they hold addresses and text.</summary>
    public async Task<int> DeleteOldSentAsync(CancellationToken ct)
    {
        var before = clock.GetUtcNow() - options.Value.KeepSent;
        var deleted = await db.Outbox.Where(m => m.Status == OutboxStatus.Sent && m.SentAt < before).ExecuteDeleteAsync(ct);
        if (deleted > 0)
        {
            logger.LogInformation("Deleted {Count} emails sent before {Before}", deleted, before);
        }

        return deleted;
    }

    /// <summary>
    /// An administrator's "send again" of a message that failed for good; returns the status it found (null: no such
    /// message). The row is locked first, as a worker would, so a message a worker is sending (or has just sent) is
    /// never put back in the queue by a second click.
    /// </summary>
    public async Task<OutboxStatus?> SendAgainAsync(Guid messageId, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var found = await db.Outbox.FromSql($"SELECT * FROM outbox_messages WHERE id = {messageId} FOR UPDATE").ToListAsync(ct);
        if (found is not [var message])
        {
            return null;
        }

        var status = message.Status;
        if (status == OutboxStatus.Failed)
        {
            message.SendAgain(clock.GetUtcNow());
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            signal.Raise();
            logger.LogInformation("Email {OutboxMessageId} ({Purpose}) queued to be sent again", message.Id, message.Purpose);
        }

        return status;
    }

    private async Task<bool> SendNextAsync(MailDelivery delivery, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // The partial index ix_outbox_messages_waiting serves this; SKIP LOCKED passes over rows another worker holds.
        var claimed = await db.Outbox.FromSql($"""
            SELECT * FROM outbox_messages
            WHERE status = 'Waiting' AND next_attempt_at <= {now}
            ORDER BY next_attempt_at
            LIMIT 1
            FOR UPDATE SKIP LOCKED
            """).ToListAsync(ct);
        if (claimed is not [var message])
        {
            return false;
        }

        try
        {
            await delivery.DeliverAsync(MailDelivery.ToMimeMessage(message, email.Value), ct);
            message.Sent(clock.GetUtcNow());
            logger.LogInformation("Email {OutboxMessageId} ({Purpose}) sent", message.Id, message.Purpose);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            // An address that can't be parsed never will be: no retries for it.
            var delays = options.Value.Delays;
            DateTimeOffset? retryAt = e is not ParseException && message.Attempts < delays.Count ? now + delays[message.Attempts] : null;
            message.Failed(Describe(e), retryAt);
            if (retryAt is { } at)
            {
                logger.LogWarning("Email {OutboxMessageId} ({Purpose}) not sent on attempt {Attempt} ({Reason}); trying again at {RetryAt}",
                    message.Id, message.Purpose, message.Attempts, e.GetType().Name, at);
            }
            else
            {
                logger.LogError("Email {OutboxMessageId} ({Purpose}) failed for good after {Attempts} attempts ({Reason})",
                    message.Id, message.Purpose, message.Attempts, e.GetType().Name);
            }
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return true;
    }

    /// <summary>What administrators read about a failure: the server's words with any address masked, never the email.</summary>
    private static string Describe(Exception e) => MaskedAddress.InText(e switch
    {
        SmtpCommandException refused => $"The mail server refused it ({(int)refused.StatusCode}): {refused.Message}",
        SmtpProtocolException protocol => $"The mail server broke off: {protocol.Message}",
        ParseException => "The address is not one an email can be sent to.",
        _ => $"{e.GetType().Name}: {e.Message}",
    });
}
