using CoproCommissioning.Data.Identity;
using CoproCommissioning.Domain.Organisations;
using Microsoft.AspNetCore.Authorization;

namespace CoproCommissioning.Web.Pages.Admin.Organisations;

[Authorize(Roles = SiteRoles.Administrator)]
public sealed class NewModel(CoproDbContext db, ILogger<NewModel> logger) : PageModel
{
    [BindProperty] public OrganisationForm Form { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var created = Organisation.Create(Form.Name, Form.Kind, Form.OdsCode, Form.ContactName, Form.ContactEmail);
        ModelState.AddErrors(created, nameof(Form));
        if (!ModelState.IsValid)
        {
            return Page();
        }

        db.Organisations.Add(created.Value);
        var saved = await db.TrySaveAsync(ct);
        if (!saved.Succeeded)
        {
            ModelState.AddErrors(saved, nameof(Form));
            return Page();
        }

        logger.LogInformation("Organisation {OrganisationId} added", created.Value.Id);
        TempData.SetSuccess($"{created.Value.Name} added.");
        return RedirectToPage("Index");
    }
}
