using CoproCommissioning.Domain.Specification;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace CoproCommissioning.Web.Pages.Cycles.Specification;

/// <summary>
/// The comments a change to a section or an outcome can answer, and what the commissioner chose for each on the
/// form: <see cref="Adopted"/>, <see cref="Adapted"/> or nothing (<c>Answers[commentId]</c>), with what to tell that
/// person (<c>Notes[commentId]</c>). The sections editor and the outcome editor share it.
/// </summary>
public static class CommentAnswers
{
    public const string Adopted = nameof(ResponseType.Adopted);
    public const string Adapted = nameof(ResponseType.Adapted);

    /// <summary>A posted answer that is none of the choices the form offers.</summary>
    public const string UnreadableMessage = "For each comment, choose adopted, adapted, or not answered by this change";

    public static bool AreReadable(IReadOnlyDictionary<Guid, string?> answers) =>
        answers.All(a => a.Key != Guid.Empty && (string.IsNullOrEmpty(a.Value) || a.Value is Adopted or Adapted));

    /// <summary>The comments the change answers, as the domain takes them; answers that could not be read are left out.</summary>
    public static IReadOnlyList<AnsweredComment> ToAnswered(IReadOnlyDictionary<Guid, string?> answers, IReadOnlyDictionary<Guid, string?> notes) =>
        [.. answers.Where(a => a.Key != Guid.Empty && a.Value is Adopted or Adapted)
            .Select(a => new AnsweredComment(a.Key, Enum.Parse<ResponseType>(a.Value!), notes.GetValueOrDefault(a.Key)))];

    /// <summary>
    /// Refusals about one part beside its fields under <paramref name="prefix"/>: a note's beside that comment's note
    /// (<c>Notes[commentId]</c>), since the refusal names the comment.
    /// </summary>
    public static void AddErrors(ModelStateDictionary modelState, IEnumerable<Refusal> refusals, string prefix) =>
        modelState.AddErrors(
            refusals.Select(r => r.Field == SpecificationRules.AnswerNotes && r.SubjectId is { } commentId ? r with { Field = $"{r.Field}[{commentId}]" } : r),
            prefix);

    /// <summary>
    /// For each part (<paramref name="partIds"/>, sections or outcomes as <paramref name="kind"/> says), the comments made
    /// on it in any version: those no change has answered yet first, then the newest. Read by PostgreSQL for these parts
    /// only; the commissioner who answers them may read every comment.
    /// </summary>
    public static async Task<IReadOnlyDictionary<Guid, IReadOnlyList<CandidateComment>>> LoadAsync(
        CoproDbContext db, Guid cycleId, TargetKind kind, IEnumerable<Guid> partIds, string viewerUserId, CycleRole viewerRole,
        CancellationToken ct)
    {
        var parts = partIds.Distinct().ToList();
        var comments = await (
                from s in SpecificationReads.Snapshots(db, cycleId, kind).Where(s => parts.Contains(s.PartId))
                join c in ReadableContributions.InStage(db, cycleId, StageKind.Specification).ReadableBy(viewerUserId, viewerRole)
                    .Where(c => c.TargetKind == kind)
                    on (Guid?)s.SnapshotId equals c.TargetId
                select new
                {
                    s.PartId,
                    s.Version,
                    c.Id,
                    c.Summary,
                    c.AuthorUserId,
                    c.Voice,
                    c.CreatedAt,
                    CurrentResponse = c.Responses.OrderByDescending(r => r.Revision).Select(r => (ResponseType?)r.Type).FirstOrDefault(),
                })
            .ToListAsync(ct);
        var ids = comments.Select(c => c.Id).ToList();
        var answeredIn = await SpecificationReads.Answers(db, cycleId, kind)
            .Where(a => ids.Contains(a.ContributionId))
            .GroupBy(a => a.ContributionId)
            .Select(g => new { ContributionId = g.Key, Version = g.Max(a => a.Version) })
            .ToDictionaryAsync(a => a.ContributionId, a => a.Version, ct);
        var names = await PeopleNames.LoadAsync(db, comments.Select(c => c.AuthorUserId), viewerUserId, ct);

        var byPart = comments.ToLookup(c => c.PartId);
        return parts.ToDictionary(partId => partId, IReadOnlyList<CandidateComment> (partId) => [.. byPart[partId]
            .OrderBy(c => answeredIn.ContainsKey(c.Id))
            .ThenByDescending(c => c.CreatedAt)
            .Select(c => new CandidateComment(
                c.Id, c.Summary, names.Of(c.AuthorUserId), c.Voice, c.Version, c.CurrentResponse,
                answeredIn.TryGetValue(c.Id, out var version) ? version : null))]);
    }
}

/// <summary>A comment a change can answer: who made it on which version, and what has happened to it so far.</summary>
public sealed record CandidateComment(
    Guid Id, string Summary, string From, Voice Voice, int Version, ResponseType? CurrentResponse, int? AlreadyChangedIn);

/// <summary>What the _CommentAnswers partial renders: the choices for each comment on one part, under <see cref="Prefix"/>.</summary>
public sealed record CommentAnswersView(
    string Prefix, IReadOnlyList<CandidateComment> Candidates, IReadOnlyDictionary<Guid, string?> Answers, IReadOnlyDictionary<Guid, string?> Notes);
