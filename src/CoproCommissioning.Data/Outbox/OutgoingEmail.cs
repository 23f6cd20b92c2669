namespace CoproCommissioning.Data.Outbox;

/// <summary>An email as its sender writes it: both parts, and any headers it needs.</summary>
public sealed record OutgoingEmail(string To, string Subject, string TextBody, string? HtmlBody, string Purpose,
    IReadOnlyDictionary<string, string>? Headers = null);

public static class OutboxExtensions
{
    /// <summary>
    /// Queues the email in this context: it is written by the next SaveChanges, with the change that causes it, and sent
    /// by the outbox worker after that commits.
    /// </summary>
    public static OutboxMessage Enqueue(this CoproDbContext db, OutgoingEmail email, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(db);
        var message = new OutboxMessage(email, now);
        db.Outbox.Add(message);
        return message;
    }
}
