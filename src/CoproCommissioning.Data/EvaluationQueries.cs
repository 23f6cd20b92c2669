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
    /// <summary>The cycle's procurement as scoring and moderation read it, with every agreed score; null without one.</summary>
    public static async Task<EvaluationSetup?> EvaluationSetupAsync(this CoproDbContext db, Guid cycleId, CancellationToken ct)
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
        var agreed = await db.Procurements.AsNoTracking()
            .Where(p => p.Id == found.Id)
            .SelectMany(p => p.Moderated)
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
