namespace CoproCommissioning.Domain.Cycles;

/// <summary>What a contribution is about, when it is about one thing. Specification sections arrive in a later issue.</summary>
public enum TargetKind
{
    None,
    Decision,
    SpecificationSection,
}
