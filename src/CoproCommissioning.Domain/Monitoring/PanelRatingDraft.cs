using CoproCommissioning.Domain.Specification;

namespace CoproCommissioning.Domain.Monitoring;

/// <summary>
/// What a panel member gives for a period: for each outcome they rate (by its outcome id) a rating and, in their own
/// words, what it's like, and who may read it. Outcomes they leave blank are not rated. A choice not made is null.
/// </summary>
public sealed record PanelRatingDraft(IReadOnlyDictionary<Guid, PanelOutcomeReport> Outcomes, ContributionVisibility? Visibility);

/// <summary>A panel member's rating of one outcome and what it's like from their side.</summary>
public sealed record PanelOutcomeReport(RatingLevel? Rating, string? WhatItsLike);

/// <summary>When and how ratings logged on a panel member's behalf were gathered: at a forum last Tuesday, by phone.</summary>
public sealed record GatheredRatings(DateOnly? GatheredOn, Channel? Channel);
