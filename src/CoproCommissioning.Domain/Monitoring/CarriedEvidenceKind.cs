namespace CoproCommissioning.Domain.Monitoring;

/// <summary>What an earlier cycle passed to the next one as evidence.</summary>
public enum CarriedEvidenceKind
{
    Lesson,
    GlossaryTerm,
    Outcome,
}
