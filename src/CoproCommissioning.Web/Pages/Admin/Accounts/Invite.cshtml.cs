using CoproCommissioning.Data.Identity;
using CoproCommissioning.Web.Infrastructure.RateLimiting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.RateLimiting;

namespace CoproCommissioning.Web.Pages.Admin.Accounts;

/// <summary>
/// An administrator invites a colleague: an account in an organisation with its site roles, and an email with a
/// one-time link to set it up. Only staff are invited here; panel members and providers join through a cycle.
/// </summary>
[Authorize(Roles = SiteRoles.Administrator)]
[EnableRateLimiting(RateLimitPolicies.InviteStaff)]
public sealed class InviteModel(CoproDbContext db, StaffAccounts accounts, ILogger<InviteModel> logger) : PageModel
{
    [BindProperty] public Input Form { get; set; } = new();

    public IReadOnlyList<Choice> Organisations { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        var organisation = Form.OrganisationId is { } id ? await db.Organisations.SingleOrDefaultAsync(o => o.Id == id, ct) : null;
        var created = await accounts.CreateAndEmailAsync(Form.Email, Form.DisplayName, organisation,
            [.. Form.Roles.Intersect(SiteRoles.All, StringComparer.Ordinal)], ct);
        ModelState.AddErrors(created, nameof(Form));
        if (!created.Succeeded)
        {
            return Page();
        }

        logger.LogInformation("Staff member {UserId} invited", created.Value.User.Id);
        TempData.SetSuccess($"Invitation sent to {created.Value.User.Email}. They have 7 days to set up their account.");
        return RedirectToPage("Details", new { userId = created.Value.User.Id });
    }

    private async Task LoadAsync(CancellationToken ct) =>
        Organisations =
        [
            new Choice("", "Choose an organisation", Form.OrganisationId is null),
            .. await db.Organisations.AsNoTracking().Where(o => o.RetiredAt == null).OrderBy(o => o.Name)
                .Select(o => new Choice(o.Id.ToString(), o.Name, o.Id == Form.OrganisationId)).ToListAsync(ct),
        ];

    /// <summary>Who to invite, as the account and its rules name them.</summary>
    public sealed record Input
    {
        public string Email { get; init; } = "";
        public string DisplayName { get; init; } = "";
        public Guid? OrganisationId { get; init; }
        public List<string> Roles { get; init; } = [];
    }
}
