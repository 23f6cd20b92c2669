using CoproCommissioning.Domain.Organisations;
using CoproCommissioning.Web.Pages.Admin.Organisations;

namespace CoproCommissioning.Web.Pages.Cycles.Members;

/// <summary>
/// A commissioner adds a provider's organisation that is not listed yet, to invite someone from it
/// (docs/decisions/0019-commissioners-and-organisations.md). The same rules as administrators' (Organisation.Create).
/// </summary>
[CyclePermission(CycleOperation.ManageMembers)]
public sealed class AddOrganisationModel(CoproDbContext db, ILogger<AddOrganisationModel> logger) : PageModel
{
    [BindProperty] public OrganisationForm Form { get; set; } = new();

    public Guid CycleId { get; private set; }

    public void OnGet(Guid cycleId) => CycleId = cycleId;

    [CyclePermission(CycleOperation.ManageMembers)]
    public async Task<IActionResult> OnPostAsync(Guid cycleId, CancellationToken ct)
    {
        CycleId = cycleId;
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

        logger.LogInformation("Organisation {OrganisationId} added from cycle {CycleId}", created.Value.Id, cycleId);
        TempData.SetSuccess($"{created.Value.Name} added. You can now choose it when you invite someone.");
        return Redirect($"/cycles/{cycleId}/members#invite");
    }
}
