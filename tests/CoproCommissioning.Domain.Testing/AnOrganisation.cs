using CoproCommissioning.Domain.Organisations;

namespace CoproCommissioning.Domain.Testing;

/// <summary>An organisation as an administrator adds one: every answer valid unless a test changes it.</summary>
public sealed class AnOrganisation
{
    private string? _name = "Harbourside Integrated Care Board";
    private OrganisationKind? _kind = OrganisationKind.IntegratedCareBoard;
    private string? _odsCode = "15N";
    private string? _contactName = "Amira Khan";
    private string? _contactEmail = "amira.khan@harbourside-icb.example";

    public static AnOrganisation New() => new();

    public AnOrganisation Named(string? name)
    {
        _name = name;
        return this;
    }

    public AnOrganisation OfKind(OrganisationKind? kind)
    {
        _kind = kind;
        return this;
    }

    public AnOrganisation WithOdsCode(string? odsCode)
    {
        _odsCode = odsCode;
        return this;
    }

    public AnOrganisation WithContact(string? name, string? email)
    {
        _contactName = name;
        _contactEmail = email;
        return this;
    }

    public DomainOutcome<Organisation> TryCreate() => Organisation.Create(_name, _kind, _odsCode, _contactName, _contactEmail);

    public Organisation Build() => Expect.Success(TryCreate());
}
