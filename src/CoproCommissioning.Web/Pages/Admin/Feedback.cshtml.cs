using CoproCommissioning.Data.Identity;
using Microsoft.AspNetCore.Authorization;

namespace CoproCommissioning.Web.Pages.Admin;

/// <summary>Feedback about the service from the phase banner's link, newest first, a page at a time.</summary>
[Authorize(Roles = SiteRoles.Administrator)]
public sealed class FeedbackModel(CoproDbContext db) : PageModel
{
    public PageOf<Row> Feedback { get; private set; } = new([], 1, Paging.DefaultSize, 0);

    public async Task OnGetAsync(int pageNumber = 1, CancellationToken ct = default) =>
        Feedback = await db.Feedback.AsNoTracking()
            .OrderByDescending(f => f.SentAt).ThenByDescending(f => f.Id)
            .Select(f => new Row(f.Id, f.Text, f.Email, f.Page, f.SentAt))
            .ToPageAsync(pageNumber, ct);

    public static string UrlFor(int pageNumber) => $"/admin/feedback?pageNumber={pageNumber}";

    public sealed record Row(Guid Id, string Text, string? Email, string? Page, DateTimeOffset SentAt);
}
