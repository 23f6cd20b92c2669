using CoproCommissioning.Data.Identity;
using CoproCommissioning.Domain.Organisations;
using Microsoft.AspNetCore.Authorization;

namespace CoproCommissioning.Web.Pages.Admin.Organisations;

/// <summary>Changes an organisation's details, or retires it. Someone else's change first is shown, never overwritten (R8).</summary>
[Authorize(Roles = SiteRoles.Administrator)]
public sealed class EditModel(CoproDbContext db, TimeProvider clock, ILogger<EditModel> logger) : PageModel
{
    public const string ChangedMeanwhile =
        "Someone changed this organisation while you were editing. Your changes have not been saved: check the latest details, then save again.";

    [BindProperty] public OrganisationForm Form { get; set; } = new();

    public string Name { get; private set; } = "";
    public DateTimeOffset? RetiredAt { get; private set; }

    /// <summary>After someone else changed it first: what is saved now, beside what this administrator typed.</summary>
    public OrganisationForm? Latest { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid organisationId, CancellationToken ct)
    {
        if (await FindAsync(organisationId, ct) is not { } organisation)
        {
            return NotFound();
        }

        Form = OrganisationForm.Of(organisation);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid organisationId, CancellationToken ct)
    {
        if (await FindAsync(organisationId, ct) is not { } organisation)
        {
            return NotFound();
        }

        db.Entry(organisation).Property(o => o.Version).OriginalValue = Form.Version;
        ModelState.AddErrors(organisation.Revise(Form.Name, Form.Kind, Form.OdsCode, Form.ContactName, Form.ContactEmail), nameof(Form));
        if (!ModelState.IsValid)
        {
            return Page();
        }

        if (!await SavedAsync(organisationId, ct))
        {
            return Page();
        }

        logger.LogInformation("Organisation {OrganisationId} changed", organisationId);
        TempData.SetSuccess($"{organisation.Name} saved.");
        return RedirectToPage("Index");
    }

    public async Task<IActionResult> OnPostRetireAsync(Guid organisationId, CancellationToken ct)
    {
        if (await FindAsync(organisationId, ct) is not { } organisation)
        {
            return NotFound();
        }

        db.Entry(organisation).Property(o => o.Version).OriginalValue = Form.Version;
        var retired = organisation.Retire(clock.GetUtcNow());
        ModelState.AddErrors(retired, nameof(Form));
        if (!retired.Succeeded || !await SavedAsync(organisationId, ct))
        {
            Form = Latest ?? OrganisationForm.Of(organisation);
            return Page();
        }

        logger.LogInformation("Organisation {OrganisationId} retired", organisationId);
        TempData.SetSuccess($"{organisation.Name} retired. Its history is kept; nobody can be invited into it now.");
        return RedirectToPage("Index");
    }

    private async Task<bool> SavedAsync(Guid organisationId, CancellationToken ct)
    {
        var saved = await db.TrySaveAsync(ct);
        if (saved.Status == SaveStatus.Conflict)
        {
            if (await FindAsync(organisationId, ct) is { } latest)
            {
                Latest = OrganisationForm.Of(latest);
                Form = Form with { Version = latest.Version };
            }

            ModelState.AddModelError("", ChangedMeanwhile);
        }
        else if (!saved.Succeeded)
        {
            ModelState.AddErrors(saved, nameof(Form));
        }

        return saved.Succeeded;
    }

    private async Task<Organisation?> FindAsync(Guid organisationId, CancellationToken ct)
    {
        var organisation = await db.Organisations.SingleOrDefaultAsync(o => o.Id == organisationId, ct);
        Name = organisation?.Name ?? "";
        RetiredAt = organisation?.RetiredAt;
        return organisation;
    }
}
