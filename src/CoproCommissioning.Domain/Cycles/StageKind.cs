namespace CoproCommissioning.Domain.Cycles;

/// <summary>The five stages of a commissioning cycle, in the order they are signed off.</summary>
public enum StageKind
{
    NeedsAssessment,
    CoDesign,
    Specification,
    Procurement,
    Monitoring,
}
