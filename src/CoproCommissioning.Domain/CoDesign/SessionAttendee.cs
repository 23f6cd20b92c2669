namespace CoproCommissioning.Domain.CoDesign;

/// <summary>A member of the cycle who came to a session.</summary>
public sealed class SessionAttendee
{
    private SessionAttendee() { }

    internal SessionAttendee(string userId) => UserId = userId;

    public string UserId { get; private set; } = "";
}
