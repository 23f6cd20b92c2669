namespace CoproCommissioning.Web.Infrastructure.Specification;

/// <summary>
/// Where comments on the specification went: which section or outcome (and version) each was made on, and the
/// latest version whose change answered it. For "What happened to my input": "adopted – changed in v2".
/// </summary>
public static class SpecificationTrace
{
    /// <summary>
    /// One row per contribution in <paramref name="contributions"/> (each with what it is about, as the page read it) that
    /// is a comment on the specification; other contributions are left out, and with none of them nothing is asked. One
    /// statement for the snapshots the comments were made on, one for the changes that answered them.
    /// </summary>
    public static async Task<IReadOnlyDictionary<Guid, SpecificationTraceRow>> ForContributionsAsync(
        CoproDbContext db, IEnumerable<AboutWhat> contributions, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(contributions);
        var comments = contributions
            .Where(c => c.Kind is TargetKind.SpecificationSection or TargetKind.SpecificationOutcome && c.TargetId is not null)
            .Select(c => new { Id = c.ContributionId, TargetKind = c.Kind, TargetId = c.TargetId!.Value })
            .DistinctBy(c => c.Id)
            .ToList();
        if (comments.Count == 0)
        {
            return new Dictionary<Guid, SpecificationTraceRow>();
        }

        var targets = comments.Select(c => c.TargetId).Distinct().ToList();
        var commentedIds = comments.Select(c => c.Id).ToList();

        var parts = await db.Specifications.AsNoTracking()
            .SelectMany(s => s.Versions.SelectMany(v => v.Sections
                .Where(x => targets.Contains(x.Id))
                .Select(x => new Part { SnapshotId = x.Id, CycleId = s.CycleId, PartId = x.SectionId, VersionNumber = x.VersionNumber, Title = x.Title })))
            .Concat(db.Specifications.AsNoTracking()
                .SelectMany(s => s.Versions.SelectMany(v => v.Outcomes
                    .Where(x => targets.Contains(x.Id))
                    .Select(x => new Part { SnapshotId = x.Id, CycleId = s.CycleId, PartId = x.OutcomeId, VersionNumber = x.VersionNumber, Title = x.Statement }))))
            .ToDictionaryAsync(p => p.SnapshotId, ct);

        var changes = await db.Specifications.AsNoTracking()
            .SelectMany(s => s.Versions.SelectMany(v => v.Sections.SelectMany(x => x.Answers
                .Where(a => commentedIds.Contains(a.ContributionId))
                .Select(a => new Change { ContributionId = a.ContributionId, VersionNumber = x.VersionNumber, Type = a.Type }))))
            .Concat(db.Specifications.AsNoTracking()
                .SelectMany(s => s.Versions.SelectMany(v => v.Outcomes.SelectMany(x => x.Answers
                    .Where(a => commentedIds.Contains(a.ContributionId))
                    .Select(a => new Change { ContributionId = a.ContributionId, VersionNumber = x.VersionNumber, Type = a.Type })))))
            .ToListAsync(ct);
        var latestChange = changes
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

    // Set by name, not by a constructor: EF Core can put two queries side by side (Concat) only into members it can see.
    private sealed record Part
    {
        public Guid SnapshotId { get; init; }

        public Guid CycleId { get; init; }

        public Guid PartId { get; init; }

        public int VersionNumber { get; init; }

        public string Title { get; init; } = "";
    }

    private sealed record Change
    {
        public Guid ContributionId { get; init; }

        public int VersionNumber { get; init; }

        public ResponseType Type { get; init; }
    }

    /// <summary>A contribution and what it is about, as a page already read it.</summary>
    public readonly record struct AboutWhat(Guid ContributionId, TargetKind Kind, Guid? TargetId);
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
