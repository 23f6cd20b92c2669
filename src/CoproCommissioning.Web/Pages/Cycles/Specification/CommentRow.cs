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
    public static async Task<IReadOnlyList<CommentRow>> LoadAsync(
        CoproDbContext db, CommissioningCycle cycle, IReadOnlyDictionary<Guid, int> versionOfSnapshot, string viewerUserId, CancellationToken ct)
    {
        var comments = cycle.StageOf(StageKind.Specification).Contributions
            .Where(c => c.TargetKind is TargetKind.SpecificationSection or TargetKind.SpecificationOutcome
                && c.TargetId is { } target && versionOfSnapshot.ContainsKey(target))
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
}
