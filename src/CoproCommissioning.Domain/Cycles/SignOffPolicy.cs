namespace CoproCommissioning.Domain.Cycles;

/// <summary>How much lived-experience input each stage needs before it can be signed off (R1).</summary>
public sealed record SignOffPolicy
{
    public const int LowestMinimum = 1;
    public const int HighestMinimum = 100;

    private SignOffPolicy() { }

    public SignOffPolicy(int minimumLivedExperienceContributions, int minimumDistinctContributors)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(minimumLivedExperienceContributions, LowestMinimum);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(minimumLivedExperienceContributions, HighestMinimum);
        ArgumentOutOfRangeException.ThrowIfLessThan(minimumDistinctContributors, LowestMinimum);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(minimumDistinctContributors, HighestMinimum);
        MinimumLivedExperienceContributions = minimumLivedExperienceContributions;
        MinimumDistinctContributors = minimumDistinctContributors;
    }

    // A new instance each time: EF must never see one policy object shared by two cycles.
    public static SignOffPolicy Default => new(1, 1);

    public int MinimumLivedExperienceContributions { get; private set; } = 1;

    public int MinimumDistinctContributors { get; private set; } = 1;

    public static bool IsAllowedMinimum(int value) => value is >= LowestMinimum and <= HighestMinimum;
}
