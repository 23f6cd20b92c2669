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
        var evidence = await db.EvidenceItems.CountAsync(e => e.CycleId == cycleId, ct);
        var needs = await db.IdentifiedNeeds.Where(n => n.CycleId == cycleId)
            .GroupBy(n => n.Priority)
            .ToDictionaryAsync(g => g.Key, g => g.Count(), ct);
        var groups = await db.InequalityGroups.CountAsync(g => g.CycleId == cycleId, ct);
        return new NeedsAssessmentContent(cycleId, evidence, needs, groups);
    }
}
