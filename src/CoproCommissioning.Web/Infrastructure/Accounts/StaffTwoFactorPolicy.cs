using System.Security.Claims;
using CoproCommissioning.Data.Identity;
using Microsoft.Extensions.Options;

namespace CoproCommissioning.Web.Infrastructure.Accounts;

/// <summary>Who must use two-factor authentication: the site roles that can see and change other people's data.</summary>
public sealed class StaffTwoFactorPolicy(IOptionsMonitor<AccountOptions> options)
{
    private static readonly string[] StaffRoles = [SiteRoles.Administrator, SiteRoles.Commissioner];

    public bool IsRequiredFor(ClaimsPrincipal user) =>
        options.CurrentValue.RequireTwoFactorForStaff
        && user.Identity?.IsAuthenticated == true
        && StaffRoles.Any(user.IsInRole);
}
