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
        return ReadableOrganisations(monitoring.IsAlliance, monitoring.ReturningOrganisationIds, role, organisationId);
    }

    /// <summary>
    /// The same from the contract's terms alone (whether it is an alliance agreement, and which organisations report on
    /// it), for a page that reads those terms instead of the whole contract.
    /// </summary>
    public static IReadOnlyList<Guid> ReadableOrganisations(
        bool isAlliance, IReadOnlyList<Guid> returningOrganisationIds, CycleRole role, Guid? organisationId)
    {
        ArgumentNullException.ThrowIfNull(returningOrganisationIds);
        Guard.Defined(role);
        if (CyclePermissions.Allows(role, CycleOperation.SubmitProviderReturn))
        {
            return organisationId is not { } own || !returningOrganisationIds.Contains(own) ? []
                : isAlliance ? returningOrganisationIds
                : [own];
        }

        return CyclePermissions.Allows(role, CycleOperation.ReadProviderReturns) ? returningOrganisationIds : [];
    }

    /// <summary><see cref="ReadableOrganisations(CycleMonitoring, CycleRole, Guid?)"/> as a query filter on the contract's returns.</summary>
    public static Expression<Func<ProviderReturn, bool>> ReadableBy(CycleMonitoring monitoring, CycleRole role, Guid? organisationId)
    {
        ArgumentNullException.ThrowIfNull(monitoring);
        return ReadableBy(monitoring.Id, ReadableOrganisations(monitoring, role, organisationId));
    }

    /// <summary>The returns of the contract <paramref name="monitoringId"/> from <paramref name="readableOrganisations"/>, as a query filter.</summary>
    public static Expression<Func<ProviderReturn, bool>> ReadableBy(Guid monitoringId, IReadOnlyCollection<Guid> readableOrganisations)
    {
        var organisations = readableOrganisations.ToArray();
        return r => r.MonitoringId == monitoringId && organisations.Contains(r.OrganisationId);
    }
}
