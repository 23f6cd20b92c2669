using System.Security.Claims;
using CoproCommissioning.Data.Auditing;

namespace CoproCommissioning.Web.Infrastructure;

/// <summary>The audit trail's "who": the signed-in person making the request, if any.</summary>
public sealed class SignedInAuditActor(IHttpContextAccessor http) : IAuditActor
{
    public string? UserId => http.HttpContext?.User.FindFirstValue(ClaimTypes.NameIdentifier);
}
