namespace CoproCommissioning.Domain.Feedback;

/// <summary>
/// What someone told us about the service itself through the phase banner's "feedback" link: their words, an address
/// to reply to if they want one, and the page they were on. Anyone may send it, signed in or not, so it names no account.
/// </summary>
public sealed class ServiceFeedback
{
    public const int TextMaxLength = 2000;
    public const int EmailMaxLength = 256;
    public const int PageMaxLength = 300;

    private ServiceFeedback() { }

    public Guid Id { get; private set; }

    public string Text { get; private set; } = "";

    /// <summary>Where to reply, when the person asked for a reply.</summary>
    public string? Email { get; private set; }

    /// <summary>The app's own page the person came from ("/cycles"), when known: only ever a path of this site.</summary>
    public string? Page { get; private set; }

    public DateTimeOffset SentAt { get; private set; }

    public static DomainOutcome<ServiceFeedback> Send(string? text, string? email, string? page, DateTimeOffset now)
    {
        Guard.Utc(now);
        List<Refusal> refusals = [];
        TextInput.Check(refusals, text, TextMaxLength, FeedbackRules.TextRequired, FeedbackRules.TextTooLong);
        var address = TextInput.Clean(email);
        if (address.Length > EmailMaxLength)
        {
            refusals.Add(new Refusal(FeedbackRules.EmailTooLong));
        }
        else if (address.Length > 0 && !IsEmailAddress(address))
        {
            refusals.Add(new Refusal(FeedbackRules.EmailInvalid));
        }

        if (refusals.Count > 0)
        {
            return DomainOutcome.Refused<ServiceFeedback>(refusals);
        }

        return DomainOutcome.Success(new ServiceFeedback
        {
            Id = Guid.CreateVersion7(),
            Text = TextInput.Clean(text),
            Email = address.Length > 0 ? address : null,
            Page = OwnPage(page),
            SentAt = now,
        });
    }

    private static bool IsEmailAddress(string address)
    {
        int at = address.IndexOf('@', StringComparison.Ordinal);
        return at > 0 && at < address.Length - 1 && at == address.LastIndexOf('@') && !address.Any(char.IsWhiteSpace);
    }

    // Only a path of this site is kept ("/cycles/…"): never another site's address, a query string or anything too long
    // to be one of our pages. It is a hint for whoever reads the feedback, so a bad one is dropped, not refused.
    private static string? OwnPage(string? page)
    {
        var path = TextInput.Clean(page).Split('?', '#')[0];
        return path.Length is > 0 and <= PageMaxLength && path[0] == '/' && !path.StartsWith("//", StringComparison.Ordinal)
            && !path.Contains('\\', StringComparison.Ordinal)
            ? path
            : null;
    }
}
