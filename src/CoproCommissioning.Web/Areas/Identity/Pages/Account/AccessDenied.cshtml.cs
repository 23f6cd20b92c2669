using Microsoft.AspNetCore.Authorization;

namespace CoproCommissioning.Web.Areas.Identity.Pages.Account;

[AllowAnonymous]
public sealed class AccessDeniedModel : PageModel
{
    public void OnGet() => Response.StatusCode = StatusCodes.Status403Forbidden;
}
