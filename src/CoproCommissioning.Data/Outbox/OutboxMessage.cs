using CoproCommissioning.Domain;

namespace CoproCommissioning.Data.Outbox;

/// <summary>
/// An email waiting to be sent, or sent. It is written by the same SaveChanges as the change that causes it, so a change
/// that rolls back sends nothing and a saved change can't lose its email; a background worker sends it afterwards, so no
/// page waits for a mail server. Not audited (it is delivery, not a change to the commissioning record).
/// </summary>
public sealed class OutboxMessage
{
    public const int AddressMaxLength = 320;
    public const int SubjectMaxLength = 300;
    public const int ErrorMaxLength = 1000;

    private OutboxMessage() { }

    public OutboxMessage(OutgoingEmail email, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(email);
        Id = Guid.NewGuid();
        To = email.To;
        // A subject is made from people's words (a cycle's title, an inviter's name) that may together be longer than the
        // column: shortened, the email still goes with the change that causes it rather than failing its save.
        Subject = WrittenText.FitTo(email.Subject, SubjectMaxLength);
        TextBody = email.TextBody;
        HtmlBody = email.HtmlBody;
        Headers = email.Headers?.ToDictionary(h => h.Key, h => h.Value) ?? [];
        Purpose = email.Purpose;
        ForgetTextWhenSent = email.CarriesOneTimeLink;
        Status = OutboxStatus.Waiting;
        CreatedAt = now;
        NextAttemptAt = now;
    }

    public Guid Id { get; private set; }

    public string To { get; private set; } = "";

    public string Subject { get; private set; } = "";

    public string TextBody { get; private set; } = "";

    public string? HtmlBody { get; private set; }

    /// <summary>Extra headers, such as List-Unsubscribe and List-Unsubscribe-Post (RFC 8058).</summary>
    public Dictionary<string, string> Headers { get; private set; } = [];

    /// <summary>What the email is for, shown to administrators (never the text): "Invitation", "Password reset", a notification kind.</summary>
    public string Purpose { get; private set; } = "";

    /// <summary>
    /// The text holds a one-time link (invitation tokens are otherwise kept only as hashes), so once the email is sent its
    /// text is erased: someone who reads the database or a backup can't use the link.
    /// </summary>
    public bool ForgetTextWhenSent { get; private set; }

    public OutboxStatus Status { get; private set; }

    public int Attempts { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>When a worker may next try to send it (later after each failure: back-off).</summary>
    public DateTimeOffset NextAttemptAt { get; private set; }

    public DateTimeOffset? SentAt { get; private set; }

    /// <summary>The mail server's last refusal, for administrators; never the message text.</summary>
    public string? LastError { get; private set; }

    public void Sent(DateTimeOffset now)
    {
        Status = OutboxStatus.Sent;
        SentAt = now;
        if (ForgetTextWhenSent)
        {
            TextBody = "";
            HtmlBody = null;
        }

        Attempts++;
        LastError = null;
    }

    /// <summary>A failed attempt: try again at <paramref name="retryAt"/>, or give up (null) and show it to administrators.</summary>
    public void Failed(string error, DateTimeOffset? retryAt)
    {
        Attempts++;
        LastError = error.Length > ErrorMaxLength ? error[..ErrorMaxLength] : error;
        if (retryAt is { } at)
        {
            NextAttemptAt = at;
        }
        else
        {
            Status = OutboxStatus.Failed;
        }
    }

    /// <summary>An administrator's "send again" of a message that failed for good.</summary>
    public void SendAgain(DateTimeOffset now)
    {
        if (Status != OutboxStatus.Failed)
        {
            return;
        }

        Status = OutboxStatus.Waiting;
        Attempts = 0;
        NextAttemptAt = now;
    }
}

public enum OutboxStatus
{
    Waiting,
    Sent,
    Failed,
}
