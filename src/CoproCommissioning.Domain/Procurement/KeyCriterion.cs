namespace CoproCommissioning.Domain.Procurement;

/// <summary>The Provider Selection Regime's key criteria, offered as the starting set of evaluation criteria.</summary>
public enum KeyCriterion
{
    QualityAndInnovation,
    Value,
    IntegrationCollaborationSustainability,
    AccessInequalitiesAndChoice,
    SocialValue,
}
