namespace CoproCommissioning.Web.Areas.Identity.Pages.Account.Manage;

/// <summary>Shows new recovery codes once, straight after they are made; they are never shown again.</summary>
public sealed class ShowRecoveryCodesModel : PageModel
{
    [TempData]
    public string[]? RecoveryCodes { get; set; }

    public IActionResult OnGet() =>
        RecoveryCodes is { Length: > 0 } ? Page() : RedirectToPage("./TwoFactorAuthentication");
}
