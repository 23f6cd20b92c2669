namespace CoproCommissioning.Domain.Cycles;

/// <summary>The settings of a cycle that can change after it is created, as a set: what one change changed.</summary>
[Flags]
public enum CycleSetting
{
    None = 0,
    Title = 1,
    ServiceArea = 2,
    PopulationServed = 4,
    Budget = 8,
    StartDate = 16,
    SignOffPolicy = 32,
    Champion = 64,
}
