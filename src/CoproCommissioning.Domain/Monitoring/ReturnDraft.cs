using CoproCommissioning.Domain.Specification;

namespace CoproCommissioning.Domain.Monitoring;

/// <summary>
/// What a provider writes in a return: for each outcome (by its outcome id) a rating and the evidence for it, for each
/// KPI (by its id) the value and a note, what people who use the service changed this period, the minutes of their
/// lived-experience forum, and exceptions. A choice not made, or a number that could not be read, is null.
/// </summary>
public sealed record ReturnDraft(
    IReadOnlyDictionary<Guid, OutcomeReport> Outcomes,
    IReadOnlyDictionary<Guid, KpiReport> Kpis,
    string? CoProductionEvidence,
    string? ForumMinutes,
    string? Exceptions);

/// <summary>A provider's rating of one outcome for the period and the evidence for it.</summary>
public sealed record OutcomeReport(RatingLevel? Rating, string? Evidence);

/// <summary>A provider's value for one KPI in the period, with a note on it.</summary>
public sealed record KpiReport(decimal? Value, string? Note);
