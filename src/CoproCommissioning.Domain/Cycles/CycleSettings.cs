namespace CoproCommissioning.Domain.Cycles;

/// <summary>
/// A cycle's settings as a commissioner answers them, all at once. A value that could not be read (a start date that is
/// not a date, a minimum that is not a whole number) is null; a null champion means nobody is named.
/// </summary>
public sealed record CycleSettings(
    string? Title,
    string? ServiceArea,
    string? PopulationServed,
    decimal? Budget,
    DateOnly? StartDate,
    int? MinimumLivedExperienceContributions,
    int? MinimumDistinctContributors,
    string? ChampionUserId)
{
    /// <summary>The cycle's settings as they are now, to start a form from.</summary>
    public static CycleSettings Of(CommissioningCycle cycle)
    {
        ArgumentNullException.ThrowIfNull(cycle);
        return new CycleSettings(
            cycle.Title,
            cycle.ServiceArea,
            cycle.PopulationServed,
            cycle.Budget,
            cycle.StartDate,
            cycle.SignOffPolicy.MinimumLivedExperienceContributions,
            cycle.SignOffPolicy.MinimumDistinctContributors,
            cycle.ChampionUserId);
    }
}
