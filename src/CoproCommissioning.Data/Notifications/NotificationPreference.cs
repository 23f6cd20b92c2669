namespace CoproCommissioning.Data.Notifications;

/// <summary>A person's choice for one kind of event; a kind without a row uses the catalogue's default.</summary>
public sealed class NotificationPreference
{
    private NotificationPreference() { }

    public NotificationPreference(string userId, NotificationKind kind, NotificationFrequency frequency)
    {
        UserId = userId;
        Kind = kind;
        Frequency = frequency;
    }

    public string UserId { get; private set; } = "";

    public NotificationKind Kind { get; private set; }

    public NotificationFrequency Frequency { get; set; }
}
