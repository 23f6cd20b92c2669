namespace CoproCommissioning.Data;

public static class CycleQueries
{
    /// <summary>
    /// The whole aggregate: the cycle's rules (R1-R4) look across all its stages, so every mutator and
    /// every sign-off check needs all of it. Split queries keep the row count linear.
    /// </summary>
    public static IQueryable<CommissioningCycle> IncludeStages(this IQueryable<CommissioningCycle> cycles) =>
        cycles
            .Include(c => c.Stages).ThenInclude(s => s.Contributions).ThenInclude(c => c.Responses)
            .Include(c => c.Stages).ThenInclude(s => s.Decisions)
            .Include(c => c.Stages).ThenInclude(s => s.History)
            .AsSplitQuery();
}
