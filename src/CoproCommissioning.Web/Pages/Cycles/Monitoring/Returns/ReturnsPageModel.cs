using CoproCommissioning.Domain.Monitoring;

namespace CoproCommissioning.Web.Pages.Cycles.Monitoring.Returns;

/// <summary>
/// A page about providers' returns. Every return a page shows or changes is read through
/// <see cref="LoadReadableReturnsAsync"/>, so who may read which return (<see cref="ProviderReturn.MayBeReadBy"/>) is
/// applied in one place: a provider's query asks the database for its own organisation's returns (and, in an alliance
/// it is party to, the other members' submitted ones), the commissioning team's for submitted returns only.
/// </summary>
public abstract class ReturnsPageModel : MonitoringPageModel
{
    /// <summary>Providers write their own organisation's returns.</summary>
    public bool IsProvider => CyclePermissions.Allows(Role, CycleOperation.SubmitProviderReturn);

    /// <summary>The commissioning team reads every party's submitted returns.</summary>
    public bool IsTeam => CyclePermissions.Allows(Role, CycleOperation.ReadProviderReturns);

    /// <summary>
    /// The returns of <paramref name="monitoring"/> the signed-in member may read, for one period or all of them, and
    /// nothing else. Everyone else (the panel, observers) reads none: the panel gives its own view by rating the outcomes.
    /// </summary>
    protected async Task<IReadOnlyList<ProviderReturn>> LoadReadableReturnsAsync(
        CoproDbContext db, CycleMonitoring monitoring, Guid? periodId, bool forChange, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(monitoring);
        var own = OrganisationId;
        var query = db.ProviderReturns.Where(r => r.MonitoringId == monitoring.Id);
        if (periodId is { } period)
        {
            query = query.Where(r => r.PeriodId == period);
        }

        if (IsProvider)
        {
            query = monitoring.IsAlliance && monitoring.IsReturningParty(own)
                ? query.Where(r => r.OrganisationId == own || r.Revisions.Any(v => v.SubmittedAt != null))
                : query.Where(r => r.OrganisationId == own);
        }
        else if (IsTeam)
        {
            query = query.Where(r => r.Revisions.Any(v => v.SubmittedAt != null));
        }
        else
        {
            return [];
        }

        var returns = await (forChange ? query : query.AsNoTracking()).ToListAsync(ct);
        return [.. returns.Where(r => r.MayBeReadBy(monitoring, Role, own))];
    }

    /// <summary>The names of the organisations <paramref name="organisationIds"/>, for headings and lists.</summary>
    protected static async Task<IReadOnlyDictionary<Guid, string>> OrganisationNamesAsync(
        CoproDbContext db, IEnumerable<Guid> organisationIds, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var ids = organisationIds.Distinct().ToList();
        return await db.Organisations.AsNoTracking().Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
    }

    /// <summary>Today as the domain counts it, for whether a period has begun and whether its returns are due.</summary>
    protected static DateOnly TodayOf(DateTimeOffset now) => DateOnly.FromDateTime(now.UtcDateTime);
}

/// <summary>The returns pages' addresses beside the entry page (<see cref="MonitoringUrls.Returns"/>).</summary>
public static class ReturnsUrls
{
    /// <summary>The signed-in provider's own organisation's return for a period: start, write, submit, correct.</summary>
    public static string Mine(Guid cycleId, Guid periodId) => $"{MonitoringUrls.Returns(cycleId)}/{periodId}/mine";

    /// <summary>A return as submitted (or, for its own organisation, as written so far).</summary>
    public static string Return(Guid cycleId, Guid returnId) => $"{MonitoringUrls.Returns(cycleId)}/{returnId}";

    /// <summary>One revision of a return: the first as submitted, or a correction.</summary>
    public static string Revision(Guid cycleId, Guid returnId, int number) =>
        $"{Return(cycleId, returnId)}/{number.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
}
