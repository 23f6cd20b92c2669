using CoproCommissioning.Domain.Specification;

namespace CoproCommissioning.Web.Pages.Cycles.Specification;

/// <summary>
/// What the specification pages read about its parts and the comments on them, asked of PostgreSQL, so that a page
/// reads what it shows however many versions and comments the specification has. Untracked.
/// </summary>
public static class SpecificationReads
{
    /// <summary>Every saved version of the cycle's specification.</summary>
    public static IQueryable<SpecificationVersion> Versions(CoproDbContext db, Guid cycleId) =>
        db.Specifications.AsNoTracking().Where(s => s.CycleId == cycleId).SelectMany(s => s.Versions);

    /// <summary>Every snapshot of the cycle's sections (or outcomes, as <paramref name="kind"/> says), as keys.</summary>
    public static IQueryable<SnapshotKey> Snapshots(CoproDbContext db, Guid cycleId, TargetKind kind) => kind switch
    {
        TargetKind.SpecificationSection => Versions(db, cycleId).SelectMany(v => v.Sections).Select(s => new SnapshotKey
        {
            SnapshotId = s.Id, PartId = s.SectionId, Version = s.VersionNumber, ChangedInVersion = s.ChangedInVersion,
        }),
        TargetKind.SpecificationOutcome => Versions(db, cycleId).SelectMany(v => v.Outcomes).Select(o => new SnapshotKey
        {
            SnapshotId = o.Id, PartId = o.OutcomeId, Version = o.VersionNumber, ChangedInVersion = o.ChangedInVersion,
        }),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Comments on the specification are on a section or an outcome."),
    };

    /// <summary>The comments each change to a section (or outcome) answered, with the version the change made.</summary>
    public static IQueryable<AnswerKey> Answers(CoproDbContext db, Guid cycleId, TargetKind kind) => kind switch
    {
        TargetKind.SpecificationSection => Versions(db, cycleId).SelectMany(v => v.Sections).SelectMany(s => s.Answers.Select(a => new AnswerKey
        {
            PartId = s.SectionId, Version = s.VersionNumber, ContributionId = a.ContributionId, Order = EF.Property<int>(a, "Id"),
        })),
        TargetKind.SpecificationOutcome => Versions(db, cycleId).SelectMany(v => v.Outcomes).SelectMany(o => o.Answers.Select(a => new AnswerKey
        {
            PartId = o.OutcomeId, Version = o.VersionNumber, ContributionId = a.ContributionId, Order = EF.Property<int>(a, "Id"),
        })),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Comments on the specification are on a section or an outcome."),
    };

    /// <summary>Every snapshot of one part, oldest first: where its comments are anchored.</summary>
    public static Task<List<SnapshotKey>> HistoryAsync(CoproDbContext db, Guid cycleId, TargetKind kind, Guid partId, CancellationToken ct) =>
        Snapshots(db, cycleId, kind).Where(s => s.PartId == partId).OrderBy(s => s.Version).ToListAsync(ct);

    /// <summary>
    /// How many comments each part has had, in any version: all of them, team-only ones too, as the count has always
    /// said; no text is read.
    /// </summary>
    public static async Task<IReadOnlyDictionary<Guid, int>> CommentCountsAsync(
        CoproDbContext db, Guid cycleId, TargetKind kind, IEnumerable<Guid> partIds, CancellationToken ct)
    {
        var parts = partIds.Distinct().ToList();
        return await (
                from s in Snapshots(db, cycleId, kind).Where(s => parts.Contains(s.PartId))
                join c in ReadableContributions.InStage(db, cycleId, StageKind.Specification) on (Guid?)s.SnapshotId equals c.TargetId
                group s by s.PartId into g
                select new { PartId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.PartId, g => g.Count, ct);
    }

    /// <summary>
    /// The voices of the comments answered by the changes <paramref name="narrow"/> keeps, for each part, in the order
    /// each change listed them: what "because of 2 panel comments" counts. Only voices are read.
    /// </summary>
    public static async Task<ILookup<Guid, AnswerVoice>> AnswerVoicesAsync(
        CoproDbContext db, Guid cycleId, TargetKind kind, Func<IQueryable<AnswerKey>, IQueryable<AnswerKey>> narrow, CancellationToken ct)
    {
        var rows = await (
                from a in narrow(Answers(db, cycleId, kind))
                join c in ReadableContributions.InCycle(db, cycleId) on a.ContributionId equals c.Id
                orderby a.Version, a.Order
                select new AnswerVoice(a.PartId, a.Version, c.Voice))
            .ToListAsync(ct);
        return rows.ToLookup(r => r.PartId);
    }

    /// <summary>
    /// What <see cref="SpecificationText.ChangeNote"/> needs for these parts as one version shows them: the first version
    /// with each part, and the voices of the comments each part's last change answered.
    /// </summary>
    public static async Task<ChangeNotes> ChangeNotesAsync(
        CoproDbContext db, Guid cycleId, TargetKind kind, IReadOnlyCollection<(Guid PartId, int ChangedInVersion)> parts, CancellationToken ct)
    {
        var ids = parts.Select(p => p.PartId).Distinct().ToList();
        var changedIn = parts.Select(p => p.ChangedInVersion).Distinct().ToList();
        var first = await Snapshots(db, cycleId, kind)
            .Where(s => ids.Contains(s.PartId))
            .GroupBy(s => s.PartId)
            .Select(g => new { PartId = g.Key, First = g.Min(s => s.Version) })
            .ToDictionaryAsync(g => g.PartId, g => g.First, ct);
        // Every change in any of these versions to any of these parts: a few more than needed, never the whole history.
        var voices = await AnswerVoicesAsync(db, cycleId, kind, a => a.Where(x => ids.Contains(x.PartId) && changedIn.Contains(x.Version)), ct);
        return new ChangeNotes(first, voices);
    }

    /// <summary>A section or outcome snapshot: which part, in which version, and the version its text last changed in.</summary>
    public sealed record SnapshotKey
    {
        public Guid SnapshotId { get; init; }

        public Guid PartId { get; init; }

        public int Version { get; init; }

        public int ChangedInVersion { get; init; }
    }

    /// <summary>A comment a change answered: the part, the version the change made, and its place in that change's list.</summary>
    public sealed record AnswerKey
    {
        public Guid PartId { get; init; }

        public int Version { get; init; }

        public Guid ContributionId { get; init; }

        public int Order { get; init; }
    }

    public sealed record AnswerVoice(Guid PartId, int Version, Voice Voice);
}

/// <summary>Where each part's text came from, read for the parts a page shows (<see cref="SpecificationReads.ChangeNotesAsync"/>).</summary>
public sealed class ChangeNotes(IReadOnlyDictionary<Guid, int> firstVersion, ILookup<Guid, SpecificationReads.AnswerVoice> answered)
{
    /// <summary>"Changed in v3 because of 2 panel comments", "Added in v2"...</summary>
    public string For(Guid partId, int changedInVersion) => SpecificationText.ChangeNote(
        changedInVersion,
        [.. answered[partId].Where(a => a.Version == changedInVersion).Select(a => a.Voice)],
        firstVersion.GetValueOrDefault(partId));
}
