using CoproCommissioning.Data.Notifications;
using Microsoft.AspNetCore.Authorization;

namespace CoproCommissioning.Web.Pages.Updates;

/// <summary>
/// Everything the signed-in person has been told, newest first, whichever way they chose to hear it: a kind they take
/// "not by email", or a summary that has not gone yet, is here all the same (docs/decisions/0025-notifications.md).
/// </summary>
[Authorize]
public sealed class IndexModel(CoproDbContext db) : PageModel
{
    public PageOf<Row> Updates { get; private set; } = new([], 1, Paging.DefaultSize, 0);

    public async Task OnGetAsync(int pageNumber = 1, CancellationToken ct = default)
    {
        var me = User.UserId();
        Updates = await db.Notifications.AsNoTracking()
            .Where(n => n.UserId == me)
            .OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id)
            .Select(n => new Row(n.Id, n.Kind, n.Title, n.Text, n.Link, n.CreatedAt, n.Frequency, n.EmailedAt))
            .ToPageAsync(pageNumber, ct);
    }

    public static string UrlFor(int pageNumber) => $"/updates?pageNumber={pageNumber}";

    /// <summary>One update. Its link is one the app wrote, to one of its own pages: only a local path is shown as a link.</summary>
    public sealed record Row(Guid Id, NotificationKind Kind, string Title, string Text, string Link, DateTimeOffset At,
        NotificationFrequency Frequency, DateTimeOffset? EmailedAt)
    {
        public bool HasLocalLink => Link.StartsWith('/') && !Link.StartsWith("//", StringComparison.Ordinal) && !Link.StartsWith("/\\", StringComparison.Ordinal);

        public string HowItWasSent => (Frequency, EmailedAt) switch
        {
            (_, not null) => $"Emailed {UkTime.DateAndTime(EmailedAt.Value)}",
            (NotificationFrequency.DailySummary, null) => "In your next daily summary",
            (NotificationFrequency.WeeklySummary, null) => "In your next weekly summary",
            (NotificationFrequency.NotByEmail, null) => "Not emailed, as you chose",
            _ => "Being emailed",
        };
    }
}
