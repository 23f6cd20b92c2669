namespace CoproCommissioning.Domain.Monitoring;

/// <summary>A risk as the team writes it into the register, with likelihood and impact on the 1 to 5 scale; null where not answered.</summary>
public sealed record RiskDraft(string? Description, Guid? OwnerMemberId, int? Likelihood, int? Impact, string? Actions, DateOnly? ReviewOn);
