namespace CoproCommissioning.Domain.Specification;

public enum GlossaryTermStatus
{
    /// <summary>Suggested by a member; not yet marked in the specification.</summary>
    Proposed,

    /// <summary>Agreed by a commissioner with the panel; marked wherever it appears in the specification.</summary>
    Agreed,
}
