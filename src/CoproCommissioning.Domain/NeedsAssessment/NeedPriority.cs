namespace CoproCommissioning.Domain.NeedsAssessment;

public enum NeedPriority
{
    High,
    Medium,
    Low,
}
