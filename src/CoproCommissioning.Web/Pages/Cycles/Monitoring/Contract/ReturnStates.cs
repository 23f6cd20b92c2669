using CoproCommissioning.Domain.Monitoring;

namespace CoproCommissioning.Web.Pages.Cycles.Monitoring.Contract;

/// <summary>A returning party, and where its return for each period stands as far as the signed-in member may know.</summary>
public sealed record PartyReturns(Guid OrganisationId, string Name, IReadOnlyDictionary<Guid, ReturnState> ByPeriod)
{
    public ReturnState StateIn(Guid periodId) => ByPeriod[periodId];
}

/// <summary>
/// Where each party's return stands, for the overview and the period page, read as a projection (whether each return
/// was submitted and whether a correction is being written) and never the returns themselves. Who is shown what is
/// decided here once: the commissioning team (<see cref="CycleOperation.ReadProviderReturns"/>) every party's, drafts
/// and corrections included, since where a return stands says nothing of what it says; a provider its own
/// organisation's and, in an alliance it is party to, the other members' as far as it may read them
/// (<see cref="ProviderReturn.MayBeReadBy"/>: another member's draft is not started to it, and a correction being
/// written is the submitted return); panel members, observers and providers outside the contract no one's.
/// </summary>
public static class ReturnStates
{
    public static async Task<IReadOnlyList<PartyReturns>> LoadAsync(
        CoproDbContext db, CycleMonitoring monitoring, CycleRole role, Guid? organisationId, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(monitoring);
        var shown = Shown(monitoring, role, organisationId);
        if (shown.Count == 0)
        {
            return [];
        }

        var ids = shown.Keys.ToList();
        var monitoringId = monitoring.Id;
        var returns = await db.ProviderReturns.AsNoTracking()
            .Where(r => r.MonitoringId == monitoringId && ids.Contains(r.OrganisationId))
            .Select(r => new
            {
                r.PeriodId,
                r.OrganisationId,
                Submitted = r.Revisions.Any(v => v.SubmittedAt != null),
                LatestSubmitted = r.Revisions.OrderByDescending(v => v.Number).Select(v => v.SubmittedAt != null).First(),
            })
            .ToListAsync(ct);
        var names = await db.Organisations.AsNoTracking().Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        var facts = returns.ToDictionary(
            r => (r.PeriodId, r.OrganisationId),
            r => shown[r.OrganisationId] || r.Submitted ? new ReturnFacts(r.Submitted, r.Submitted && !r.LatestSubmitted && shown[r.OrganisationId]) : null);
        return [.. ids.Select(id => new PartyReturns(
                id,
                names.GetValueOrDefault(id, "An organisation no longer listed"),
                monitoring.Periods.ToDictionary(p => p.Id, p => monitoring.StateOfReturn(p.Id, id, facts.GetValueOrDefault((p.Id, id)), now))))
            .OrderBy(p => p.Name, StringComparer.CurrentCulture)];
    }

    /// <summary>Whose returns' states the member is shown, each with whether drafts and corrections show as such.</summary>
    private static Dictionary<Guid, bool> Shown(CycleMonitoring monitoring, CycleRole role, Guid? organisationId)
    {
        if (CyclePermissions.Allows(role, CycleOperation.ReadProviderReturns))
        {
            return monitoring.ReturningOrganisationIds.ToDictionary(id => id, _ => true);
        }

        if (!CyclePermissions.Allows(role, CycleOperation.SubmitProviderReturn) || !monitoring.IsReturningParty(organisationId))
        {
            return [];
        }

        return monitoring.ReturningOrganisationIds
            .Where(id => id == organisationId || monitoring.IsAlliance)
            .ToDictionary(id => id, id => id == organisationId);
    }
}
