namespace CoproCommissioning.Domain.Specification;

/// <summary>
/// What a commissioner answers to approve the latest version: how the specification was agreed (one of
/// <see cref="ServiceSpecification.ApprovalModes"/>) and why, if it was not co-produced; how much say people with lived
/// experience had; who took part; the comments that shaped it; and anything else to say. A choice not made is null.
/// </summary>
public sealed record ApprovalDetails(
    DecisionMode? Mode,
    string? Rationale,
    CoProductionLadderRung? Rung,
    IReadOnlyList<DecisionParticipant> Participants,
    IReadOnlyList<DecisionInfluence> Influences,
    string? Note);
