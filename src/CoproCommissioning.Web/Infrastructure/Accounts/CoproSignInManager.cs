using CoproCommissioning.Data.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CoproCommissioning.Web.Infrastructure.Accounts;

/// <summary>
/// Identity's sign-in, refusing a deactivated or deleted account at every step (password, authenticator code,
/// recovery code), so no sign-in page can forget to check.
/// </summary>
public sealed class CoproSignInManager(
    UserManager<AppUser> users,
    IHttpContextAccessor http,
    IUserClaimsPrincipalFactory<AppUser> claims,
    IOptions<IdentityOptions> options,
    ILogger<SignInManager<AppUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<AppUser> confirmation)
    : SignInManager<AppUser>(users, http, claims, options, logger, schemes, confirmation)
{
    public override async Task<bool> CanSignInAsync(AppUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.DeactivatedAt is null && user.DeletedAt is null && await base.CanSignInAsync(user);
    }
}
