namespace CoproCommissioning.Web.Pages.Cycles.Specification;

/// <summary>A comment on a section or outcome, the version it was made on, and its current response.</summary>
public sealed record CommentRow(
    Guid Id,
    int Version,
    Voice Voice,
    string Summary,
    string Body,
    string From,
    DateTimeOffset At,
    ResponseType? ResponseType,
    string? Explanation)
{
    /// <summary>One page of the comments anchored to one part's snapshots (snapshot id to version number), newest first.</summary>
    /// <remarks>
    /// Only those the viewer may read (R7), filtered, counted, ordered and paged by PostgreSQL;
    /// <see cref="CountTeamOnlyHiddenAsync"/> says how many others there are.
    /// </remarks>
    public static async Task<PageOf<CommentRow>> PageAsync(
        CoproDbContext db, Stage stage, IReadOnlyDictionary<Guid, int> versionOfSnapshot, string viewerUserId, CycleRole viewerRole,
        int page, CancellationToken ct)
    {
        // The page is chosen from the index of the part's comments alone (ix_contributions_specification_comments_by_target:
        // the order is in it), then only its rows are read whole, rather than every comment on the part being read to sort them.
        var comments = await On(db, versionOfSnapshot)
            .ReadableBy(viewerUserId, viewerRole)
            .OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id)
            .ToPageAsync(
                page,
                rows => ReadableContributions.InStage(db, stage)
                    .Where(c => rows.Select(r => r.Id).Contains(c.Id))
                    .OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id)
                    .AsViews(db),
                ct);
        var names = await PeopleNames.LoadAsync(db, comments.Items.Select(c => c.AuthorUserId), viewerUserId, ct);
        return comments.With<CommentRow>([.. comments.Items.Select(c => new CommentRow(
            c.Id,
            versionOfSnapshot[c.TargetId!.Value],
            c.Voice,
            c.Summary,
            c.Body,
            names.Of(c.AuthorUserId),
            c.CreatedAt,
            c.CurrentResponse?.Type,
            c.CurrentResponse?.Explanation))]);
    }

    public static Task<int> CountTeamOnlyHiddenAsync(
        CoproDbContext db, IReadOnlyDictionary<Guid, int> versionOfSnapshot, string viewerUserId, CycleRole viewerRole,
        CancellationToken ct) =>
        On(db, versionOfSnapshot).CountHiddenFromAsync(viewerUserId, viewerRole, ct);

    private static IQueryable<Contribution> On(CoproDbContext db, IReadOnlyDictionary<Guid, int> versionOfSnapshot)
    {
        var snapshots = versionOfSnapshot.Keys.ToList();
        // By their targets alone (ix_contributions_specification_comments_by_target: one part's comments), not
        // by the stage as well: PostgreSQL's kept plan for "this stage and these targets" walked the index of every
        // comment in the stage (5,000 at scale 100) and checked the targets as a filter. The snapshots are this cycle's
        // (read by the cycle's id from the address), and a comment on a snapshot is only ever added to its own
        // specification's stage (ServiceSpecification.Comment), so the stage adds nothing; the page's rows are still
        // read through the stage (PageAsync).
        return db.Set<Contribution>().AsNoTracking()
            .Where(c => (c.TargetKind == TargetKind.SpecificationSection || c.TargetKind == TargetKind.SpecificationOutcome)
                && c.TargetId != null && snapshots.Contains(c.TargetId.Value));
    }
}
