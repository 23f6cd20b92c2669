using System.Linq.Expressions;
using CoproCommissioning.Domain.Membership;

namespace CoproCommissioning.Domain.Monitoring;

/// <summary>
/// Whose submitted returns a member may read, named by organisation, so a page that shows only their ratings and values
/// asks the database for those returns alone instead of loading every return to ask each one. It agrees with
/// <see cref="ProviderReturn.MayBeReadBy"/> for submitted returns: the commissioning team reads every party's, a provider
/// its own organisation's and, in an alliance it is party to, the other members'; panel members and observers read none,
/// and give or follow the panel's own view instead.
/// </summary>
public static class SubmittedReturns
{
    /// <summary>The parties whose submitted returns the member may read, in the contract's order; empty when none.</summary>
    public static IReadOnlyList<Guid> ReadableOrganisations(CycleMonitoring monitoring, CycleRole role, Guid? organisationId)
    {
        ArgumentNullException.ThrowIfNull(monitoring);
        Guard.Defined(role);
        if (CyclePermissions.Allows(role, CycleOperation.SubmitProviderReturn))
        {
            return !monitoring.IsReturningParty(organisationId) ? []
                : monitoring.IsAlliance ? monitoring.ReturningOrganisationIds
                : [organisationId!.Value];
        }

        return CyclePermissions.Allows(role, CycleOperation.ReadProviderReturns) ? monitoring.ReturningOrganisationIds : [];
    }

    /// <summary><see cref="ReadableOrganisations"/> as a query filter on the contract's returns.</summary>
    public static Expression<Func<ProviderReturn, bool>> ReadableBy(CycleMonitoring monitoring, CycleRole role, Guid? organisationId)
    {
        var organisations = ReadableOrganisations(monitoring, role, organisationId).ToArray();
        var monitoringId = monitoring.Id;
        return r => r.MonitoringId == monitoringId && organisations.Contains(r.OrganisationId);
    }
}
