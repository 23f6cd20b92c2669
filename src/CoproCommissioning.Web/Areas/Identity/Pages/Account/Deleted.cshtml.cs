using Microsoft.AspNetCore.Authorization;

namespace CoproCommissioning.Web.Areas.Identity.Pages.Account;

/// <summary>Where someone lands after deleting their account (they are signed out by then).</summary>
[AllowAnonymous]
public sealed class DeletedModel : PageModel
{
    [TempData]
    public int? FormerParticipantNumber { get; set; }

    public IActionResult OnGet() => FormerParticipantNumber is null ? LocalRedirect("~/") : Page();
}
