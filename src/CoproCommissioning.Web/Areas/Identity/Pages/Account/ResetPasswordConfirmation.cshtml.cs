using Microsoft.AspNetCore.Authorization;

namespace CoproCommissioning.Web.Areas.Identity.Pages.Account;

[AllowAnonymous]
public sealed class ResetPasswordConfirmationModel : PageModel
{
    public void OnGet()
    {
    }
}
