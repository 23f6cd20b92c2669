using System.Linq.Expressions;
using CoproCommissioning.Domain.Membership;

namespace CoproCommissioning.Domain.Monitoring;

/// <summary>
/// Which submitted returns of a contract a member may read, as a query filter, so a page that shows only their ratings
/// and values asks the database for those returns alone instead of loading every return to ask each one. It agrees with
/// <see cref="ProviderReturn.MayBeReadBy"/> for submitted returns: the commissioning team reads every party's, a provider
/// its own organisation's and, in an alliance it is party to, the other members'; nobody else reads any.
/// </summary>
public static class SubmittedReturns
{
    public static Expression<Func<ProviderReturn, bool>> ReadableBy(CycleMonitoring monitoring, CycleRole role, Guid? organisationId)
    {
        ArgumentNullException.ThrowIfNull(monitoring);
        Guard.Defined(role);
        var monitoringId = monitoring.Id;
        if (CyclePermissions.Allows(role, CycleOperation.SubmitProviderReturn))
        {
            if (monitoring.IsAlliance && monitoring.IsReturningParty(organisationId))
            {
                return r => r.MonitoringId == monitoringId;
            }

            return organisationId is { } own ? r => r.MonitoringId == monitoringId && r.OrganisationId == own : r => false;
        }

        return CyclePermissions.Allows(role, CycleOperation.ReadProviderReturns) ? r => r.MonitoringId == monitoringId : r => false;
    }

    /// <summary>Whether the member reads any party's returns at all: panel members and observers do not, and give their own view instead.</summary>
    public static bool AnyReadableBy(CycleRole role) =>
        CyclePermissions.Allows(role, CycleOperation.SubmitProviderReturn) || CyclePermissions.Allows(role, CycleOperation.ReadProviderReturns);
}
