namespace CoproCommissioning.Web.Infrastructure.Specification;

/// <summary>
/// Where comments on the specification went: which section or outcome (and version) each was made on, and the
/// latest version whose change answered it. For "What happened to my input": "adopted – changed in v2".
/// </summary>
public static class SpecificationTrace
{
    /// <summary>
    /// One row per contribution in <paramref name="contributionIds"/> that is a comment on the specification;
    /// other contributions are left out. Two queries for comments, two for snapshots, two for the changes.
    /// </summary>
    public static async Task<IReadOnlyDictionary<Guid, SpecificationTraceRow>> ForContributionsAsync(
        CoproDbContext db, IEnumerable<Guid> contributionIds, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(contributionIds);
        var ids = contributionIds.Distinct().ToList();
        if (ids.Count == 0)
        {
            return new Dictionary<Guid, SpecificationTraceRow>();
        }

        var comments = await db.Set<Contribution>().AsNoTracking()
            .Where(c => ids.Contains(c.Id)
                && (c.TargetKind == TargetKind.SpecificationSection || c.TargetKind == TargetKind.SpecificationOutcome)
                && c.TargetId != null)
            .Select(c => new { c.Id, c.TargetKind, TargetId = c.TargetId!.Value })
            .ToListAsync(ct);
        if (comments.Count == 0)
        {
            return new Dictionary<Guid, SpecificationTraceRow>();
        }

        var targets = comments.Select(c => c.TargetId).Distinct().ToList();
        var commentedIds = comments.Select(c => c.Id).ToList();

        var sections = await db.Specifications.AsNoTracking()
            .SelectMany(s => s.Versions.SelectMany(v => v.Sections
                .Where(x => targets.Contains(x.Id))
                .Select(x => new { SnapshotId = x.Id, s.CycleId, PartId = x.SectionId, x.VersionNumber, x.Title })))
            .ToListAsync(ct);
        var outcomes = await db.Specifications.AsNoTracking()
            .SelectMany(s => s.Versions.SelectMany(v => v.Outcomes
                .Where(x => targets.Contains(x.Id))
                .Select(x => new { SnapshotId = x.Id, s.CycleId, PartId = x.OutcomeId, x.VersionNumber, Title = x.Statement })))
            .ToListAsync(ct);
        var parts = sections.Concat(outcomes).ToDictionary(p => p.SnapshotId, p => new Part(p.SnapshotId, p.CycleId, p.PartId, p.VersionNumber, p.Title));

        var sectionChanges = await db.Specifications.AsNoTracking()
            .SelectMany(s => s.Versions.SelectMany(v => v.Sections.SelectMany(x => x.Answers
                .Where(a => commentedIds.Contains(a.ContributionId))
                .Select(a => new { a.ContributionId, x.VersionNumber, a.Type }))))
            .ToListAsync(ct);
        var outcomeChanges = await db.Specifications.AsNoTracking()
            .SelectMany(s => s.Versions.SelectMany(v => v.Outcomes.SelectMany(x => x.Answers
                .Where(a => commentedIds.Contains(a.ContributionId))
                .Select(a => new { a.ContributionId, x.VersionNumber, a.Type }))))
            .ToListAsync(ct);
        var latestChange = sectionChanges.Concat(outcomeChanges)
            .Select(c => new Change(c.ContributionId, c.VersionNumber, c.Type))
            .GroupBy(c => c.ContributionId)
            .ToDictionary(g => g.Key, g => g.MaxBy(c => c.VersionNumber)!);

        return comments
            .Where(c => parts.ContainsKey(c.TargetId))
            .Select(c =>
            {
                var part = parts[c.TargetId];
                var change = latestChange.GetValueOrDefault(c.Id);
                return new SpecificationTraceRow(
                    c.Id, part.CycleId, c.TargetKind, part.PartId, part.Title, part.VersionNumber, change?.VersionNumber, change?.Type);
            })
            .ToDictionary(r => r.ContributionId);
    }

    private sealed record Part(Guid SnapshotId, Guid CycleId, Guid PartId, int VersionNumber, string Title);

    private sealed record Change(Guid ContributionId, int VersionNumber, ResponseType Type);
}

/// <summary>
/// A comment on the specification and what became of it. <see cref="PartTitle"/> is the section's title (or the
/// outcome's "I" statement) in the version commented on; <see cref="ChangedInVersion"/> is null until a change answers it.
/// </summary>
public sealed record SpecificationTraceRow(
    Guid ContributionId,
    Guid CycleId,
    TargetKind PartKind,
    Guid PartId,
    string PartTitle,
    int CommentedOnVersion,
    int? ChangedInVersion,
    ResponseType? ChangeType)
{
    /// <summary>The section or outcome page, showing the comment in its history.</summary>
    public string Url => PartKind == TargetKind.SpecificationOutcome
        ? SpecificationUrls.Outcome(CycleId, PartId)
        : SpecificationUrls.Section(CycleId, PartId);

    /// <summary>"Changed in v2", or null when no change has answered the comment yet.</summary>
    public string? ChangedInWords => ChangedInVersion is { } version ? $"Changed in v{version}" : null;

    /// <summary>"On Opening hours (v1)".</summary>
    public string CommentedOnWords => PartKind == TargetKind.SpecificationOutcome
        ? $"On the outcome \u201c{PartTitle}\u201d (v{CommentedOnVersion})"
        : $"On {PartTitle} (v{CommentedOnVersion})";
}
