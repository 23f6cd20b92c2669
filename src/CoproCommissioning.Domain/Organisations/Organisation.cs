namespace CoproCommissioning.Domain.Organisations;

/// <summary>A body people belong to: a commissioner, a provider, or a lived-experience network.</summary>
public sealed class Organisation
{
    public const int NameMaxLength = 200;

    private Organisation() { }

    public Organisation(string name, OrganisationKind kind)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Guard.Defined(kind);
        Id = Guid.CreateVersion7();
        Name = name.Trim();
        Kind = kind;
    }

    public Guid Id { get; private set; }
    public string Name { get; private set; } = "";
    public OrganisationKind Kind { get; private set; }

    public void Rename(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name.Trim();
    }
}

public enum OrganisationKind
{
    CommissioningBody,
    NhsTrust,
    VoluntaryOrCommunityOrganisation,
    UserLedOrganisation,
    LivedExperienceNetwork,
}
