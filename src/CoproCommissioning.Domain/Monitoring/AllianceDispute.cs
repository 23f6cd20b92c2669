namespace CoproCommissioning.Domain.Monitoring;

/// <summary>
/// A disagreement between alliance members, the route the alliance agreement gives for resolving it (which can change
/// while it is open, for example when the team cannot settle it and asks a facilitator), and its outcome.
/// </summary>
public sealed class AllianceDispute
{
    public const int TextMaxLength = 4000;

    private AllianceDispute() { }

    internal AllianceDispute(Guid raisedByMemberId, string summary, DisputeRoute route, string userId, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7();
        RaisedByMemberId = raisedByMemberId;
        Summary = summary;
        Route = route;
        RaisedByUserId = userId;
        RaisedAt = now;
    }

    public Guid Id { get; private set; }

    public Guid RaisedByMemberId { get; private set; }

    public string Summary { get; private set; } = "";

    public DisputeRoute Route { get; private set; }

    public string RaisedByUserId { get; private set; } = "";

    public DateTimeOffset RaisedAt { get; private set; }

    public string? Outcome { get; private set; }

    public string? ResolvedByUserId { get; private set; }

    public DateTimeOffset? ResolvedAt { get; private set; }

    public bool IsResolved => ResolvedAt is not null;

    internal void ChangeRoute(DisputeRoute route) => Route = route;

    internal void Resolve(string outcome, string userId, DateTimeOffset now)
    {
        Outcome = outcome;
        ResolvedByUserId = userId;
        ResolvedAt = now;
    }
}
