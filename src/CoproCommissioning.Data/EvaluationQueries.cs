using CoproCommissioning.Domain.Procurement;

namespace CoproCommissioning.Data;

/// <summary>
/// Reads for the pages that list a procurement's bids with their scores (scoring and moderation). The procurement's
/// scorecards and agreed scores grow with bids × criteria × evaluators, so these return one row per bid, the bid's
/// scores and agreed scores as arrays, and the comments only of the bids a page shows. The domain still works out the
/// evaluation from them (<see cref="Evaluation.OfScores"/>).
/// </summary>
public static class EvaluationQueries
{
    /// <summary>
    /// The cycle's procurement as scoring and moderation read it, with every agreed score, or only those of the bids in
    /// <paramref name="agreedOf"/> for a page about those bids; null without one.
    /// </summary>
    public static async Task<EvaluationSetup?> EvaluationSetupAsync(
        this CoproDbContext db, Guid cycleId, CancellationToken ct, IReadOnlyCollection<Guid>? agreedOf = null)
    {
        ArgumentNullException.ThrowIfNull(db);
        var found = await db.Procurements.AsNoTracking()
            .Where(p => p.CycleId == cycleId)
            .Select(p => new
            {
                p.Id,
                p.Version,
                p.Route,
                p.BidDeadline,
                p.AwardDecisionId,
                Criteria = p.Criteria.ToList(),
                Evaluators = p.Evaluators.ToList(),
                Scale = p.Scale.ToList(),
            })
            .AsSplitQuery()
            .SingleOrDefaultAsync(ct);
        if (found is null)
        {
            return null;
        }

        // All aggregates of one group see its rows in the same order, so the arrays line up element by element.
        var moderated = db.Procurements.AsNoTracking()
            .Where(p => p.Id == found.Id)
            .SelectMany(p => p.Moderated);
        if (agreedOf is not null)
        {
            var bids = agreedOf.ToList();
            moderated = moderated.Where(m => bids.Contains(m.BidId));
        }

        var agreed = await moderated
            .GroupBy(m => m.BidId)
            .Select(g => new
            {
                BidId = g.Key,
                Criteria = EF.Functions.ArrayAgg(g.Select(m => m.CriterionId)),
                Levels = EF.Functions.ArrayAgg(g.Select(m => m.Level)),
                Reasons = EF.Functions.ArrayAgg(g.Select(m => m.Reason)),
                By = EF.Functions.ArrayAgg(g.Select(m => m.ModeratedByUserId)),
                At = EF.Functions.ArrayAgg(g.Select(m => m.ModeratedAt)),
            })
            .ToListAsync(ct);
        return new EvaluationSetup(
            found.Id, found.Version, found.Route, found.Criteria, found.Evaluators, found.Scale, found.BidDeadline, found.AwardDecisionId is not null,
            agreed.SelectMany(b => b.Criteria.Select((criterionId, i) =>
                ModeratedScore.AsStored(b.BidId, criterionId, b.Levels[i], b.Reasons[i], b.By[i], b.At[i]))));
    }

    /// <summary>
    /// What progress reads of each procurement of <paramref name="cycleIds"/> (<see cref="ProcurementProgressFacts"/>), by
    /// cycle: the procurement's own columns and its panel, and, one row a procurement, its criteria's ids, its submitted
    /// bids, who has submitted scores and which criteria of which bids are agreed; never a score, an agreed score's reason
    /// or a representation's text, which grow with bids × criteria × evaluators.
    /// </summary>
    public static async Task<IReadOnlyDictionary<Guid, ProcurementProgressFacts>> ProgressFactsAsync(
        this CoproDbContext db, IReadOnlyCollection<Guid> cycleIds, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var ids = cycleIds.ToList();
        var found = await ProgressOf(db, ids).ToListAsync(ct);
        if (found.Count == 0)
        {
            return new Dictionary<Guid, ProcurementProgressFacts>();
        }

        var procurementIds = found.Select(p => p.Id).ToList();
        var bids = await SubmittedBidsOf(db, procurementIds).ToDictionaryAsync(g => g.ProcurementId, cancellationToken: ct);
        var criteria = await CriteriaOf(db, procurementIds).ToDictionaryAsync(g => g.ProcurementId, cancellationToken: ct);
        var submitted = await SubmittedEvaluatorsOf(db, procurementIds).ToDictionaryAsync(g => g.ProcurementId, cancellationToken: ct);
        var agreed = await AgreedOf(db, procurementIds).ToDictionaryAsync(g => g.ProcurementId, cancellationToken: ct);
        return found.ToDictionary(p => p.CycleId, p => new ProcurementProgressFacts(
            p.Route,
            p.BiddingOpenedAt is not null,
            p.BidDeadline,
            criteria.TryGetValue(p.Id, out var c) ? c.Ids : [],
            p.Evaluators,
            bids.TryGetValue(p.Id, out var b) ? [.. b.Ids.Zip(b.Organisations)] : [],
            submitted.TryGetValue(p.Id, out var e) ? e.Ids : [],
            agreed.TryGetValue(p.Id, out var a) ? [.. a.Bids.Zip(a.Criteria)] : [],
            p.AwardDecisionId is not null,
            p.IntentionNoticeOn is not null,
            p.StandstillEndsAt,
            p.Unanswered));
    }

    private sealed record ProgressRow(
        Guid Id, Guid CycleId, ProcurementRoute Route, DateTimeOffset? BiddingOpenedAt, DateTimeOffset? BidDeadline, Guid? AwardDecisionId,
        DateOnly? IntentionNoticeOn, DateTimeOffset? StandstillEndsAt, int Unanswered, List<Evaluator> Evaluators);

    private sealed record IdsOf(Guid ProcurementId, Guid[] Ids);

    private sealed record BidsOf(Guid ProcurementId, Guid[] Ids, Guid[] Organisations);

    private sealed record AgreedRows(Guid ProcurementId, Guid[] Bids, Guid[] Criteria);

    // The dashboard asks these for every cycle on its page: compiled once, so EF Core does not walk and hash each
    // expression on every request. All aggregates of one group see its rows in the same order, so the arrays line up.
    private static readonly Func<CoproDbContext, List<Guid>, IAsyncEnumerable<ProgressRow>> ProgressOf = EF.CompileAsyncQuery(
        (CoproDbContext db, List<Guid> cycleIds) => db.Procurements.AsNoTracking()
            .Where(p => cycleIds.Contains(p.CycleId))
            .Select(p => new ProgressRow(
                p.Id, p.CycleId, p.Route, p.BiddingOpenedAt, p.BidDeadline, p.AwardDecisionId, p.IntentionNoticeOn, p.StandstillEndsAt,
                p.Representations.Count(r => r.AnsweredAt == null), p.Evaluators.ToList()))
            .AsSplitQuery());

    private static readonly Func<CoproDbContext, List<Guid>, IAsyncEnumerable<BidsOf>> SubmittedBidsOf = EF.CompileAsyncQuery(
        (CoproDbContext db, List<Guid> procurementIds) => db.Bids.AsNoTracking()
            .Where(b => procurementIds.Contains(b.ProcurementId) && b.Status == BidStatus.Submitted)
            .GroupBy(b => b.ProcurementId)
            .Select(g => new BidsOf(g.Key, EF.Functions.ArrayAgg(g.Select(b => b.Id)), EF.Functions.ArrayAgg(g.Select(b => b.OrganisationId)))));

    private static readonly Func<CoproDbContext, List<Guid>, IAsyncEnumerable<IdsOf>> CriteriaOf = EF.CompileAsyncQuery(
        (CoproDbContext db, List<Guid> procurementIds) => db.Procurements.AsNoTracking()
            .Where(p => procurementIds.Contains(p.Id))
            .SelectMany(p => p.Criteria, (p, c) => new { ProcurementId = p.Id, c.Id })
            .GroupBy(c => c.ProcurementId)
            .Select(g => new IdsOf(g.Key, EF.Functions.ArrayAgg(g.Select(c => c.Id)))));

    private static readonly Func<CoproDbContext, List<Guid>, IAsyncEnumerable<IdsOf>> SubmittedEvaluatorsOf = EF.CompileAsyncQuery(
        (CoproDbContext db, List<Guid> procurementIds) => db.Scorecards.AsNoTracking()
            .Where(s => procurementIds.Contains(s.ProcurementId) && s.SubmittedAt != null)
            .GroupBy(s => s.ProcurementId)
            .Select(g => new IdsOf(g.Key, EF.Functions.ArrayAgg(g.Select(s => s.EvaluatorId)))));

    private static readonly Func<CoproDbContext, List<Guid>, IAsyncEnumerable<AgreedRows>> AgreedOf = EF.CompileAsyncQuery(
        (CoproDbContext db, List<Guid> procurementIds) => db.Procurements.AsNoTracking()
            .Where(p => procurementIds.Contains(p.Id))
            .SelectMany(p => p.Moderated, (p, m) => new { ProcurementId = p.Id, m.BidId, m.CriterionId })
            .GroupBy(m => m.ProcurementId)
            .Select(g => new AgreedRows(g.Key, EF.Functions.ArrayAgg(g.Select(m => m.BidId)), EF.Functions.ArrayAgg(g.Select(m => m.CriterionId)))));

    /// <summary>
    /// The bids without their answers (<see cref="Bid.AsListed"/>): answers are an owned collection, which EF loads with
    /// every bid whatever the query says, so a list of forty bids would read every answer of every one.
    /// </summary>
    public static async Task<List<Bid>> ListedAsync(this IQueryable<Bid> bids, CancellationToken ct)
    {
        var rows = await bids.AsNoTracking()
            .Select(b => new { b.Id, b.ProcurementId, b.CycleId, b.OrganisationId, b.Partners, b.Status, b.StartedAt, b.SubmittedAt, b.WithdrawnAt })
            .ToListAsync(ct);
        return [.. rows.Select(b => Bid.AsListed(b.Id, b.ProcurementId, b.CycleId, b.OrganisationId, b.Partners, b.Status, b.StartedAt, b.SubmittedAt, b.WithdrawnAt))];
    }

    /// <summary>The same, each with its organisation's name, for a page that names every bidder.</summary>
    public static async Task<List<(Bid Bid, string Organisation)>> ListedWithOrganisationAsync(
        this IQueryable<Bid> bids, CoproDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var rows = await (
                from b in bids.AsNoTracking()
                join o in db.Organisations.AsNoTracking() on b.OrganisationId equals o.Id
                select new { b.Id, b.ProcurementId, b.CycleId, b.OrganisationId, b.Partners, b.Status, b.StartedAt, b.SubmittedAt, b.WithdrawnAt, o.Name })
            .ToListAsync(ct);
        return [.. rows.Select(b => (Bid.AsListed(b.Id, b.ProcurementId, b.CycleId, b.OrganisationId, b.Partners, b.Status, b.StartedAt, b.SubmittedAt, b.WithdrawnAt), b.Name))];
    }

    /// <summary>
    /// The scores on the procurement's submitted scorecards (never one still being written) for <paramref name="ofBids"/>,
    /// or every bid when null, leaving out <paramref name="exceptEvaluator"/>'s; with their comments only for
    /// <paramref name="withCommentsOf"/>, and an empty comment otherwise.
    /// </summary>
    public static async Task<IReadOnlyList<SubmittedScore>> SubmittedScoresAsync(
        this CoproDbContext db, Guid procurementId, IReadOnlyCollection<Guid>? ofBids, IReadOnlyCollection<Guid> withCommentsOf,
        CancellationToken ct, Guid? exceptEvaluator = null)
    {
        ArgumentNullException.ThrowIfNull(db);
        var commented = withCommentsOf.ToList();
        var scores = db.Scorecards.AsNoTracking()
            .Where(s => s.ProcurementId == procurementId && s.SubmittedAt != null && s.EvaluatorId != exceptEvaluator)
            .SelectMany(s => s.Scores, (s, score) => new { s.EvaluatorId, score.BidId, score.CriterionId, score.Level, score.Comment });
        if (ofBids is not null)
        {
            var bids = ofBids.ToList();
            scores = scores.Where(x => bids.Contains(x.BidId));
        }

        // One row per bid; all aggregates of one group see its rows in the same order, so the arrays line up.
        var rows = await scores
            .GroupBy(x => x.BidId)
            .Select(g => new
            {
                BidId = g.Key,
                Evaluators = EF.Functions.ArrayAgg(g.Select(x => x.EvaluatorId)),
                Criteria = EF.Functions.ArrayAgg(g.Select(x => x.CriterionId)),
                Levels = EF.Functions.ArrayAgg(g.Select(x => x.Level)),
                Comments = EF.Functions.ArrayAgg(g.Select(x => commented.Contains(x.BidId) ? x.Comment : "")),
            })
            .ToListAsync(ct);
        return [.. rows.SelectMany(b => b.Evaluators.Select((evaluatorId, i) =>
            new SubmittedScore(evaluatorId, b.BidId, b.Criteria[i], b.Levels[i], b.Comments[i])))];
    }
}
