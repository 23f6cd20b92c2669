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
        // The page is chosen from the index of the stage's comments alone (ix_contributions_specification_comments: the
        // order is in it), then only its rows are read whole, rather than every comment on the part being read to sort them.
        var comments = await On(db, stage, versionOfSnapshot)
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
        CoproDbContext db, Stage stage, IReadOnlyDictionary<Guid, int> versionOfSnapshot, string viewerUserId, CycleRole viewerRole,
        CancellationToken ct) =>
        On(db, stage, versionOfSnapshot).CountHiddenFromAsync(viewerUserId, viewerRole, ct);

    private static IQueryable<Contribution> On(CoproDbContext db, Stage stage, IReadOnlyDictionary<Guid, int> versionOfSnapshot)
    {
        var snapshots = versionOfSnapshot.Keys.ToList();
        // By the specification stage's key, and its comments by their targets (ix_contributions_specification_comments).
        return ReadableContributions.InStage(db, stage)
            .Where(c => (c.TargetKind == TargetKind.SpecificationSection || c.TargetKind == TargetKind.SpecificationOutcome)
                && c.TargetId != null && snapshots.Contains(c.TargetId.Value));
    }
}
