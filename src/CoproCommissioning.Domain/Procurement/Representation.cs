namespace CoproCommissioning.Domain.Procurement;

/// <summary>Written representations a provider made during the standstill, and the authority's answer.</summary>
public sealed class Representation
{
    public const int FromMaxLength = 200;
    public const int TextMaxLength = 4000;

    private Representation() { }

    internal Representation(string from, DateOnly receivedOn, string summary, string loggedByUserId, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7();
        From = from;
        ReceivedOn = receivedOn;
        Summary = summary;
        LoggedByUserId = loggedByUserId;
        LoggedAt = now;
    }

    public Guid Id { get; private set; }

    /// <summary>The provider that made them, as it named itself.</summary>
    public string From { get; private set; } = "";

    public DateOnly ReceivedOn { get; private set; }

    public string Summary { get; private set; } = "";

    public string LoggedByUserId { get; private set; } = "";

    public DateTimeOffset LoggedAt { get; private set; }

    public string? Answer { get; private set; }

    public string? AnsweredByUserId { get; private set; }

    public DateTimeOffset? AnsweredAt { get; private set; }

    public bool IsAnswered => AnsweredAt is not null;

    internal void Respond(string answer, string userId, DateTimeOffset now)
    {
        Answer = answer;
        AnsweredByUserId = userId;
        AnsweredAt = now;
    }
}
