using CoproCommissioning.Data;
using CoproCommissioning.Domain.Cycles;
using CoproCommissioning.Web.Infrastructure.Pages;

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
    /// <summary>Comments anchored to one part's snapshots (snapshot id to version number), newest first.</summary>
    /// <remarks>Only those the viewer may read (R7); <see cref="TeamOnlyHiddenCount"/> says how many others there are.</remarks>
    public static async Task<IReadOnlyList<CommentRow>> LoadAsync(
        CoproDbContext db, CommissioningCycle cycle, IReadOnlyDictionary<Guid, int> versionOfSnapshot, string viewerUserId, CycleRole viewerRole,
        CancellationToken ct)
    {
        var comments = On(cycle, versionOfSnapshot)
            .Where(Contribution.VisibleTo(viewerUserId, viewerRole).Compile())
            .OrderByDescending(c => c.CreatedAt)
            .ToList();
        var names = await PeopleNames.LoadAsync(db, comments.Select(c => c.AuthorUserId), viewerUserId, ct);
        return [.. comments.Select(c => new CommentRow(
            c.Id,
            versionOfSnapshot[c.TargetId!.Value],
            c.Voice,
            c.Summary,
            c.Body,
            names.Of(c.AuthorUserId),
            c.CreatedAt,
            c.CurrentResponse?.Type,
            c.CurrentResponse?.Explanation))];
    }

    public static int TeamOnlyHiddenCount(
        CommissioningCycle cycle, IReadOnlyDictionary<Guid, int> versionOfSnapshot, string viewerUserId, CycleRole viewerRole) =>
        On(cycle, versionOfSnapshot).Count(c => !c.IsVisibleTo(viewerUserId, viewerRole));

    private static IEnumerable<Contribution> On(CommissioningCycle cycle, IReadOnlyDictionary<Guid, int> versionOfSnapshot) =>
        cycle.StageOf(StageKind.Specification).Contributions
            .Where(c => c.TargetKind is TargetKind.SpecificationSection or TargetKind.SpecificationOutcome
                && c.TargetId is { } target && versionOfSnapshot.ContainsKey(target));
}
