namespace CoproCommissioning.Domain.Cycles;

/// <summary>
/// What someone enters to record or revise a decision. A choice not made, or a date that could not be read, is null:
/// the cycle refuses it beside that answer, with everything else that is wrong. Members who took part are
/// <see cref="Participants"/>; people without an account are <see cref="Groups"/>.
/// </summary>
public sealed record DecisionDetails(
    string? Title,
    string? WhatWasDecided,
    DecisionMode? Mode,
    string? Rationale,
    CoProductionLadderRung? Rung,
    DateTimeOffset? DecidedAt,
    IReadOnlyList<DecisionParticipant> Participants,
    IReadOnlyList<DecisionInfluence> Influences,
    IReadOnlyList<GroupOfPeople>? Groups = null)
{
    /// <summary>The groups of people without an account who took part; none when not given.</summary>
    public IReadOnlyList<GroupOfPeople> Groups { get; init; } = Groups ?? [];
}
