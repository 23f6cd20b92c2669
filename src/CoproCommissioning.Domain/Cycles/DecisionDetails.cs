namespace CoproCommissioning.Domain.Cycles;

/// <summary>What someone enters to record or revise a decision.</summary>
public sealed record DecisionDetails(
    string? Title,
    string? WhatWasDecided,
    DecisionMode Mode,
    string? Rationale,
    CoProductionLadderRung Rung,
    DateTimeOffset DecidedAt,
    IReadOnlyList<DecisionParticipant> Participants,
    IReadOnlyList<DecisionInfluence> Influences);
