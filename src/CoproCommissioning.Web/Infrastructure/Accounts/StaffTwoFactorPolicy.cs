using System.Security.Claims;
using CoproCommissioning.Data.Identity;
using Microsoft.Extensions.Options;

namespace CoproCommissioning.Web.Infrastructure.Accounts;

/// <summary>
/// Who must use two-factor authentication: the people who run cycles, because they can see and change other
/// people's data (access needs, sign-offs). That is the site roles <see cref="SiteRoles.Administrator"/> and
/// <see cref="SiteRoles.Commissioner"/>, and anyone who is a commissioner or co-production champion in any cycle.
/// Cycle roles are read from the database each time, so an appointment takes effect at once.
/// </summary>
public sealed class StaffTwoFactorPolicy(IOptionsMonitor<AccountOptions> options, CoproDbContext db)
{
    private static readonly string[] StaffRoles = [SiteRoles.Administrator, SiteRoles.Commissioner];
    private static readonly CycleRole[] StaffCycleRoles = [CycleRole.Commissioner, CycleRole.CoProductionChampion];

    public bool IsOn => options.CurrentValue.RequireTwoFactorForStaff;

    public async Task<bool> IsRequiredForAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        if (!IsOn || user.Identity?.IsAuthenticated != true)
        {
            return false;
        }

        if (StaffRoles.Any(user.IsInRole))
        {
            return true;
        }

        var userId = user.UserId();
        return await db.Memberships.AnyAsync(m => m.UserId == userId && StaffCycleRoles.Contains(m.Role), ct);
    }
}
