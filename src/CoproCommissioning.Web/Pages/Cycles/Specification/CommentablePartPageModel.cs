using CoproCommissioning.Domain.Specification;

namespace CoproCommissioning.Web.Pages.Cycles.Specification;

/// <summary>
/// A section or outcome page: the part as it read in one version, a comment form when the person may comment on
/// that version now, and every comment made on the part in any version with what happened because of it.
/// A comment is posted against the version shown (a hidden field), so it is anchored to the text the person read.
/// </summary>
public abstract class CommentablePartPageModel(
    CoproDbContext db, TimeProvider clock, ILogger logger)
    : SpecificationPageModel
{
    [BindProperty]
    public CommentInput Form { get; set; } = new();

    protected CoproDbContext Db { get; } = db;

    public Guid PartId { get; private set; }

    public int ShownVersion { get; private set; }

    public int LatestVersion { get; private set; }

    /// <summary>The versions that have this part, newest first, to move between them.</summary>
    public IReadOnlyList<int> Versions { get; private set; } = [];

    /// <summary>The version open for comment now, if this part is in it and it is not the one shown.</summary>
    public int? OpenVersion { get; private set; }

    public bool CanComment { get; private set; }

    /// <summary>Why a panel member or provider cannot comment on the version shown, in plain words.</summary>
    public IReadOnlyList<string> CommentBlockers { get; private set; } = [];

    public DateTimeOffset? CommentsCloseAt { get; private set; }

    public Voice Voice { get; private set; }

    public bool CanRespond { get; private set; }

    public PageOf<CommentRow> Comments { get; private set; } = null!;

    /// <summary>Comments on this part the viewer may not read: shared with the commissioning team only (R7).</summary>
    public int TeamOnlyHiddenCount { get; private set; }

    /// <summary>Where the text shown came from: "Changed in v3 because of 2 panel comments".</summary>
    public string ChangeNote { get; private set; } = "";

    /// <summary>The version in which the text shown last changed.</summary>
    public int ChangedInVersion { get; private set; }

    /// <summary>The version before the one in which this text last changed, to compare with; null for new text.</summary>
    public int? ComparedWith { get; private set; }

    /// <summary>"section" or "outcome", mid-sentence.</summary>
    public abstract string PartWords { get; }

    public abstract string PartUrl(int? version = null);

    public async Task<IActionResult> OnGetAsync(Guid partId, int? version, int commentsPage = 1, CancellationToken ct = default)
    {
        PartId = partId;
        var cycle = await LoadCycleAsync(Db, forChange: false, ct);
        var history = cycle is null ? [] : await HistoryAsync(partId, ct);
        var now = clock.GetUtcNow();
        // The version asked for and the last with this part, beside the latest and the one open for comment: every
        // version the page may choose to show, with the comment windows on it.
        var specification = history.Count == 0 ? null : await LoadForReadingAsync(Db, [version, history[^1].Version], now, ct);
        if (cycle is null || specification is null || history.Count == 0)
        {
            return NotFound();
        }

        var shown = ChooseVersion(specification, history, version, now);
        await ShowAsync(cycle, specification, history, partId, shown, commentsPage, now, ct);
        Form = new CommentInput { Version = shown };
        return Page();
    }

    [CyclePermission(CycleOperation.Contribute)]
    public async Task<IActionResult> OnPostAsync(Guid partId, CancellationToken ct)
    {
        PartId = partId;
        var cycle = await LoadCycleAsync(Db, forChange: true, ct);
        // The version commented on is loaded with the latest: all the specification's commenting rules read.
        var specification = cycle is null ? null : await LoadVersionsAsync(Db, _ => [Form.Version], ct);
        var history = specification is null ? [] : await HistoryAsync(partId, ct);
        var snapshot = history.SingleOrDefault(s => s.Version == Form.Version);
        if (cycle is null || specification is null || snapshot is null)
        {
            return NotFound();
        }

        var now = clock.GetUtcNow();
        var member = HttpContext.CycleMember();
        var outcome = specification.Comment(cycle, snapshot.SnapshotId, UserId, member.Role, member.OwnVoice, Form.Visibility, Form.Summary, Form.Body, now);
        ModelState.AddErrors(outcome, nameof(Form));
        if (!outcome.Succeeded || !ModelState.IsValid)
        {
            await ShowAsync(cycle, specification, history, partId, Form.Version, 1, now, ct);
            return Page();
        }

        var saved = await Db.TrySaveAsync(ct);
        if (!saved.Succeeded)
        {
            // Someone changed the cycle at the same moment: nothing was saved, and what they typed is still here.
            ModelState.AddConcurrencyError();
            var latest = await LoadCycleAsync(Db, forChange: false, ct);
            await ShowAsync(latest!, specification, history, partId, Form.Version, 1, now, ct);
            return Page();
        }

        logger.LogInformation("Comment {ContributionId} on {Part} {PartId} (v{Version}) of cycle {CycleId}",
            outcome.Value.Id, PartWords, partId, Form.Version, CycleId);
        TempData.SetSuccess("Your comment was added. You will see here, and under What happened to my input, what happens because of it.");
        // No #fragment: the browser's move to it after the page loads takes focus from the success message (issue 16).
        return Redirect(PartUrl(Form.Version));
    }

    /// <summary>Sections or outcomes.</summary>
    protected abstract TargetKind PartKind { get; }

    /// <summary>Sets what the page shows about the part itself, as it read in the snapshot <paramref name="shown"/>.</summary>
    protected abstract Task ShowPartAsync(PartSnapshot shown, CancellationToken ct);

    /// <summary>Every snapshot of the part, oldest first.</summary>
    private async Task<IReadOnlyList<PartSnapshot>> HistoryAsync(Guid partId, CancellationToken ct) =>
        [.. (await SpecificationReads.HistoryAsync(Db, CycleId, PartKind, partId, ct)).Select(s => new PartSnapshot(s.SnapshotId, s.Version, s.ChangedInVersion))];

    // The version asked for; else the one open for comment, so people comment on what is open; else the latest with this part.
    private static int ChooseVersion(ServiceSpecification specification, IReadOnlyList<PartSnapshot> history, int? version, DateTimeOffset now)
    {
        if (version is { } asked && history.Any(s => s.Version == asked))
        {
            return asked;
        }

        var open = specification.OpenWindowAt(now);
        return open is not null && history.Any(s => s.Version == open.VersionNumber) ? open.VersionNumber : history[^1].Version;
    }

    private async Task ShowAsync(
        CommissioningCycle cycle, ServiceSpecification specification, IReadOnlyList<PartSnapshot> history, Guid partId, int version, int page,
        DateTimeOffset now, CancellationToken ct)
    {
        var shown = history.Single(s => s.Version == version);
        var member = HttpContext.CycleMember();
        PartId = partId;
        ShownVersion = version;
        LatestVersion = specification.Latest.Number;
        Versions = [.. history.Select(s => s.Version).Reverse()];
        Voice = member.OwnVoice;
        CanRespond = CyclePermissions.Allows(member.Role, CycleOperation.Respond) && !IsFrozen;

        var window = specification.OpenWindowAt(now);
        OpenVersion = window is not null && window.VersionNumber != version && history.Any(s => s.Version == window.VersionNumber)
            ? window.VersionNumber
            : null;
        CommentsCloseAt = window?.VersionNumber == version ? window.ClosesAt : null;
        var blockers = specification.CommentBlockersOnVersion(cycle, version, member.Role, now);
        CanComment = blockers.Count == 0;
        CommentBlockers = ServiceSpecification.CommentsAsOwnInput(member.Role)
            ? [.. blockers.Select(b => b.Rule.Message).Distinct()]
            : [];

        var versionOfSnapshot = history.ToDictionary(s => s.SnapshotId, s => s.Version);
        var stage = cycle.StageOf(StageKind.Specification);
        Comments = await CommentRow.PageAsync(Db, stage, versionOfSnapshot, UserId, member.Role, page, ct);
        TeamOnlyHiddenCount = await CommentRow.CountTeamOnlyHiddenAsync(Db, versionOfSnapshot, UserId, member.Role, ct);
        await ShowPartAsync(shown, ct);
        // The history already says in which version the part first appeared.
        var notes = await SpecificationReads.ChangeNotesAsync(
            Db, CycleId, [(partId, shown.ChangedInVersion)], ct, new Dictionary<Guid, int> { [partId] = history[0].Version });
        ChangeNote = notes.For(partId, shown.ChangedInVersion);
        ChangedInVersion = shown.ChangedInVersion;
        ComparedWith = shown.ChangedInVersion > 1 && history.Any(s => s.Version == shown.ChangedInVersion - 1) ? shown.ChangedInVersion - 1 : null;
    }

    /// <summary>The part in one version, and the version its text there last changed in.</summary>
    public sealed record PartSnapshot(Guid SnapshotId, int Version, int ChangedInVersion);

    public sealed record CommentInput
    {
        /// <summary>The version the person read and is commenting on.</summary>
        public int Version { get; init; }

        public string Summary { get; init => field = value ?? ""; } = "";

        public string Body { get; init => field = value ?? ""; } = "";

        public ContributionVisibility? Visibility { get; init; }
    }
}
