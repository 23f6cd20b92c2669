namespace CoproCommissioning.Web.Areas.Identity.Pages.Account.Manage;

public sealed class PersonalDataModel : PageModel
{
    public void OnGet()
    {
    }
}
