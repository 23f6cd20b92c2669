using System.Diagnostics;
using Microsoft.AspNetCore.Authorization;

namespace CoproCommissioning.Web.Pages;

/// <summary>
/// Shown by the exception handler. It never shows exception details: only a reference that
/// matches the request id in the logs.
/// </summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public class ErrorModel : PageModel
{
    // Worked out here rather than in OnGet: the exception handler re-runs the failed request with
    // its own method (POST, PUT...), and a page with no matching handler is still rendered.
    public string? RequestId => Activity.Current?.Id ?? HttpContext.TraceIdentifier;

    public bool ShowRequestId => !string.IsNullOrEmpty(RequestId);
}
