using CoproCommissioning.Data.Configurations;

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
    /// The facts for many stages, of one cycle or of many, in two or three statements that return a row a stage plus the ids
    /// of what is still wrong, however large the stages are. Team-only and logged-on-behalf input count exactly as the
    /// aggregate counts them; a test compares the two on generated cycles. With <paramref name="unansweredListed"/>,
    /// unanswered input is counted and only the oldest that many of each stage are listed: a page that shows how many
    /// things stop the sign-off (the workspace, the overview, the dashboard) needs none of their ids, and a stage can have
    /// hundreds.
    /// </summary>
    public static async Task<IReadOnlyDictionary<Guid, SignOffFacts>> SignOffFactsAsync(
        this CoproDbContext db, IReadOnlyCollection<Stage> stages, string? signerUserId, CancellationToken ct, int? unansweredListed = null)
    {
        var ids = stages.Select(s => s.Id).ToList();
        if (ids.Count == 0)
        {
            return new Dictionary<Guid, SignOffFacts>();
        }

        var livedExperience = db.Set<Contribution>().AsNoTracking()
            .Where(c => ids.Contains(EF.Property<Guid>(c, StageConfiguration.StageKey)))
            .Where(Contribution.LivedExperienceInput);

        // How much of it is unanswered is counted in the same statement, from the small index of unanswered input, so a
        // page that shows only how many things stop the sign-off pays no extra round trip for it.
        var unansweredInput = livedExperience.Where(c => c.ResponseRevision == 0);
        var input = await livedExperience
            .GroupBy(c => EF.Property<Guid>(c, StageConfiguration.StageKey))
            .Select(g => new
            {
                StageId = g.Key,
                Count = g.Count(),
                Voices = g.Sum(c => c.VoicesCarried),
                FromAccounts = g.Count(c => c.AuthorUserId != null),
                Accounts = g.Where(c => c.AuthorUserId != null).Select(c => c.AuthorUserId).Distinct().Count(),
                NotLoggedBySigner = g.Count(c => c.RecordedByUserId == null || c.RecordedByUserId != signerUserId),
                Unanswered = unansweredInput.Count(c => EF.Property<Guid>(c, StageConfiguration.StageKey) == g.Key),
            })
            .ToDictionaryAsync(i => i.StageId, ct);
        var listed = unansweredListed switch
        {
            null => unansweredInput
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

        // Only the decisions that break a rule are read; DecisionFacts says which rule. The questions about each decision
        // are counts rather than EXISTS: PostgreSQL turns an EXISTS under OR into a hash of every participant and every
        // cited lived-experience contribution in the database, where a count looks up this decision's few rows by key.
        var anyLivedExperience = db.Set<Contribution>().Where(Contribution.LivedExperienceInput);
        var decisions = (await db.Set<Decision>().AsNoTracking()
                .Where(d => ids.Contains(EF.Property<Guid>(d, StageConfiguration.StageKey)))
                .Select(d => new
                {
                    StageId = EF.Property<Guid>(d, StageConfiguration.StageKey),
                    d.Id,
                    d.RecordedAt,
                    HasParticipants = d.Participants.Count > 0 || d.Groups.Count > 0,
                    d.Mode,
                    ShapedByLivedExperience = d.Influences.Count(i => anyLivedExperience.Any(c => c.Id == i.ContributionId)) > 0,
                    HasRationale = d.Rationale != "",
                })
                .Where(d => !d.HasParticipants
                    || (d.Mode == DecisionMode.CoProduced && !d.ShapedByLivedExperience)
                    || (d.Mode != DecisionMode.CoProduced && !d.HasRationale))
                .OrderBy(d => d.RecordedAt).ThenBy(d => d.Id)
                .ToListAsync(ct))
            .ToLookup(d => d.StageId, d => new DecisionFacts(d.Id, d.HasParticipants, d.Mode, d.ShapedByLivedExperience, d.HasRationale));

        return stages.ToDictionary(s => s.Id, s =>
        {
            input.TryGetValue(s.Id, out var i);
            int count = i?.Count ?? 0;
            // People with an account count once however often they speak; each voice logged without an account counts.
            int distinct = i is null ? 0 : i.Accounts + i.Voices - i.FromAccounts;
            IReadOnlyList<Guid> oldest = [.. unanswered[s.Id]];
            return new SignOffFacts(
                s.Kind,
                signerUserId,
                count,
                distinct,
                signerUserId is not null && count > 0 && i!.NotLoggedBySigner == 0,
                oldest,
                [.. decisions[s.Id]])
            {
                UnansweredLivedExperienceCount = i?.Unanswered ?? 0,
            };
        });
    }
}
