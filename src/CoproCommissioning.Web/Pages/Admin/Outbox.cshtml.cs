using CoproCommissioning.Data.Identity;
using CoproCommissioning.Data.Outbox;
using CoproCommissioning.Web.Infrastructure.Email;
using Microsoft.AspNetCore.Authorization;

namespace CoproCommissioning.Web.Pages.Admin;

/// <summary>
/// Every email the service has queued, newest first: whether it went, how many tries it took and why the last one
/// failed, with "send again" for those that failed for good. Never the address or the text: administrators see what an
/// email was for and a masked recipient, enough to tell messages apart (docs/decisions/0024-email-outbox.md).
/// </summary>
[Authorize(Roles = SiteRoles.Administrator)]
public sealed class OutboxModel(CoproDbContext db, OutboxSender outbox) : PageModel
{
    public const int PageSize = 25;

    public PageOf<Row> Messages { get; private set; } = new([], 1, PageSize, 0);

    public OutboxStatus? Status { get; private set; }

    public async Task OnGetAsync(OutboxStatus? status, int pageNumber = 1, CancellationToken ct = default)
    {
        Status = status;
        var messages = db.Outbox.AsNoTracking();
        if (status is { } only)
        {
            messages = messages.Where(m => m.Status == only);
        }

        var page = await messages
            .OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id)
            .Select(m => new { m.Id, m.Status, m.Purpose, m.To, m.CreatedAt, m.Attempts, m.NextAttemptAt, m.SentAt, m.LastError })
            .ToPageAsync(pageNumber, ct, PageSize);
        // The address is read only to be masked here; the page never holds it whole.
        Messages = page.With([.. page.Items.Select(m => new Row(m.Id, m.Status, m.Purpose, MaskedAddress.Of(m.To), m.CreatedAt,
            m.Attempts, m.Status == OutboxStatus.Waiting ? m.NextAttemptAt : null, m.SentAt, m.LastError))]);
    }

    public async Task<IActionResult> OnPostSendAgainAsync(Guid messageId, CancellationToken ct)
    {
        var found = await outbox.SendAgainAsync(messageId, ct);
        if (found is null)
        {
            return NotFound();
        }

        TempData.SetSuccess(found == OutboxStatus.Failed
            ? "The email will be sent again in a moment."
            : "That email had not failed: it is already waiting to be sent, or was sent.");
        return RedirectToPage(new { messageId = (Guid?)null });
    }

    public string UrlFor(int pageNumber) =>
        $"/admin/outbox?pageNumber={pageNumber}{(Status is { } status ? $"&status={status}" : "")}";

    public IReadOnlyList<Choice> StatusChoices =>
    [
        new("", "All emails", Status is null),
        .. Enum.GetValues<OutboxStatus>().Select(s => new Choice(s.ToString(), StatusLabel(s), Status == s)),
    ];

    public static string StatusLabel(OutboxStatus status) => status switch
    {
        OutboxStatus.Waiting => "Waiting to be sent",
        OutboxStatus.Sent => "Sent",
        OutboxStatus.Failed => "Failed",
        _ => status.ToString(),
    };

    public sealed record Row(Guid Id, OutboxStatus Status, string Purpose, string MaskedTo, DateTimeOffset CreatedAt, int Attempts,
        DateTimeOffset? NextAttemptAt, DateTimeOffset? SentAt, string? LastError);
}
