using CoproCommissioning.Domain.Organisations;

namespace CoproCommissioning.Web.Pages.Admin.Organisations;

/// <summary>What an administrator types about an organisation; the organisation judges every answer.</summary>
public sealed record OrganisationForm
{
    public string Name { get; init; } = "";
    public OrganisationKind? Kind { get; init; }
    public string OdsCode { get; init; } = "";
    public string ContactName { get; init; } = "";
    public string ContactEmail { get; init; } = "";

    /// <summary>The version the administrator started editing from (R8).</summary>
    public uint Version { get; init; }

    public static OrganisationForm Of(Organisation organisation) => new()
    {
        Name = organisation.Name,
        Kind = organisation.Kind,
        OdsCode = organisation.OdsCode ?? "",
        ContactName = organisation.ContactName ?? "",
        ContactEmail = organisation.ContactEmail ?? "",
        Version = organisation.Version,
    };

    public static IReadOnlyList<Choice> KindChoices(OrganisationKind? selected) =>
        [.. Enum.GetValues<OrganisationKind>().Select(kind => new Choice(kind.ToString(), Labels.Of(kind), kind == selected))];
}
