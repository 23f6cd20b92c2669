using System.Linq.Expressions;
using CoproCommissioning.Domain.Specification;

namespace CoproCommissioning.Web.Pages.Cycles.Specification;

/// <summary>
/// What the specification pages read about its parts and the comments on them, asked of PostgreSQL, so that a page
/// reads what it shows however many versions and comments the specification has. Untracked.
/// </summary>
/// <remarks>
/// Sections and outcomes are read as projections rather than as the aggregate's snapshots: a snapshot always brings the
/// comments its change answered (an owned collection EF Core cannot leave out), which grow with every version's comments.
/// Part ids are unique across sections and outcomes, so the two kinds are asked together where a page shows both.
/// </remarks>
public static class SpecificationReads
{
    /// <summary>Every saved version of the cycle's specification.</summary>
    public static IQueryable<SpecificationVersion> Versions(CoproDbContext db, Guid cycleId) =>
        db.Specifications.AsNoTracking().Where(s => s.CycleId == cycleId).SelectMany(s => s.Versions);

    private static IQueryable<SpecificationVersion> Versions(CoproDbContext db, Guid cycleId, Expression<Func<SpecificationVersion, bool>>? only) =>
        only is null ? Versions(db, cycleId) : Versions(db, cycleId).Where(only);

    /// <summary>
    /// The versions with these numbers. One number (the version a page shows, a part's last change) is asked as
    /// "= number", not "in a list of one": PostgreSQL costs an array parameter as ten values, so it planned such a
    /// statement again on every call (up to 1.3 ms) instead of keeping its plan.
    /// </summary>
    private static Expression<Func<SpecificationVersion, bool>> NumberedIn(IEnumerable<int> numbers)
    {
        var distinct = numbers.Distinct().ToList();
        if (distinct is [var only])
        {
            return v => v.Number == only;
        }

        return v => distinct.Contains(v.Number);
    }

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

    /// <summary>Every snapshot of the cycle's sections and outcomes, as keys: one statement for both kinds.</summary>
    public static IQueryable<SnapshotKey> Parts(CoproDbContext db, Guid cycleId) =>
        Snapshots(db, cycleId, TargetKind.SpecificationSection).Concat(Snapshots(db, cycleId, TargetKind.SpecificationOutcome));

    /// <summary>
    /// The comments each change to a section (or outcome) answered, with the version the change made; only in the versions
    /// <paramref name="inVersions"/> keeps, when given, which PostgreSQL then reads by the versions' own keys.
    /// </summary>
    public static IQueryable<AnswerKey> Answers(
        CoproDbContext db, Guid cycleId, TargetKind kind, Expression<Func<SpecificationVersion, bool>>? inVersions = null) => kind switch
    {
        TargetKind.SpecificationSection => Versions(db, cycleId, inVersions).SelectMany(v => v.Sections).SelectMany(s => s.Answers.Select(a => new AnswerKey
        {
            PartId = s.SectionId, Version = s.VersionNumber, ContributionId = a.ContributionId, Order = EF.Property<int>(a, "Id"),
        })),
        TargetKind.SpecificationOutcome => Versions(db, cycleId, inVersions).SelectMany(v => v.Outcomes).SelectMany(o => o.Answers.Select(a => new AnswerKey
        {
            PartId = o.OutcomeId, Version = o.VersionNumber, ContributionId = a.ContributionId, Order = EF.Property<int>(a, "Id"),
        })),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Comments on the specification are on a section or an outcome."),
    };

    /// <summary>The comments the changes to sections and outcomes answered: both kinds in one statement.</summary>
    public static IQueryable<AnswerKey> PartAnswers(CoproDbContext db, Guid cycleId, Expression<Func<SpecificationVersion, bool>> inVersions) =>
        Answers(db, cycleId, TargetKind.SpecificationSection, inVersions).Concat(Answers(db, cycleId, TargetKind.SpecificationOutcome, inVersions));

    /// <summary>Every snapshot of one part, oldest first: where its comments are anchored.</summary>
    public static Task<List<SnapshotKey>> HistoryAsync(CoproDbContext db, Guid cycleId, TargetKind kind, Guid partId, CancellationToken ct) =>
        Snapshots(db, cycleId, kind).Where(s => s.PartId == partId).OrderBy(s => s.Version).ToListAsync(ct);

    /// <summary>The sections of these versions as pages show them, in each version's order; no comment they answered is read.</summary>
    public static Task<List<SectionText>> SectionsAsync(CoproDbContext db, Guid cycleId, IReadOnlyCollection<int> versions, CancellationToken ct)
    {
        return Versions(db, cycleId).Where(NumberedIn(versions)).SelectMany(v => v.Sections)
            .OrderBy(s => s.VersionNumber).ThenBy(s => s.Position)
            .Select(s => new SectionText(s.Id, s.SectionId, s.VersionNumber, s.Title, s.Body, s.PlainSummary, s.ChangedInVersion))
            .ToListAsync(ct);
    }

    /// <summary>One section snapshot's text, for the page that shows it.</summary>
    public static Task<SectionText> SectionAsync(CoproDbContext db, Guid cycleId, Guid snapshotId, CancellationToken ct) =>
        Versions(db, cycleId).SelectMany(v => v.Sections).Where(s => s.Id == snapshotId)
            .Select(s => new SectionText(s.Id, s.SectionId, s.VersionNumber, s.Title, s.Body, s.PlainSummary, s.ChangedInVersion))
            .SingleAsync(ct);

    /// <summary>The outcomes of these versions as pages show them, in each version's order; no comment they answered is read.</summary>
    public static Task<List<OutcomeText>> OutcomesAsync(CoproDbContext db, Guid cycleId, IReadOnlyCollection<int> versions, CancellationToken ct)
    {
        return Versions(db, cycleId).Where(NumberedIn(versions)).SelectMany(v => v.Outcomes)
            .OrderBy(o => o.VersionNumber).ThenBy(o => o.Position)
            .Select(o => new OutcomeText(o.Id, o.OutcomeId, o.VersionNumber, o.Statement, o.Domain, o.Measure, o.Levels, o.ChangedInVersion))
            .ToListAsync(ct);
    }

    /// <summary>
    /// How many comments each section and outcome has had, in any version: all of them, team-only ones too, as the count
    /// has always said; no text is read. Counted from the specification stage's comments by their target
    /// (<c>ix_contributions_specification_comments</c>), so the cost follows the comments, not every snapshot of every
    /// version times every contribution of the stage. Parts without comments are left out.
    /// </summary>
    public static async Task<IReadOnlyDictionary<Guid, int>> CommentCountsAsync(CoproDbContext db, Guid cycleId, Stage stage, CancellationToken ct) =>
        await (
                // Counted by snapshot first, straight from the index in its order, so only one row a snapshot meets the
                // snapshots' own keys, rather than every comment being sorted to meet them.
                from n in (
                    from c in ReadableContributions.InStage(db, stage)
                    where c.TargetKind == TargetKind.SpecificationSection || c.TargetKind == TargetKind.SpecificationOutcome
                    group c by c.TargetId into g
                    select new { SnapshotId = g.Key, Count = g.Count() })
                join s in Parts(db, cycleId) on n.SnapshotId equals s.SnapshotId
                group n.Count by s.PartId into g
                select new { PartId = g.Key, Count = g.Sum() })
            .ToDictionaryAsync(g => g.PartId, g => g.Count, ct);

    /// <summary>
    /// The voices of the comments answered by the changes that made the versions <paramref name="inVersions"/> keeps (to
    /// the parts in <paramref name="ofParts"/> only, when given), for each part (section or outcome), with the version each
    /// change made, in the order the changes listed them (version, then each change's own order): what "because of 2 panel
    /// comments" counts. One row a part; only voices are read.
    /// </summary>
    public static async Task<IReadOnlyDictionary<Guid, IReadOnlyList<AnswerVoice>>> AnswerVoicesAsync(
        CoproDbContext db, Guid cycleId, Expression<Func<SpecificationVersion, bool>> inVersions, CancellationToken ct,
        IReadOnlyCollection<Guid>? ofParts = null)
    {
        var answers = PartAnswers(db, cycleId, inVersions);
        if (ofParts is { Count: 1 })
        {
            // One part (a part's own page) is asked as "= part", not "in a list of one": see NumberedIn.
            var part = ofParts.First();
            answers = answers.Where(a => a.PartId == part);
        }
        else if (ofParts is not null)
        {
            var parts = ofParts.ToList();
            answers = answers.Where(a => parts.Contains(a.PartId));
        }

        var rows = await (
                from a in answers
                join c in ReadableContributions.InCycle(db, cycleId) on a.ContributionId equals c.Id
                group new { a.Version, a.Order, c.Voice } by a.PartId into g
                select new
                {
                    PartId = g.Key,
                    Versions = EF.Functions.ArrayAgg(g.OrderBy(x => x.Version).ThenBy(x => x.Order).Select(x => x.Version)),
                    Voices = EF.Functions.ArrayAgg(g.OrderBy(x => x.Version).ThenBy(x => x.Order).Select(x => x.Voice)),
                })
            .ToListAsync(ct);
        return rows.ToDictionary(r => r.PartId, IReadOnlyList<AnswerVoice> (r) => [.. r.Versions.Zip(r.Voices, (version, voice) => new AnswerVoice(version, voice))]);
    }

    /// <summary>
    /// What <see cref="SpecificationText.ChangeNote"/> needs for these parts (sections and outcomes) as one version shows
    /// them: the first version with each part, and the voices of the comments the change that last wrote each part's text
    /// answered. <paramref name="firstVersions"/>, when the page already knows them (a part's history), saves asking.
    /// </summary>
    public static async Task<ChangeNotes> ChangeNotesAsync(
        CoproDbContext db, Guid cycleId, IReadOnlyCollection<(Guid PartId, int ChangedInVersion)> parts, CancellationToken ct,
        IReadOnlyDictionary<Guid, int>? firstVersions = null)
    {
        var ids = parts.Select(p => p.PartId).Distinct().ToList();
        var changedIn = parts.Select(p => p.ChangedInVersion);
        var first = firstVersions ?? await Parts(db, cycleId)
            .Where(s => ids.Contains(s.PartId))
            .GroupBy(s => s.PartId)
            .Select(g => new { PartId = g.Key, First = g.Min(s => s.Version) })
            .ToDictionaryAsync(g => g.PartId, g => g.First, ct);
        // Every change in any of these versions to any of these parts: a few more than needed, never the whole history,
        // found from the versions' snapshots by key; ChangeNotes keeps each part's own.
        var voices = await AnswerVoicesAsync(db, cycleId, NumberedIn(changedIn), ct, ids);
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

    /// <summary>The voice of a comment a change answered, and the version that change made.</summary>
    public sealed record AnswerVoice(int Version, Voice Voice);
}

/// <summary>A section as one version reads (<see cref="SectionSnapshot"/> without the comments its change answered).</summary>
public sealed record SectionText(Guid SnapshotId, Guid SectionId, int Version, string Title, string Body, string PlainSummary, int ChangedInVersion);

/// <summary>An outcome as one version reads (<see cref="OutcomeSnapshot"/> without the comments its change answered).</summary>
public sealed record OutcomeText(
    Guid SnapshotId, Guid OutcomeId, int Version, string Statement, OutcomeDomain Domain, string Measure, RatingLevels Levels, int ChangedInVersion);

/// <summary>Where each part's text came from, read for the parts a page shows (<see cref="SpecificationReads.ChangeNotesAsync"/>).</summary>
public sealed class ChangeNotes(IReadOnlyDictionary<Guid, int> firstVersion, IReadOnlyDictionary<Guid, IReadOnlyList<SpecificationReads.AnswerVoice>> answered)
{
    /// <summary>"Changed in v3 because of 2 panel comments", "Added in v2"...</summary>
    public string For(Guid partId, int changedInVersion) => SpecificationText.ChangeNote(
        changedInVersion,
        [.. (answered.GetValueOrDefault(partId) ?? []).Where(a => a.Version == changedInVersion).Select(a => a.Voice)],
        firstVersion.GetValueOrDefault(partId));
}
