namespace CoproCommissioning.Data.Reading;

/// <summary>
/// The latest revision of the answer to a contribution that its author has seen on "What happened to my input". An answer
/// is new to them until they have seen its revision, so a revised answer is new again. This is a reading record, not part
/// of the cycle: it changes no rule, is not audited, and goes with the contribution.
/// </summary>
public sealed class SeenResponse
{
    private SeenResponse() { }

    public string UserId { get; private set; } = "";

    public Guid ContributionId { get; private set; }

    /// <summary>The <see cref="Contribution.ResponseRevision"/> that was shown.</summary>
    public int Revision { get; private set; }

    public DateTimeOffset SeenAt { get; private set; }
}
