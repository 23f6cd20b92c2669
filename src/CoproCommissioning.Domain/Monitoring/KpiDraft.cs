namespace CoproCommissioning.Domain.Monitoring;

/// <summary>
/// What a commissioner enters for a KPI or a commissioner commitment. A choice not made, or a number that could not be
/// read, is null: the contract refuses it beside that answer.
/// </summary>
public sealed record KpiDraft(
    string? Name,
    string? Definition,
    decimal? Target,
    string? Unit,
    KpiDirection? Direction,
    ReportingFrequency? Frequency,
    string? DataSource);
