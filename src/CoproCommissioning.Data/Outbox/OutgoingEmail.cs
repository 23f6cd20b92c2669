namespace CoproCommissioning.Data.Outbox;

/// <summary>
/// An email as its sender writes it: both parts, and any headers it needs. <paramref name="CarriesOneTimeLink"/>: it holds
/// a link that acts for the person (an invitation, a password reset, an account set-up), so its text is not kept once sent.
/// </summary>
public sealed record OutgoingEmail(string To, string Subject, string TextBody, string? HtmlBody, string Purpose,
    IReadOnlyDictionary<string, string>? Headers = null, bool CarriesOneTimeLink = false);

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
