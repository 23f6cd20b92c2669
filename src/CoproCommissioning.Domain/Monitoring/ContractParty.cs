namespace CoproCommissioning.Domain.Monitoring;

/// <summary>
/// An organisation that is party to the contract. The commissioner's party has no organisation id: the cycle's
/// commissioning organisation is a name, not an organisation providers belong to.
/// </summary>
public sealed class ContractParty
{
    private ContractParty() { }

    internal ContractParty(Guid? organisationId, PartyRole role)
    {
        OrganisationId = organisationId;
        Role = role;
    }

    public Guid? OrganisationId { get; private set; }

    public PartyRole Role { get; private set; }

    /// <summary>Providers report on the contract every period; the commissioner answers for its commitments instead.</summary>
    public bool SubmitsReturns => SubmitsReturnsAs(Role);

    public static bool SubmitsReturnsAs(PartyRole role) => role != PartyRole.Commissioner;

    /// <summary>The organisations of <paramref name="parties"/> that report on the contract every period, in their order.</summary>
    public static IReadOnlyList<Guid> ReturningOrganisations(IEnumerable<ContractParty> parties)
    {
        ArgumentNullException.ThrowIfNull(parties);
        return ReturningOrganisations(parties.Select(p => (p.OrganisationId, p.Role)));
    }

    /// <summary>The same, from parties read as their organisation and role (a query of many contracts).</summary>
    public static IReadOnlyList<Guid> ReturningOrganisations(IEnumerable<(Guid? OrganisationId, PartyRole Role)> parties)
    {
        ArgumentNullException.ThrowIfNull(parties);
        return [.. parties.Where(p => SubmitsReturnsAs(p.Role) && p.OrganisationId is not null).Select(p => p.OrganisationId!.Value)];
    }
}
