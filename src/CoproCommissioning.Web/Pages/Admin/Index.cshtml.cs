using CoproCommissioning.Data.Identity;
using CoproCommissioning.Web.Infrastructure.Email;
using Microsoft.AspNetCore.Authorization;

namespace CoproCommissioning.Web.Pages.Admin;

/// <summary>Where administrators start: organisations, staff accounts, outgoing email and (without a mail server) sent emails.</summary>
[Authorize(Roles = SiteRoles.Administrator)]
public sealed class IndexModel(PickupFolder pickup) : PageModel
{
    public bool ShowsSentEmails => pickup.IsInUse;

    public void OnGet()
    {
    }
}
