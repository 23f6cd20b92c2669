namespace CoproCommissioning.Domain.Specification;

/// <summary>
/// A time when one version is open for comment: from when a commissioner opened it until its closing time,
/// or until they closed it early. Kept after it closes, as the record of when people could comment.
/// </summary>
public sealed class CommentWindow
{
    private CommentWindow() { }

    internal CommentWindow(int versionNumber, DateTimeOffset openedAt, DateTimeOffset closesAt, bool providersMayComment, string openedByUserId)
    {
        Id = Guid.CreateVersion7();
        VersionNumber = versionNumber;
        OpenedAt = openedAt;
        ClosesAt = closesAt;
        ProvidersMayComment = providersMayComment;
        OpenedByUserId = openedByUserId;
    }

    public Guid Id { get; private set; }

    public int VersionNumber { get; private set; }

    public DateTimeOffset OpenedAt { get; private set; }

    /// <summary>The first moment comments are refused (the end of the closing day, for a window opened until a date).</summary>
    public DateTimeOffset ClosesAt { get; private set; }

    /// <summary>Panel members can always comment; providers only when the commissioner chose so.</summary>
    public bool ProvidersMayComment { get; private set; }

    public string OpenedByUserId { get; private set; } = "";

    public DateTimeOffset? ClosedEarlyAt { get; private set; }

    public string? ClosedEarlyByUserId { get; private set; }

    /// <summary>When comments stopped, or will stop.</summary>
    public DateTimeOffset EndsAt => ClosedEarlyAt ?? ClosesAt;

    public bool IsOpenAt(DateTimeOffset moment) => moment >= OpenedAt && moment < EndsAt;

    internal void CloseEarly(string byUserId, DateTimeOffset now)
    {
        ClosedEarlyAt = now;
        ClosedEarlyByUserId = byUserId;
    }
}
