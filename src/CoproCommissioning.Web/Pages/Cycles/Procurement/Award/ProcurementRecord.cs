using System.Globalization;
using CoproCommissioning.Domain.Procurement;

namespace CoproCommissioning.Web.Pages.Cycles.Procurement.Award;

/// <summary>
/// What the procurement record shows (The Health Care Services (Provider Selection Regime) Regulations 2023,
/// regulation 24), read once for the printable page and the scores file: the evaluation with every evaluator's scores,
/// the award decision, and the names of the people and organisations they mention, as the viewer is shown them.
/// </summary>
public sealed record ProcurementRecord(
    CycleProcurement Procurement,
    IReadOnlyList<BidStanding> Standings,
    IReadOnlyDictionary<Guid, string> OrganisationNames,
    Decision? AwardDecision,
    PeopleNames Names)
{
    public string OrganisationName(Guid organisationId) => AwardPageModel.NameOf(OrganisationNames, organisationId);

    public string EvaluatorName(Guid evaluatorId) => Names.Of(Procurement.FindEvaluator(evaluatorId)?.UserId);

    /// <summary>A score as the scale reads it: a number, or pass and fail.</summary>
    public static string ScoreWords(EvaluationCriterion criterion, int level)
    {
        ArgumentNullException.ThrowIfNull(criterion);
        return criterion.Kind == CriterionKind.PassFail
            ? level == Scorecard.Pass ? "Pass" : "Fail"
            : level.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>A criterion's weight, or how it counts when it has none.</summary>
    public static string WeightWords(EvaluationCriterion criterion)
    {
        ArgumentNullException.ThrowIfNull(criterion);
        return criterion.Kind == CriterionKind.PassFail ? "Pass or fail" : $"{criterion.Weight.ToString(CultureInfo.InvariantCulture)}%";
    }

    public static async Task<ProcurementRecord?> LoadAsync(
        CoproDbContext db, CommissioningCycle cycle, DateTimeOffset now, string viewerUserId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(cycle);
        var procurement = await db.Procurements.AsSplitQuery().AsNoTracking().SingleOrDefaultAsync(p => p.CycleId == cycle.Id, ct);
        if (procurement is null)
        {
            return null;
        }

        // Bids are sealed until the deadline, from the commissioner too: the record shows no evaluation before it.
        IReadOnlyList<BidStanding> standings = procurement.IsCompetitive && procurement.IsPastDeadline(now)
            ? Evaluation.Of(
                procurement,
                await ProcurementPageModel.LoadSubmittedBidsAsync(db, procurement, ct),
                await ProcurementPageModel.LoadScorecardsAsync(db, procurement, ct),
                now)
            : [];
        var organisationIds = standings.Select(s => s.Bid.OrganisationId)
            .Concat(procurement.AwardedOrganisationIds)
            .Concat(procurement.Evaluators.SelectMany(e => e.RestrictedOrganisationIds))
            .Distinct().ToList();
        var organisations = await db.Organisations.AsNoTracking().Where(o => organisationIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        var decision = procurement.AwardDecisionId is { } id ? cycle.FindDecision(id) : null;
        var names = await PeopleNames.LoadAsync(db,
            [
                procurement.RouteChosenByUserId,
                procurement.ConflictsAssessedByUserId,
                procurement.AwardRecordedByUserId,
                .. procurement.Evaluators.SelectMany(e => new[] { e.UserId, e.DeclarationAcceptedByUserId }),
                .. procurement.Moderated.Select(m => m.ModeratedByUserId),
                .. procurement.Representations.SelectMany(r => new[] { r.LoggedByUserId, r.AnsweredByUserId }),
                .. decision?.Participants.Select(p => p.UserId) ?? [],
            ],
            viewerUserId, ct);
        return new ProcurementRecord(procurement, standings, organisations, decision, names);
    }
}
