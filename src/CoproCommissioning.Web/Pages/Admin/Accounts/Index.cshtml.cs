using CoproCommissioning.Data.Identity;
using Microsoft.AspNetCore.Authorization;

namespace CoproCommissioning.Web.Pages.Admin.Accounts;

/// <summary>
/// Every account, staff and participants alike, searched by name or email, a page at a time: organisation, site roles,
/// two-factor, last sign-in and whether it is locked, deactivated or waiting to be set up.
/// </summary>
[Authorize(Roles = SiteRoles.Administrator)]
public sealed class IndexModel(CoproDbContext db, TimeProvider clock) : PageModel
{
    public PageOf<Row> Accounts { get; private set; } = new([], 1, Paging.DefaultSize, 0);

    public string Search { get; private set; } = "";

    public async Task OnGetAsync(string? search, int pageNumber = 1, CancellationToken ct = default)
    {
        Search = search?.Trim() ?? "";
        var now = clock.GetUtcNow();
        var users = db.Users.AsNoTracking().Where(u => u.DeletedAt == null);
        if (AdminSearch.Pattern(search) is { } pattern)
        {
            users = users.Where(u => EF.Functions.ILike(u.DisplayName, pattern) || EF.Functions.ILike(u.Email!, pattern));
        }

        Accounts = await users
            .OrderBy(u => u.DisplayName).ThenBy(u => u.Email)
            .Select(u => new Row(
                u.Id,
                u.DisplayName,
                u.Email ?? "",
                db.Organisations.Where(o => o.Id == u.OrganisationId).Select(o => o.Name).FirstOrDefault(),
                db.UserRoles.Where(ur => ur.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name!).OrderBy(n => n).ToList(),
                u.TwoFactorEnabled,
                u.LastSignedInAt,
                u.LockoutEnd != null && u.LockoutEnd > now,
                u.DeactivatedAt != null,
                u.PasswordHash == null))
            .ToPageAsync(pageNumber, ct);
    }

    public string UrlFor(int pageNumber) =>
        $"/admin/accounts?pageNumber={pageNumber}{(Search.Length > 0 ? $"&search={Uri.EscapeDataString(Search)}" : "")}";

    public sealed record Row(string Id, string Name, string Email, string? Organisation, List<string> Roles, bool TwoFactor,
        DateTimeOffset? LastSignedInAt, bool LockedOut, bool Deactivated, bool WaitingForSetUp);
}
