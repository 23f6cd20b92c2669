using System.Net;
using System.Text.RegularExpressions;
using CoproCommissioning.Data.Identity;
using CoproCommissioning.Web.Infrastructure.Email;
using Microsoft.AspNetCore.Authorization;

namespace CoproCommissioning.Web.Pages.Admin;

/// <summary>
/// Where there is no mail server (Development, demos, tests), emails land in the pickup folder and an
/// administrator can read them here, including the links they carry.
/// </summary>
[Authorize(Roles = SiteRoles.Administrator)]
public sealed partial class SentEmailsModel(PickupFolder pickup) : PageModel
{
    public const int PageSize = 20;

    public IReadOnlyList<SentEmail> Emails { get; private set; } = [];
    public SentEmail? Selected { get; private set; }
    public string SelectedText { get; private set; } = "";
    public IReadOnlyList<string> SelectedLinks { get; private set; } = [];
    public int PageNumber { get; private set; } = 1;
    public int PageCount { get; private set; } = 1;

    public IActionResult OnGet(string? id, int pageNumber = 1)
    {
        if (!pickup.IsInUse)
        {
            return NotFound();
        }

        if (id is not null)
        {
            Selected = pickup.Find(id);
            if (Selected is null)
            {
                return NotFound();
            }

            // Our own emails are simple paragraphs; showing them as text keeps any markup inert.
            SelectedText = WebUtility.HtmlDecode(Whitespace().Replace(Tag().Replace(Selected.HtmlBody, " "), " ").Trim());
            SelectedLinks = [.. Href().Matches(Selected.HtmlBody).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value))];
            return Page();
        }

        PageCount = Math.Max(1, (pickup.Count() + PageSize - 1) / PageSize);
        PageNumber = Math.Clamp(pageNumber, 1, PageCount);
        Emails = pickup.List((PageNumber - 1) * PageSize, PageSize);
        return Page();
    }

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"[ \t\r\n]+")]
    private static partial Regex Whitespace();

    [GeneratedRegex("href=\"([^\"]+)\"", RegexOptions.IgnoreCase)]
    private static partial Regex Href();
}
