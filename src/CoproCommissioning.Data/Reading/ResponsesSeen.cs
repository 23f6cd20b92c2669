namespace CoproCommissioning.Data.Reading;

/// <summary>Which answers to their own input each person has not seen yet, and marking those shown to them as seen.</summary>
public static class ResponsesSeen
{
    /// <summary>
    /// The person's own contributions whose current answer they have not seen: answered, and no revision as recent seen.
    /// For "N new responses to your input" and the "New" tag, which must agree.
    /// </summary>
    public static IQueryable<Contribution> WithUnseenResponse(this IQueryable<Contribution> contributions, CoproDbContext db, string userId) =>
        contributions.Where(c => c.AuthorUserId == userId && c.ResponseRevision > 0
            && !db.SeenResponses.Any(s => s.UserId == userId && s.ContributionId == c.Id && s.Revision >= c.ResponseRevision));

    /// <summary>
    /// Records that the person was shown these answers (contribution and the revision shown). One statement; a revision
    /// seen in another tab meanwhile is never moved backwards.
    /// </summary>
    public static async Task MarkSeenAsync(
        this CoproDbContext db, string userId, IReadOnlyCollection<(Guid ContributionId, int Revision)> shown, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        var answered = shown.Where(s => s.Revision > 0).ToList();
        if (answered.Count == 0)
        {
            return;
        }

        var ids = answered.Select(s => s.ContributionId).ToArray();
        var revisions = answered.Select(s => s.Revision).ToArray();
        await db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO seen_responses (user_id, contribution_id, revision, seen_at)
            SELECT {userId}, shown.contribution_id, shown.revision, {now}
            FROM unnest({ids}, {revisions}) AS shown (contribution_id, revision)
            ON CONFLICT (user_id, contribution_id) DO UPDATE
            SET revision = excluded.revision, seen_at = excluded.seen_at
            WHERE seen_responses.revision < excluded.revision
            """,
            ct);
    }
}
