using CoproCommissioning.Domain.CoDesign;

namespace CoproCommissioning.Web.Pages.Cycles.Procurement.Bids;

/// <summary>
/// Which bidders shaped this cycle's co-design: their organisation sent a provider proposal, or one of its people (their
/// membership of this cycle names the organisation) made a contribution in any stage. The panel is told, for equal
/// treatment; PostgreSQL answers with organisation ids only, so no proposal or contribution text is read.
/// </summary>
public static class CoDesignShapers
{
    public const string Explanation = "For equal treatment: make sure the bid is judged only on what it says.";

    public static async Task<IReadOnlySet<Guid>> LoadAsync(CoproDbContext db, Guid cycleId, IEnumerable<Guid> organisationIds, CancellationToken ct)
    {
        var wanted = organisationIds.Distinct().ToList();
        if (wanted.Count == 0)
        {
            return new HashSet<Guid>();
        }

        var proposed = await db.Set<ProviderProposal>().AsNoTracking()
            .Where(p => p.CycleId == cycleId && wanted.Contains(p.OrganisationId))
            .Select(p => p.OrganisationId)
            .Distinct()
            .ToListAsync(ct);
        var contributed = await (
                from c in ReadableContributions.InCycle(db, cycleId)
                join m in db.Memberships.AsNoTracking().Where(m => m.CycleId == cycleId && m.OrganisationId != null) on c.AuthorUserId equals m.UserId
                where wanted.Contains(m.OrganisationId!.Value)
                select m.OrganisationId!.Value)
            .Distinct()
            .ToListAsync(ct);
        return proposed.Concat(contributed).ToHashSet();
    }
}
