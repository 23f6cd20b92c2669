namespace CoproCommissioning.Data;

public static class CycleQueries
{
    /// <summary>
    /// The whole aggregate, every contribution, response, decision and event of every stage: only for a change whose
    /// rules read across all of it. Pages that show a cycle read what they show instead, and sign-off reads
    /// <see cref="SignOffFactsAsync"/>. Split queries keep the row count linear.
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
    /// out by PostgreSQL in three statements that return a handful of rows however large the stage is. Team-only and
    /// logged-on-behalf input count exactly as the aggregate counts them; a test compares the two on generated cycles.
    /// </summary>
    public static async Task<SignOffFacts> SignOffFactsAsync(
        this CoproDbContext db, Guid cycleId, StageKind kind, string? signerUserId, CancellationToken ct)
    {
        var stage = db.Cycles.AsNoTracking().Where(c => c.Id == cycleId).SelectMany(c => c.Stages).Where(s => s.Kind == kind);
        var livedExperience = stage.SelectMany(s => s.Contributions).Where(Contribution.LivedExperienceInput);

        var input = await livedExperience
            .GroupBy(c => 1)
            .Select(g => new
            {
                Count = g.Count(),
                Voices = g.Sum(c => c.VoicesCarried),
                FromAccounts = g.Count(c => c.AuthorUserId != null),
                Accounts = g.Where(c => c.AuthorUserId != null).Select(c => c.AuthorUserId).Distinct().Count(),
                NotLoggedBySigner = g.Count(c => c.RecordedByUserId == null || c.RecordedByUserId != signerUserId),
            })
            .SingleOrDefaultAsync(ct);

        var unanswered = await livedExperience
            .Where(c => !c.Responses.Any())
            .OrderBy(c => c.CreatedAt).ThenBy(c => c.Id)
            .Select(c => c.Id)
            .ToListAsync(ct);

        // Only the decisions that break a rule are read; DecisionFacts says which rule.
        var livedExperienceIds = db.Set<Contribution>().Where(Contribution.LivedExperienceInput).Select(c => c.Id);
        var decisions = await stage.SelectMany(s => s.Decisions)
            .Select(d => new
            {
                d.Id,
                d.RecordedAt,
                HasParticipants = d.Participants.Any(),
                d.Mode,
                ShapedByLivedExperience = d.Influences.Any(i => livedExperienceIds.Contains(i.ContributionId)),
                HasRationale = d.Rationale != "",
            })
            .Where(d => !d.HasParticipants
                || (d.Mode == DecisionMode.CoProduced && !d.ShapedByLivedExperience)
                || (d.Mode != DecisionMode.CoProduced && !d.HasRationale))
            .OrderBy(d => d.RecordedAt).ThenBy(d => d.Id)
            .ToListAsync(ct);

        // People with an account count once however often they speak; each voice logged without an account counts.
        int count = input?.Count ?? 0;
        int distinct = input is null ? 0 : input.Accounts + input.Voices - input.FromAccounts;
        return new SignOffFacts(
            kind,
            signerUserId,
            count,
            distinct,
            signerUserId is not null && count > 0 && input!.NotLoggedBySigner == 0,
            unanswered,
            [.. decisions.Select(d => new DecisionFacts(d.Id, d.HasParticipants, d.Mode, d.ShapedByLivedExperience, d.HasRationale))]);
    }
}
