using CoproCommissioning.Domain.Feedback;
using CoproCommissioning.Web.Infrastructure.RateLimiting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.RateLimiting;

namespace CoproCommissioning.Web.Pages.Feedback;

/// <summary>
/// Where the phase banner's "feedback" link goes: anyone, signed in or not, tells us what they think of the service.
/// Administrators read it under /admin/feedback. What people write is never logged.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(RateLimitPolicies.SendFeedback)]
public sealed class IndexModel(CoproDbContext db, TimeProvider clock, ILogger<IndexModel> logger) : PageModel
{
    [BindProperty]
    public Input Form { get; set; } = new();

    public bool Sent { get; private set; }

    public void OnGet(string? from) => Form = new Input { Page = from ?? "" };

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var sent = ServiceFeedback.Send(Form.Text, Form.Email, Form.Page, clock.GetUtcNow());
        ModelState.AddErrors(sent, nameof(Form));
        if (!ModelState.IsValid)
        {
            return Page();
        }

        db.Feedback.Add(sent.Value);
        var saved = await db.TrySaveAsync(ct);
        if (!saved.Succeeded)
        {
            ModelState.AddErrors(saved, nameof(Form));
            return Page();
        }

        logger.LogInformation("Feedback {FeedbackId} received", sent.Value.Id);
        return RedirectToPage(new { handler = "sent" });
    }

    public void OnGetSent() => Sent = true;

    /// <summary>What the person typed; the feedback judges every answer.</summary>
    public sealed record Input
    {
        public string Text { get; init; } = "";
        public string Email { get; init; } = "";

        /// <summary>The page the feedback link was followed from, carried in a hidden field.</summary>
        public string Page { get; init; } = "";
    }
}
