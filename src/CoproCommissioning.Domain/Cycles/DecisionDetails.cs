namespace CoproCommissioning.Domain.Cycles;

/// <summary>
/// What someone enters to record or revise a decision. A choice not made, or a date that could not be read, is null:
/// the cycle refuses it beside that answer, with everything else that is wrong.
/// </summary>
public sealed record DecisionDetails(
    string? Title,
    string? WhatWasDecided,
    DecisionMode? Mode,
    string? Rationale,
    CoProductionLadderRung? Rung,
    DateTimeOffset? DecidedAt,
    IReadOnlyList<DecisionParticipant> Participants,
    IReadOnlyList<DecisionInfluence> Influences);
