namespace CoproCommissioning.Domain.Procurement;

/// <summary>One point on the scoring scale and what a bid must show to earn it.</summary>
public sealed record ScoreLevel(int Score, string Description)
{
    public const int DescriptionMaxLength = 500;

    /// <summary>The usual 0–4 scale; a commissioner rewrites the descriptions with the panel before bidding opens.</summary>
    public static IReadOnlyList<ScoreLevel> Default { get; } =
    [
        new(0, "Unacceptable: no answer, or the answer does not address the criterion."),
        new(1, "Poor: the answer addresses the criterion only in part, with little evidence."),
        new(2, "Satisfactory: the answer meets the criterion, with some evidence."),
        new(3, "Good: the answer meets the criterion fully, with clear evidence."),
        new(4, "Excellent: the answer meets the criterion fully, with strong evidence and added value for people who use the service."),
    ];
}
