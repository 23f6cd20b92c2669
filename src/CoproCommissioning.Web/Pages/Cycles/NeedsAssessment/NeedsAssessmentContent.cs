using CoproCommissioning.Domain.NeedsAssessment;

namespace CoproCommissioning.Web.Pages.Cycles.NeedsAssessment;

/// <summary>
/// What the needs assessment found, counted: the stage workspace (the one hub of the stage) shows it with a link to each
/// list, named as that list's heading.
/// </summary>
public sealed record NeedsAssessmentContent(Guid CycleId, int EvidenceCount, IReadOnlyDictionary<NeedPriority, int> NeedsByPriority, int GroupCount)
{
    public const string EvidenceHeading = "Evidence";
    public const string NeedsHeading = "Identified needs";
    public const string GroupsHeading = "Groups affected by inequalities";

    public int NeedCount => NeedsByPriority.Values.Sum();

    /// <summary>"2 high, 1 medium", highest priority first.</summary>
    public string Priorities => string.Join(", ", Enum.GetValues<NeedPriority>()
        .Where(p => NeedsByPriority.GetValueOrDefault(p) > 0)
        .Select(p => $"{NeedsByPriority[p]} {NeedsAssessmentLabels.Of(p).ToLowerInvariant()}"));

    public static async Task<NeedsAssessmentContent> LoadAsync(CoproDbContext db, Guid cycleId, CancellationToken ct)
    {
        // Counted by PostgreSQL, the two counts in one statement: the needs are never read as rows.
        var counts = await db.Cycles.Where(c => c.Id == cycleId)
            .Select(c => new
            {
                Evidence = db.EvidenceItems.Count(e => e.CycleId == cycleId),
                Groups = db.InequalityGroups.Count(g => g.CycleId == cycleId),
            })
            .SingleOrDefaultAsync(ct);
        var needs = await db.IdentifiedNeeds.Where(n => n.CycleId == cycleId)
            .GroupBy(n => n.Priority)
            .Select(g => new { Priority = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Priority, g => g.Count, ct);
        var (evidence, groups) = counts is null ? (0, 0) : (counts.Evidence, counts.Groups);
        return new NeedsAssessmentContent(cycleId, evidence, needs, groups);
    }
}
