namespace CoproCommissioning.Domain.NeedsAssessment;

/// <summary>What kind of evidence a needs assessment draws on.</summary>
public enum EvidenceKind
{
    PopulationData,

    /// <summary>Joint strategic needs assessment, published by the local authority and its partners.</summary>
    Jsna,
    ServiceData,
    LivedExperienceStory,
    Survey,
}
