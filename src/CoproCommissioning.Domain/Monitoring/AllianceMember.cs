namespace CoproCommissioning.Domain.Monitoring;

/// <summary>
/// One party on an alliance leadership team (a provider in the alliance, or the commissioner) and the person who speaks
/// for it. Every member has one equal say: the team's decisions need every member's agreement.
/// </summary>
public sealed class AllianceMember
{
    private AllianceMember() { }

    internal AllianceMember(AllianceParty party, Guid? organisationId, string userId, string addedByUserId, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7();
        Party = party;
        OrganisationId = organisationId;
        UserId = userId;
        AddedByUserId = addedByUserId;
        AddedAt = now;
    }

    public Guid Id { get; private set; }

    public AllianceParty Party { get; private set; }

    /// <summary>The provider's organisation; null for the commissioner, who is named by the cycle.</summary>
    public Guid? OrganisationId { get; private set; }

    /// <summary>The named person: the member of the cycle who votes and rates for this party.</summary>
    public string UserId { get; private set; } = "";

    public string AddedByUserId { get; private set; } = "";

    public DateTimeOffset AddedAt { get; private set; }

    internal void Rename(string userId) => UserId = userId;
}
