using CoproCommissioning.Data.Identity;
using CoproCommissioning.Web.Infrastructure.Accounts;
using Microsoft.AspNetCore.Identity;

namespace CoproCommissioning.Web.Areas.Identity.Pages.Account.Manage;

/// <summary>"Your data" as a page a person can read and print: the same export as the JSON download.</summary>
public sealed class YourDataModel(UserManager<AppUser> users, PersonalDataExport export, ILogger<YourDataModel> logger) : PageModel
{
    public PersonalDataExport.PersonalData Data { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var userId = users.GetUserId(User);
        if (userId is null)
        {
            return Challenge();
        }

        Data = await export.BuildAsync(userId, ct);
        logger.LogInformation("User {UserId} viewed their personal data", userId);
        return Page();
    }
}
