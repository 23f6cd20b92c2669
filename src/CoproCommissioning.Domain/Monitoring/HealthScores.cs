namespace CoproCommissioning.Domain.Monitoring;

/// <summary>A member's three health check scores as a page sends them, from 1 to 5; null where not answered.</summary>
public sealed record HealthScores(int? Trust, int? InformationSharing, int? SharedDecisions);
