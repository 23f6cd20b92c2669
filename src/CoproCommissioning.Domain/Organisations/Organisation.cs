using CoproCommissioning.Domain.Membership;

namespace CoproCommissioning.Domain.Organisations;

/// <summary>
/// A body people belong to: a commissioner (an ICB, a local authority) or a provider. Administrators add, change and
/// retire organisations; a retired organisation keeps its history (its members, proposals and invitations) but can't
/// be chosen for a new invitation.
/// </summary>
public sealed class Organisation
{
    public const int NameMaxLength = 200;
    public const int OdsCodeMaxLength = Organisations.OdsCode.MaxLength;
    public const int ContactNameMaxLength = 100;
    public const int ContactEmailMaxLength = 256;

    private Organisation() { }

    /// <summary>For arranging data in code (demo data, tests): no contact or ODS code, and a programming error throws.</summary>
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

    /// <summary>The NHS Organisation Data Service code, when it has one (RXH, 15N, A81001).</summary>
    public string? OdsCode { get; private set; }

    public string? ContactName { get; private set; }
    public string? ContactEmail { get; private set; }
    public DateTimeOffset? RetiredAt { get; private set; }
    public uint Version { get; private set; }

    public bool IsRetired => RetiredAt is not null;

    /// <summary>Adds an organisation; <paramref name="kind"/> is null when none was chosen.</summary>
    public static DomainOutcome<Organisation> Create(string? name, OrganisationKind? kind, string? odsCode, string? contactName,
        string? contactEmail)
    {
        var refusals = Check(name, kind, odsCode, contactName, contactEmail);
        if (refusals.Count > 0)
        {
            return DomainOutcome.Refused<Organisation>(refusals);
        }

        var organisation = new Organisation(TextInput.Clean(name), kind!.Value);
        organisation.Apply(name, kind.Value, odsCode, contactName, contactEmail);
        return DomainOutcome.Success(organisation);
    }

    /// <summary>Changes what the organisation is called, its kind, ODS code and contact; all or nothing.</summary>
    public DomainOutcome Revise(string? name, OrganisationKind? kind, string? odsCode, string? contactName, string? contactEmail)
    {
        var refusals = Check(name, kind, odsCode, contactName, contactEmail);
        if (refusals.Count > 0)
        {
            return DomainOutcome.Refused(refusals);
        }

        Apply(name, kind!.Value, odsCode, contactName, contactEmail);
        return DomainOutcome.Success();
    }

    /// <summary>No new invitations from now on; everything already recorded stays.</summary>
    public DomainOutcome Retire(DateTimeOffset now)
    {
        Guard.Utc(now);
        if (IsRetired)
        {
            return DomainOutcome.Refused(OrganisationRules.AlreadyRetired, Id);
        }

        RetiredAt = now;
        return DomainOutcome.Success();
    }

    /// <summary>Why nobody can be invited into this organisation now, if they can't.</summary>
    public IReadOnlyList<Refusal> InvitationBlockers() => IsRetired ? [new Refusal(OrganisationRules.Retired, Id)] : [];

    private static List<Refusal> Check(string? name, OrganisationKind? kind, string? odsCode, string? contactName, string? contactEmail)
    {
        List<Refusal> refusals = [];
        TextInput.Check(refusals, name, NameMaxLength, OrganisationRules.NameRequired, OrganisationRules.NameTooLong);
        if (kind is { } chosen)
        {
            Guard.Defined(chosen);
        }

        ChoiceInput.Check(refusals, kind, OrganisationRules.KindRequired);
        if (!Organisations.OdsCode.IsValidOrBlank(odsCode))
        {
            refusals.Add(new Refusal(OrganisationRules.OdsCodeInvalid));
        }

        TextInput.Check(refusals, contactName, ContactNameMaxLength, OrganisationRules.ContactNameRequired, OrganisationRules.ContactNameTooLong);
        TextInput.Check(refusals, contactEmail, ContactEmailMaxLength, OrganisationRules.ContactEmailRequired, OrganisationRules.ContactEmailTooLong);
        if (TextInput.Clean(contactEmail) is { Length: > 0 and <= ContactEmailMaxLength } && !Invitation.IsEmailAddress(contactEmail))
        {
            refusals.Add(new Refusal(OrganisationRules.ContactEmailInvalid));
        }

        return refusals;
    }

    private void Apply(string? name, OrganisationKind kind, string? odsCode, string? contactName, string? contactEmail)
    {
        Name = TextInput.Clean(name);
        Kind = kind;
        OdsCode = Organisations.OdsCode.Normalise(odsCode);
        ContactName = TextInput.Clean(contactName);
        ContactEmail = TextInput.Clean(contactEmail);
    }
}

/// <summary>What kind of body an organisation is: who commissions, and who provides.</summary>
public enum OrganisationKind
{
    IntegratedCareBoard,
    LocalAuthority,
    NhsTrust,
    VoluntaryOrCommunityOrganisation,
    UserLedOrganisation,
    IndependentProvider,
    Other,
}
