namespace CoproCommissioning.Domain.Cycles;

/// <summary>What a contribution is about, when it is about one thing. Specification sections arrive in a later issue.</summary>
public enum TargetKind
{
    None,
    Decision,
    SpecificationSection,

    /// <summary>Input logged from a co-design session (a workshop or meeting) on behalf of the people there.</summary>
    CoDesignSession,

    /// <summary>An outcome of the specification's outcome framework, as it reads in one version (a snapshot's id).</summary>
    SpecificationOutcome,
}
