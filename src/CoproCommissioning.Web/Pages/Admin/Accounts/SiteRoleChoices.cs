using CoproCommissioning.Data.Identity;

namespace CoproCommissioning.Web.Pages.Admin.Accounts;

/// <summary>The site roles as checkboxes, with what each lets a person do.</summary>
public static class SiteRoleChoices
{
    public static IReadOnlyList<Choice> For(IReadOnlyCollection<string> selected) =>
    [
        new(SiteRoles.Administrator, "Administrator", selected.Contains(SiteRoles.Administrator),
            "Manages organisations and staff accounts."),
        new(SiteRoles.Commissioner, "Commissioner", selected.Contains(SiteRoles.Commissioner),
            "Starts commissioning cycles and invites people into them."),
    ];
}
