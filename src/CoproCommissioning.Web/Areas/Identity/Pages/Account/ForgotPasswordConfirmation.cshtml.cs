using Microsoft.AspNetCore.Authorization;

namespace CoproCommissioning.Web.Areas.Identity.Pages.Account;

[AllowAnonymous]
public sealed class ForgotPasswordConfirmationModel : PageModel
{
    public void OnGet()
    {
    }
}
