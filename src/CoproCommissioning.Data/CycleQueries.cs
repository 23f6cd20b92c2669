using System.Runtime.CompilerServices;
using System.Text.Json;
using CoproCommissioning.Data.Configurations;
using CoproCommissioning.Domain.Membership;

namespace CoproCommissioning.Data;

public static class CycleQueries
{
    /// <summary>
    /// The whole aggregate, every contribution, response, decision and event of every stage: only for a change whose
    /// rules read across all of it. Pages that show a cycle read what they show instead, and sign-off reads
    /// <see cref="SignOffFactsAsync(CoproDbContext, Stage, string?, CancellationToken)"/>. Split queries keep the row count linear.
    /// </summary>
    public static IQueryable<CommissioningCycle> IncludeStages(this IQueryable<CommissioningCycle> cycles) =>
        cycles
            .Include(c => c.Stages).ThenInclude(s => s.Contributions).ThenInclude(c => c.Responses)
            .Include(c => c.Stages).ThenInclude(s => s.Decisions)
            .Include(c => c.Stages).ThenInclude(s => s.History)
            .AsSplitQuery();

    /// <summary>The cycle and its five stages' statuses, without their input, decisions or history.</summary>
    public static IQueryable<CommissioningCycle> IncludeStageStatuses(this IQueryable<CommissioningCycle> cycles) =>
        cycles.Include(c => c.Stages);

    // Compiled: nearly every cycle page sends these, and EF Core otherwise extracts the parameters from the expression
    // and looks the query up in its cache on every call, a tenth of a light page's CPU (docs/benchmarks.md).
    // Without "LIMIT 2" (the unique index allows one row at most; SingleOrDefaultAsync still checks): with it, PostgreSQL
    // costed a sequential scan of a large cycle's members as cheaper than the index for the values of each call, and so
    // planned the prepared statement again on every request instead of keeping its plan.
    private static readonly Func<CoproDbContext, Guid, string, IAsyncEnumerable<CycleMembership>> MembershipQuery =
        EF.CompileAsyncQuery((CoproDbContext db, Guid cycleId, string userId) =>
            db.Memberships.AsNoTracking().Where(m => m.CycleId == cycleId && m.UserId == userId));

    private static readonly Func<CoproDbContext, Guid, CancellationToken, Task<CommissioningCycle?>> StageStatusesQuery =
        EF.CompileAsyncQuery((CoproDbContext db, Guid cycleId, CancellationToken _) =>
            db.Cycles.Include(c => c.Stages).AsNoTracking().SingleOrDefault(c => c.Id == cycleId));

    private static readonly Func<CoproDbContext, Guid, StageKind, CancellationToken, Task<StageHeading?>> HeadingQuery =
        EF.CompileAsyncQuery((CoproDbContext db, Guid cycleId, StageKind kind, CancellationToken _) =>
            db.Cycles.AsNoTracking()
                .Where(c => c.Id == cycleId)
                .Select(c => new StageHeading(c.Title, c.Stages.Where(s => s.Kind == kind).Select(s => s.Status).First()))
                .SingleOrDefault());

    /// <summary>Someone's membership of a cycle, or null when they are not a member.</summary>
    public static Task<CycleMembership?> MembershipAsync(this CoproDbContext db, Guid cycleId, string userId, CancellationToken ct) =>
        MembershipQuery(db, cycleId, userId).SingleOrDefaultAsync(ct).AsTask();

    /// <summary>The cycle and its stages' statuses (<see cref="IncludeStageStatuses"/>), read to show, not to change.</summary>
    public static Task<CommissioningCycle?> CycleWithStageStatusesAsync(this CoproDbContext db, Guid cycleId, CancellationToken ct) =>
        StageStatusesQuery(db, cycleId, ct);

    /// <summary>The cycle's title and one stage's status, for a stage page's heading; null when there is no such cycle.</summary>
    public static Task<StageHeading?> StageHeadingAsync(this CoproDbContext db, Guid cycleId, StageKind kind, CancellationToken ct) =>
        HeadingQuery(db, cycleId, kind, ct);

    /// <summary>
    /// What the sign-off rules need to know about one stage's input and decisions (<see cref="SignOffFacts"/>), worked
    /// out by PostgreSQL. <paramref name="stage"/> needs only its id and kind (<see cref="IncludeStageStatuses"/>).
    /// </summary>
    public static async Task<SignOffFacts> SignOffFactsAsync(this CoproDbContext db, Stage stage, string? signerUserId, CancellationToken ct) =>
        (await db.SignOffFactsAsync([stage], signerUserId, ct))[stage.Id];

    /// <summary>
    /// The same, with the stage's unanswered input counted and only the oldest <paramref name="unansweredListed"/> of it
    /// listed, for a page that shows how many things stop the sign-off.
    /// </summary>
    public static async Task<SignOffFacts> SignOffFactsAsync(
        this CoproDbContext db, Stage stage, string? signerUserId, CancellationToken ct, int unansweredListed) =>
        (await db.SignOffFactsAsync([stage], signerUserId, ct, unansweredListed))[stage.Id];

    /// <summary>
    /// The facts for many stages, of one cycle or of many, in one statement that reads a row a stage however large the
    /// stages are: PostgreSQL keeps the counts as input and decisions are written (migration
    /// <c>KeepSignOffFactsPerStage</c>, decision 0035), and the few decisions that break a rule. With
    /// <paramref name="unansweredListed"/> = 0 that is all; otherwise a second statement lists the unanswered input, all
    /// of it or the oldest that many of each stage. Team-only and logged-on-behalf input count exactly as the aggregate
    /// counts them; a test compares the two on generated cycles.
    /// </summary>
    public static async Task<IReadOnlyDictionary<Guid, SignOffFacts>> SignOffFactsAsync(
        this CoproDbContext db, IReadOnlyCollection<Stage> stages, string? signerUserId, CancellationToken ct, int? unansweredListed = null)
    {
        var ids = stages.Select(s => s.Id).Distinct().ToArray();
        if (ids.Length == 0)
        {
            return new Dictionary<Guid, SignOffFacts>();
        }

        // R2 and R5 are asked again of the few decisions kept as breaking a rule, so DecisionFacts says which rule.
        // Columns are named as the model's naming convention expects them (snake case) for KeptFacts.
        // One stage, which every page but the dashboard asks about, is one row rather than an array of one: PostgreSQL then
        // costs the prepared statement's generic plan for what it is and keeps it, instead of planning the statement again
        // on every request (0.9 ms of its 1 ms), as it does when an array parameter is costed as ten rows.
        var stagesSql = ids.Length == 1 ? "(VALUES ({1}::uuid))" : "unnest({1})";
        var input = await db.Database.SqlQuery<KeptFacts>(FormattableStringFactory.Create($$"""
            SELECT s.id AS stage_id,
                   coalesce(f.contributions, 0) AS count,
                   coalesce(f.voices, 0) AS voices,
                   coalesce(f.from_accounts, 0) AS from_accounts,
                   coalesce(f.unanswered, 0) AS unanswered,
                   (SELECT count(*)::int FROM stage_lived_experience_people AS p WHERE p.stage_id = s.id) AS accounts,
                   coalesce((SELECT r.contributions FROM stage_lived_experience_recorders AS r
                             WHERE r.stage_id = s.id AND r.recorded_by = {0}), 0) AS logged_by_signer,
                   (SELECT json_agg(json_build_object(
                               'Id', d.id,
                               'HasParticipants', EXISTS (SELECT 1 FROM decision_participants AS dp WHERE dp.decision_id = d.id)
                                   OR EXISTS (SELECT 1 FROM decision_groups AS dg WHERE dg.decision_id = d.id),
                               'Mode', d.mode,
                               'ShapedByLivedExperience', EXISTS (
                                   SELECT 1 FROM decision_influences AS di JOIN contributions AS c ON c.id = di.contribution_id
                                   WHERE di.decision_id = d.id AND c.voice IN ('LivedExperience', 'Carer')),
                               'HasRationale', d.rationale <> '') ORDER BY d.recorded_at, d.id)
                    FROM decision_rule_breaches AS b JOIN decisions AS d ON d.id = b.decision_id
                    WHERE b.stage_id = s.id)::text AS decisions_to_fix
            FROM {{stagesSql}} AS s (id)
            LEFT JOIN stage_lived_experience AS f ON f.stage_id = s.id
            """, signerUserId ?? "", ids.Length == 1 ? ids[0] : ids)).ToDictionaryAsync(i => i.StageId, ct);

        var listed = unansweredListed switch
        {
            null => db.Set<Contribution>().AsNoTracking()
                .Where(c => ids.Contains(EF.Property<Guid>(c, StageConfiguration.StageKey)))
                .Where(Contribution.LivedExperienceInput)
                .Where(c => c.ResponseRevision == 0)
                .OrderBy(c => c.CreatedAt).ThenBy(c => c.Id)
                .Select(c => new { StageId = EF.Property<Guid>(c, StageConfiguration.StageKey), c.Id, c.CreatedAt }),
            // The oldest few of each stage, straight from the index of unanswered input in that order.
            > 0 and var most => db.Cycles.AsNoTracking()
                .SelectMany(c => c.Stages)
                .Where(s => ids.Contains(s.Id))
                .SelectMany(
                    s => s.Contributions.AsQueryable().Where(Contribution.LivedExperienceInput).Where(c => c.ResponseRevision == 0)
                        .OrderBy(c => c.CreatedAt).ThenBy(c => c.Id).Take(most),
                    (s, c) => new { StageId = s.Id, c.Id, c.CreatedAt })
                .OrderBy(c => c.CreatedAt).ThenBy(c => c.Id),
            _ => null,
        };
        var unanswered = (listed is null ? [] : await listed.ToListAsync(ct)).ToLookup(c => c.StageId, c => c.Id);

        return stages.DistinctBy(s => s.Id).ToDictionary(s => s.Id, s =>
        {
            var i = input[s.Id];
            // People with an account count once however often they speak; each voice logged without an account counts.
            int distinct = i.Accounts + i.Voices - i.FromAccounts;
            IReadOnlyList<Guid> oldest = [.. unanswered[s.Id]];
            return new SignOffFacts(
                s.Kind,
                signerUserId,
                i.Count,
                distinct,
                signerUserId is not null && i.Count > 0 && i.LoggedBySigner == i.Count,
                oldest,
                i.DecisionsToFix is null ? [] : [.. JsonSerializer.Deserialize<List<KeptDecision>>(i.DecisionsToFix)!.Select(d => d.Facts)])
            {
                UnansweredLivedExperienceCount = i.Unanswered,
            };
        });
    }

    /// <summary>
    /// How many contributions and decisions each stage of a cycle has, kept by PostgreSQL as they are written (decision
    /// 0035), so a cycle's overview does not count ten thousand rows to print two numbers a stage.
    /// </summary>
    public static async Task<IReadOnlyDictionary<StageKind, StageCount>> StageCountsAsync(this CoproDbContext db, Guid cycleId, CancellationToken ct) =>
        (await db.Database.SqlQuery<KeptCount>($"""
            SELECT s.kind AS kind, coalesce(k.contributions, 0) AS contributions, coalesce(k.decisions, 0) AS decisions
            FROM stages AS s LEFT JOIN stage_counts AS k ON k.stage_id = s.id
            WHERE s.cycle_id = {cycleId}
            """).ToListAsync(ct))
        .ToDictionary(k => Enum.Parse<StageKind>(k.Kind), k => new StageCount(k.Contributions, k.Decisions));

    private sealed record KeptCount(string Kind, int Contributions, int Decisions);

    private sealed record KeptFacts(
        Guid StageId, int Count, int Voices, int FromAccounts, int Unanswered, int Accounts, int LoggedBySigner, string? DecisionsToFix);

    private sealed record KeptDecision(Guid Id, bool HasParticipants, string Mode, bool ShapedByLivedExperience, bool HasRationale)
    {
        public DecisionFacts Facts => new(Id, HasParticipants, Enum.Parse<DecisionMode>(Mode), ShapedByLivedExperience, HasRationale);
    }
}

/// <summary>How many contributions and decisions a stage has.</summary>
public sealed record StageCount(int Contributions, int Decisions);

/// <summary>What a stage page shows above its content.</summary>
public sealed record StageHeading(string Title, StageStatus Status);
