using Microsoft.AspNetCore.Authorization;

namespace CoproCommissioning.Web.Pages;

[AllowAnonymous]
public class IndexModel : PageModel
{
    public void OnGet()
    {
    }
}
