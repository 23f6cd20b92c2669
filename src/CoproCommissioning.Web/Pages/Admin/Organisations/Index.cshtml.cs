using CoproCommissioning.Data.Identity;
using CoproCommissioning.Domain.Organisations;
using Microsoft.AspNetCore.Authorization;

namespace CoproCommissioning.Web.Pages.Admin.Organisations;

/// <summary>Every organisation, searched by name or ODS code, a page at a time (PostgreSQL counts, orders and pages).</summary>
[Authorize(Roles = SiteRoles.Administrator)]
public sealed class IndexModel(CoproDbContext db) : PageModel
{
    public PageOf<Row> Organisations { get; private set; } = new([], 1, Paging.DefaultSize, 0);

    public string Search { get; private set; } = "";

    public async Task OnGetAsync(string? search, int pageNumber = 1, CancellationToken ct = default)
    {
        Search = search?.Trim() ?? "";
        var organisations = db.Organisations.AsNoTracking();
        if (AdminSearch.Pattern(search) is { } pattern)
        {
            organisations = organisations.Where(o => EF.Functions.ILike(o.Name, pattern) || EF.Functions.ILike(o.OdsCode!, pattern));
        }

        Organisations = await organisations
            .OrderBy(o => o.RetiredAt != null).ThenBy(o => o.Name)
            .Select(o => new Row(o.Id, o.Name, o.Kind, o.OdsCode, o.ContactName, o.RetiredAt))
            .ToPageAsync(pageNumber, ct);
    }

    public string UrlFor(int pageNumber) =>
        $"/admin/organisations?pageNumber={pageNumber}{(Search.Length > 0 ? $"&search={Uri.EscapeDataString(Search)}" : "")}";

    public sealed record Row(Guid Id, string Name, OrganisationKind Kind, string? OdsCode, string? ContactName, DateTimeOffset? RetiredAt);
}
