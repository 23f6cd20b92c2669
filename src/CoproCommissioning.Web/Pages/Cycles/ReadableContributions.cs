using System.Linq.Expressions;
using CoproCommissioning.Data.Configurations;

namespace CoproCommissioning.Web.Pages.Cycles;

/// <summary>
/// Contributions as pages show them to one member (R7, docs/decisions/0012-who-sees-a-contribution.md):
/// <see cref="Contribution.VisibleTo"/> is the query's filter, so PostgreSQL never returns the text of input shared
/// with the commissioning team only to someone who may not read it, and counts what it held back for the
/// "N contributions were shared with the commissioning team only" line.
/// </summary>
/// <remarks>
/// For what a page shows, not for the rules: sign-off and its blockers read facts about every contribution
/// (<see cref="CycleQueries.SignOffFactsAsync(CoproDbContext, Stage, string?, CancellationToken)"/>), because team-only input still counts for R1 and still needs a response (R3).
/// </remarks>
public static class ReadableContributions
{
    /// <summary>Every contribution in the cycle, untracked. Narrow it with <see cref="ReadableBy"/> before reading any text.</summary>
    public static IQueryable<Contribution> InCycle(CoproDbContext db, Guid cycleId) =>
        db.Cycles.AsNoTracking()
            .Where(c => c.Id == cycleId)
            .SelectMany(c => c.Stages)
            .SelectMany(s => s.Contributions);

    /// <summary>
    /// Every contribution in this stage, untracked, by the stage's key: a stage the page already read from the cycle in
    /// its address. Narrow it with <see cref="ReadableBy"/> before reading any text.
    /// </summary>
    public static IQueryable<Contribution> InStage(CoproDbContext db, Stage stage) =>
        db.Set<Contribution>().AsNoTracking().Where(c => EF.Property<Guid>(c, StageConfiguration.StageKey) == stage.Id);

    /// <summary>Every contribution in one stage of the cycle, untracked. Narrow it with <see cref="ReadableBy"/> before reading any text.</summary>
    public static IQueryable<Contribution> InStage(CoproDbContext db, Guid cycleId, StageKind stage) =>
        db.Cycles.AsNoTracking()
            .Where(c => c.Id == cycleId)
            .SelectMany(c => c.Stages)
            .Where(s => s.Kind == stage)
            .SelectMany(s => s.Contributions);

    public static IQueryable<Contribution> ReadableBy(this IQueryable<Contribution> contributions, string viewerUserId, CycleRole viewerRole) =>
        contributions.Where(Contribution.VisibleTo(viewerUserId, viewerRole));

    /// <summary>How many of these the viewer may not read, counted by PostgreSQL: no row, text or author is fetched.</summary>
    public static Task<int> CountHiddenFromAsync(
        this IQueryable<Contribution> contributions, string viewerUserId, CycleRole viewerRole, CancellationToken ct)
    {
        // Those who read everything have nothing hidden: no statement to ask PostgreSQL to count nothing.
        if (Contribution.RoleSeesTeamOnly(viewerRole))
        {
            return Task.FromResult(0);
        }

        // The negation of the very rule the list is filtered with, so the list and the count cannot disagree.
        var readable = Contribution.VisibleTo(viewerUserId, viewerRole);
        var hidden = Expression.Lambda<Func<Contribution, bool>>(Expression.Not(readable.Body), readable.Parameters);
        return contributions.CountAsync(hidden, ct);
    }

    /// <summary>The cycle's contributions with these ids that the viewer may read, for example those that shaped a decision.</summary>
    public static async Task<IReadOnlyDictionary<Guid, ContributionView>> ReadableByIdAsync(
        CoproDbContext db, Guid cycleId, IEnumerable<Guid> ids, string viewerUserId, CycleRole viewerRole, CancellationToken ct)
    {
        var wanted = ids.Distinct().ToList();
        if (wanted.Count == 0)
        {
            return new Dictionary<Guid, ContributionView>();
        }

        var views = await InCycle(db, cycleId).ReadableBy(viewerUserId, viewerRole).Where(c => wanted.Contains(c.Id)).ToViewsAsync(db, ct);
        return views.ToDictionary(v => v.Id);
    }

    /// <summary>
    /// In the order pages group input (<see cref="Voices.ListingOrder"/>), newest first within a voice, sorted by
    /// PostgreSQL from the rank each contribution stores, so a page of one stage comes straight from an index.
    /// </summary>
    public static IOrderedQueryable<Contribution> InVoiceOrder(this IQueryable<Contribution> contributions) =>
        contributions.OrderBy(c => EF.Property<int>(c, ContributionConfiguration.VoiceRank))
            .ThenByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id);

    /// <summary>Reads only what pages show of each contribution, with its current response.</summary>
    public static Task<List<ContributionView>> ToViewsAsync(this IQueryable<Contribution> contributions, CoproDbContext db, CancellationToken ct) =>
        contributions.AsViews(db).ToListAsync(ct);

    /// <summary>
    /// What pages show of each contribution (<see cref="ContributionView"/>), joined to its current response through
    /// the revision the contribution keeps (<see cref="Contribution.ResponseRevision"/>): one row each, found by its
    /// key, where "the latest of each contribution's responses" would make PostgreSQL rank every response there is.
    /// Cut the list to a page first (<see cref="Paging.ToPageAsync{T, TShown}"/>), so only that page is joined.
    /// </summary>
    public static IQueryable<ContributionView> AsViews(this IQueryable<Contribution> contributions, CoproDbContext db) =>
        from c in contributions
        join r in db.Set<Response>()
            on new { c.Id, Revision = c.ResponseRevision }
            equals new { Id = EF.Property<Guid>(r, ResponseConfiguration.ContributionKey), r.Revision } into current
        from r in current.DefaultIfEmpty()
        select new ContributionView(
            c.Id,
            c.StageKind,
            c.Voice,
            c.Channel,
            c.Summary,
            c.Body,
            c.AuthorUserId,
            c.RecordedByUserId,
            c.VoicesCarried,
            c.TargetKind,
            c.TargetId,
            c.CreatedAt,
            r == null ? null : new ResponseView(r.Type, r.Explanation, r.RespondedByUserId, r.RespondedAt),
            c.GivenBy,
            c.GatheredOn);
}

/// <summary>A contribution as pages show it, with its current response (the latest revision), read without tracking.</summary>
public sealed record ContributionView(
    Guid Id,
    StageKind StageKind,
    Voice Voice,
    Channel Channel,
    string Summary,
    string Body,
    string? AuthorUserId,
    string? RecordedByUserId,
    int VoicesCarried,
    TargetKind TargetKind,
    Guid? TargetId,
    DateTimeOffset CreatedAt,
    ResponseView? CurrentResponse,
    string GivenBy = "",
    DateOnly? GatheredOn = null)
{
    public bool IsLivedExperience => Contribution.CountsAsLivedExperience(Voice);

    /// <summary>For pages that already hold the aggregate to change it (responding), and show the contribution too.</summary>
    public static ContributionView Of(Contribution contribution)
    {
        ArgumentNullException.ThrowIfNull(contribution);
        var response = contribution.CurrentResponse;
        return new ContributionView(
            contribution.Id,
            contribution.StageKind,
            contribution.Voice,
            contribution.Channel,
            contribution.Summary,
            contribution.Body,
            contribution.AuthorUserId,
            contribution.RecordedByUserId,
            contribution.VoicesCarried,
            contribution.TargetKind,
            contribution.TargetId,
            contribution.CreatedAt,
            response is null ? null : new ResponseView(response.Type, response.Explanation, response.RespondedByUserId, response.RespondedAt),
            contribution.GivenBy,
            contribution.GatheredOn);
    }
}

public sealed record ResponseView(ResponseType Type, string Explanation, string RespondedByUserId, DateTimeOffset RespondedAt);
