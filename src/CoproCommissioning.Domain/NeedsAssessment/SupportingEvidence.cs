namespace CoproCommissioning.Domain.NeedsAssessment;

/// <summary>An evidence item that supports an identified need.</summary>
public sealed class SupportingEvidence
{
    private SupportingEvidence() { }

    internal SupportingEvidence(Guid evidenceItemId) => EvidenceItemId = evidenceItemId;

    public Guid EvidenceItemId { get; private set; }
}
