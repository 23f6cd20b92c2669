using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CoproCommissioning.Web.Areas.Identity.Pages.Account;

[AllowAnonymous]
public sealed class LockoutModel(IOptions<IdentityOptions> identity) : PageModel
{
    public int Minutes { get; } = (int)Math.Ceiling(identity.Value.Lockout.DefaultLockoutTimeSpan.TotalMinutes);

    public void OnGet()
    {
    }
}
