using CoproCommissioning.Data.Notifications;
using CoproCommissioning.Web.Infrastructure.Notifications;
using Microsoft.AspNetCore.Authorization;

namespace CoproCommissioning.Web.Pages.Unsubscribe;

/// <summary>
/// One-click unsubscribe (RFC 8058) from the link in every notification email. Anonymous on purpose: mail clients POST
/// the List-Unsubscribe address with no cookies and no antiforgery token, and a person reading the email in a browser
/// may not be signed in. The signed token is the whole authorization: it names the person and the kinds of event, and a
/// changed one is refused (docs/decisions/0025-notifications.md). It only ever turns emails off.
/// </summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
public sealed class IndexModel(CoproDbContext db, UnsubscribeTokens tokens, ILogger<IndexModel> logger) : PageModel
{
    /// <summary>The kinds the link is about, by their names on the preferences page; empty when the link does not work.</summary>
    public IReadOnlyList<string> KindNames { get; private set; } = [];

    /// <summary>True when every kind the link names is already "not by email".</summary>
    public bool Done { get; private set; }

    public bool LinkWorks { get; private set; }

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken ct)
    {
        var request = tokens.Read(token);
        if (request is null || !await AccountExistsAsync(request.UserId, ct))
        {
            return Refused();
        }

        Show(request);
        var off = await db.NotificationPreferences.AsNoTracking()
            .CountAsync(p => p.UserId == request.UserId && request.Kinds.Contains(p.Kind) && p.Frequency == NotificationFrequency.NotByEmail, ct);
        Done = off == request.Kinds.Count;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string token, CancellationToken ct)
    {
        var request = tokens.Read(token);
        if (request is null || !await AccountExistsAsync(request.UserId, ct))
        {
            return Refused();
        }

        var saved = await db.NotificationPreferences
            .Where(p => p.UserId == request.UserId && request.Kinds.Contains(p.Kind))
            .ToDictionaryAsync(p => p.Kind, ct);
        foreach (var kind in request.Kinds)
        {
            if (saved.TryGetValue(kind, out var preference))
            {
                preference.Frequency = NotificationFrequency.NotByEmail;
            }
            else
            {
                db.NotificationPreferences.Add(new NotificationPreference(request.UserId, kind, NotificationFrequency.NotByEmail));
            }
        }

        await db.SaveChangesAsync(ct);
        logger.LogInformation("User {UserId} unsubscribed from {Count} kinds of email", request.UserId, request.Kinds.Count);
        Show(request);
        Done = true;
        return Page();
    }

    private void Show(UnsubscribeRequest request)
    {
        LinkWorks = true;
        KindNames = [.. request.Kinds.Select(k => NotificationCatalogue.Of(k).Name)];
    }

    private Task<bool> AccountExistsAsync(string userId, CancellationToken ct) =>
        db.Users.AnyAsync(u => u.Id == userId && u.DeletedAt == null, ct);

    // A changed or copied-wrong link: say so on this page, with a 400, rather than a general error.
    private PageResult Refused()
    {
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
