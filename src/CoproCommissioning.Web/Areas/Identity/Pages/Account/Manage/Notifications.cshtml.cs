using CoproCommissioning.Data.Notifications;
using CoproCommissioning.Web.Infrastructure.Notifications;
using Microsoft.AspNetCore.Authorization;

namespace CoproCommissioning.Web.Areas.Identity.Pages.Account.Manage;

/// <summary>
/// How you hear about each kind of event: straight away, in a daily or weekly summary, or not by email. Each kind is
/// saved as its own choice; whatever is chosen, everything is also listed in the app. A choice applies to what is
/// raised from then on (docs/decisions/0025-notifications.md).
/// </summary>
[Authorize]
public sealed class NotificationsModel(CoproDbContext db, ILogger<NotificationsModel> logger) : PageModel
{
    public static IReadOnlyList<NotificationFrequency> Frequencies { get; } = Enum.GetValues<NotificationFrequency>();

    /// <summary>The choice per kind, by the kind's name, as the radios post it ("Form[InputAnswered]").</summary>
    [BindProperty]
    public Dictionary<string, string?> Form { get; set; } = [];

    [TempData]
    public string? StatusMessage { get; set; }

    public static IReadOnlyList<NotificationKindEntry> Kinds => NotificationCatalogue.Choosable;

    public static string FieldName(NotificationKind kind) => $"Form[{kind}]";

    public async Task OnGetAsync(CancellationToken ct)
    {
        var chosen = await db.NotificationPreferences.AsNoTracking()
            .Where(p => p.UserId == User.UserId())
            .ToDictionaryAsync(p => p.Kind, p => p.Frequency, ct);
        Form = Kinds.ToDictionary(k => k.Kind.ToString(), k => (string?)(chosen.TryGetValue(k.Kind, out var f) ? f : k.Default).ToString());
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Dictionary<NotificationKind, NotificationFrequency> choices = [];
        foreach (var kind in Kinds)
        {
            var value = Form.GetValueOrDefault(kind.Kind.ToString());
            if (Enum.TryParse<NotificationFrequency>(value, ignoreCase: false, out var frequency) && Enum.IsDefined(frequency))
            {
                choices[kind.Kind] = frequency;
            }
            else
            {
                ModelState.AddModelError(FieldName(kind.Kind), $"Choose how you want to hear that {char.ToLowerInvariant(kind.Name[0])}{kind.Name[1..]}");
            }
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var me = User.UserId();
        var saved = await db.NotificationPreferences.Where(p => p.UserId == me).ToDictionaryAsync(p => p.Kind, ct);
        foreach (var (kind, frequency) in choices)
        {
            // Each kind on its own: two tabs saving at once leave each kind as the last one saved it.
            if (saved.TryGetValue(kind, out var preference))
            {
                preference.Frequency = frequency;
            }
            else
            {
                db.NotificationPreferences.Add(new NotificationPreference(me, kind, frequency));
            }
        }

        await db.SaveChangesAsync(ct);
        logger.LogInformation("User {UserId} changed how they hear about events", me);
        StatusMessage = "Your choices have been saved";
        return RedirectToPage();
    }
}
