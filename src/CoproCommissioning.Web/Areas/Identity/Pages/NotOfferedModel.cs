using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.Filters;

namespace CoproCommissioning.Web.Areas.Identity.Pages;

/// <summary>
/// Replaces an Identity UI page the service does not offer, whatever the method or handler: "page not found".
/// There is no open self-registration (accounts come from invitations), no external sign-in, and email
/// addresses are set by the invitation, so the pages for those are not reachable.
/// </summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
public sealed class NotOfferedModel : PageModel
{
    public override void OnPageHandlerExecuting(PageHandlerExecutingContext context) => context.Result = NotFound();
}
