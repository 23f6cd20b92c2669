using CoproCommissioning.Data.Identity;
using CoproCommissioning.Web.Infrastructure.Accounts;
using Microsoft.AspNetCore.Identity;

namespace CoproCommissioning.Web.Areas.Identity.Pages.Account.Manage;

/// <summary>The "Your data" JSON file. A POST (from the Your data page), so a link elsewhere cannot start a download.</summary>
public sealed class DownloadPersonalDataModel(
    UserManager<AppUser> users,
    PersonalDataExport export,
    ILogger<DownloadPersonalDataModel> logger) : PageModel
{
    public IActionResult OnGet() => RedirectToPage("./PersonalData");

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var userId = users.GetUserId(User);
        if (userId is null)
        {
            return Challenge();
        }

        var json = await export.ToJsonAsync(userId, ct);
        logger.LogInformation("User {UserId} downloaded their personal data", userId);
        Response.Headers.CacheControl = "no-store";
        return File(json, "application/json", "co-produced-commissioning-your-data.json");
    }
}
