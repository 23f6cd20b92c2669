namespace CoproCommissioning.Domain.Monitoring;

/// <summary>
/// What a commissioner says about the next cycle for the same service; the service area, the population served, the
/// commissioning organisation and the sign-off policy come from the earlier cycle. Null where not answered or not read.
/// </summary>
public sealed record NextCycleDraft(string? Title, DateOnly? StartDate, decimal? Budget);
