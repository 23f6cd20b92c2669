namespace CoproCommissioning.Domain.Monitoring;

/// <summary>
/// The person a page offers as a member's named person, as the cycle's membership knows them: their role in the cycle
/// and, for a provider, the organisation they work for. Membership is kept outside the domain, so the caller looks it up.
/// </summary>
public sealed record NamedPerson(string UserId, CycleRole Role, Guid? OrganisationId);
