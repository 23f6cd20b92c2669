using CoproCommissioning.Data.Identity;
using Microsoft.AspNetCore.Authorization;

namespace CoproCommissioning.Web.Pages.Admin.Accounts;

/// <summary>
/// One account, and what an administrator may change on it: site roles, unlocking, deactivating and reactivating, and
/// a new set-up link. The rules (never the last administrator, never yourself) are the domain's; each change is audited.
/// </summary>
[Authorize(Roles = SiteRoles.Administrator)]
public sealed class DetailsModel(CoproDbContext db, AccountAdministration administration, TimeProvider clock) : PageModel
{
    public const string ChangedMeanwhile =
        "Someone changed this account while you were looking at it. Nothing has been saved: check it as it is now, then try again.";

    [BindProperty] public Input Form { get; set; } = new();

    public Summary Account { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string userId, CancellationToken ct)
    {
        if (!await LoadAsync(userId, ct))
        {
            return NotFound();
        }

        Form = new Input { Roles = [.. Account.Roles], Version = Account.Version };
        return Page();
    }

    public Task<IActionResult> OnPostRolesAsync(string userId, CancellationToken ct) => ChangeAsync(userId,
        () => administration.ChangeRolesAsync(User.UserId(), userId, Form.Version, Form.Roles, ct), "Site roles saved.", ct);

    public Task<IActionResult> OnPostUnlockAsync(string userId, CancellationToken ct) => ChangeAsync(userId,
        () => administration.UnlockAsync(User.UserId(), userId, Form.Version, ct), "Account unlocked: they can sign in again.", ct);

    public Task<IActionResult> OnPostDeactivateAsync(string userId, CancellationToken ct) => ChangeAsync(userId,
        () => administration.DeactivateAsync(User.UserId(), userId, Form.Version, ct),
        "Account deactivated: they have been signed out and can't sign in.", ct);

    public Task<IActionResult> OnPostReactivateAsync(string userId, CancellationToken ct) => ChangeAsync(userId,
        () => administration.ReactivateAsync(User.UserId(), userId, Form.Version, ct), "Account reactivated: they can sign in again.", ct);

    public Task<IActionResult> OnPostSendSetUpLinkAsync(string userId, CancellationToken ct) => ChangeAsync(userId,
        () => administration.SendSetUpLinkAsync(User.UserId(), userId, Form.Version, ct),
        "A new set-up link has been emailed. Earlier links no longer work.", ct);

    private async Task<IActionResult> ChangeAsync(string userId, Func<Task<AccountChange>> change, string done, CancellationToken ct)
    {
        var changed = await change();
        switch (changed.Status)
        {
            case AccountChangeStatus.NotFound:
                return NotFound();
            case AccountChangeStatus.Saved:
                TempData.SetSuccess(done);
                return RedirectToPage(new { userId });
            case AccountChangeStatus.Conflict:
                ModelState.AddModelError("", ChangedMeanwhile);
                break;
            default:
                ModelState.AddErrors(changed.Refusals, nameof(Form));
                break;
        }

        if (!await LoadAsync(userId, ct))
        {
            return NotFound();
        }

        // The roles as ticked are kept; the version is the account's as it is now, so trying again works.
        Form = Form with { Version = Account.Version };
        return Page();
    }

    private async Task<bool> LoadAsync(string userId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var account = await db.Users.AsNoTracking()
            .Where(u => u.Id == userId && u.DeletedAt == null)
            .Select(u => new Summary(
                u.Id,
                u.DisplayName,
                u.Email ?? "",
                db.Organisations.Where(o => o.Id == u.OrganisationId).Select(o => o.Name).FirstOrDefault(),
                db.UserRoles.Where(ur => ur.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name!).OrderBy(n => n).ToList(),
                u.TwoFactorEnabled,
                u.LastSignedInAt,
                u.LockoutEnd != null && u.LockoutEnd > now ? u.LockoutEnd : null,
                u.DeactivatedAt,
                u.PasswordHash == null,
                u.ConcurrencyStamp ?? "",
                db.Memberships.Count(m => m.UserId == u.Id)))
            .SingleOrDefaultAsync(ct);
        if (account is null)
        {
            return false;
        }

        Account = account;
        return true;
    }

    public bool IsMe => Account.Id == User.UserId();

    public sealed record Summary(string Id, string Name, string Email, string? Organisation, List<string> Roles, bool TwoFactor,
        DateTimeOffset? LastSignedInAt, DateTimeOffset? LockedUntil, DateTimeOffset? DeactivatedAt, bool WaitingForSetUp,
        string Version, int Cycles);

    public sealed record Input
    {
        public List<string> Roles { get; init; } = [];

        /// <summary>The account's concurrency stamp when the page was shown (R8).</summary>
        public string Version { get; init; } = "";
    }
}
