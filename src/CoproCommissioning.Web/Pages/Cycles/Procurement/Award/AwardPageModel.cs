using CoproCommissioning.Domain.Procurement;

namespace CoproCommissioning.Web.Pages.Cycles.Procurement.Award;

/// <summary>
/// The award, standstill and record pages: the cycle with its procurement stage's decisions (the award is one of them),
/// the names of the organisations the award and the bids concern, and the evaluation the award is judged against.
/// </summary>
public abstract class AwardPageModel : ProcurementPageModel
{
    /// <summary>Where a commissioner records a new decision in the procurement stage.</summary>
    public string RecordDecisionUrl => $"/cycles/{CycleId}/stages/{StageKind.Procurement.ToSlug()}/decisions/new";

    public string DecisionUrl(Guid decisionId) => $"/cycles/{CycleId}/stages/{StageKind.Procurement.ToSlug()}/decisions/{decisionId}";

    /// <summary>
    /// The cycle with its stages' statuses and the procurement stage's decisions only, not tracked:
    /// <see cref="CycleProcurement.RecordAward"/> checks the decision it names is in the procurement stage, and no page
    /// here shows another stage's.
    /// </summary>
    protected async Task<CommissioningCycle?> LoadCycleWithDecisionsAsync(CoproDbContext db, CancellationToken ct)
    {
        return ForHeading(await db.Cycles.Include(c => c.Stages).ThenInclude(s => s.Decisions.Where(d => d.StageKind == StageKind.Procurement))
            .AsSplitQuery().AsNoTracking()
            .SingleOrDefaultAsync(c => c.Id == CycleId, ct));
    }

    /// <summary>Organisations' names by id, whether or not they are still in the cycle.</summary>
    protected static async Task<IReadOnlyDictionary<Guid, string>> OrganisationNamesAsync(
        CoproDbContext db, IEnumerable<Guid> ids, CancellationToken ct)
    {
        var wanted = ids.Distinct().ToList();
        return await db.Organisations.AsNoTracking().Where(o => wanted.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
    }

    /// <summary>
    /// The evaluation the award is judged against: every submitted bid's standing. Empty on a direct route, and before
    /// the deadline, when bids are sealed even from the commissioner.
    /// </summary>
    protected static async Task<IReadOnlyList<BidStanding>> StandingsAsync(
        CoproDbContext db, CycleProcurement procurement, DateTimeOffset now, CancellationToken ct)
    {
        if (!procurement.IsCompetitive || !procurement.IsPastDeadline(now))
        {
            return [];
        }

        return Evaluation.Of(procurement, await LoadSubmittedBidsAsync(db, procurement, ct), await LoadScorecardsAsync(db, procurement, ct), now);
    }

    public static string NameOf(IReadOnlyDictionary<Guid, string> names, Guid organisationId) =>
        names.TryGetValue(organisationId, out var name) ? name : "An organisation no longer recorded";

    /// <summary>"Sam Green, commissioner" for each person named on a decision, and the groups without accounts.</summary>
    public static IReadOnlyList<string> WhoDecided(Decision decision, PeopleNames names)
    {
        ArgumentNullException.ThrowIfNull(decision);
        return WhoDecided(decision.Participants, decision.Groups, names);
    }

    /// <summary>The same from a decision's people and groups alone, for a page that reads only those of it.</summary>
    public static IReadOnlyList<string> WhoDecided(IEnumerable<DecisionParticipant> participants, IEnumerable<GroupOfPeople> groups, PeopleNames names)
    {
        ArgumentNullException.ThrowIfNull(participants);
        ArgumentNullException.ThrowIfNull(groups);
        ArgumentNullException.ThrowIfNull(names);
        return
        [
            .. participants.Select(p => $"{names.Of(p.UserId)}, {Labels.Of(p.Role).ToLowerInvariant()}"),
            .. groups.Select(g => $"{g.Count} {g.Description}: {Labels.Of(g.Voice).ToLowerInvariant()} voice, without an account"),
        ];
    }
}
