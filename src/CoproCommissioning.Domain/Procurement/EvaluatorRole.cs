namespace CoproCommissioning.Domain.Procurement;

/// <summary>What an evaluator brings to the panel. Lived-experience evaluators are panel members invited to evaluate.</summary>
public enum EvaluatorRole
{
    Officer,
    ClinicalAdviser,
    LivedExperience,
}
