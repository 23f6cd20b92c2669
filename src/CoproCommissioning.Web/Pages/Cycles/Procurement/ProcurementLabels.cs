using CoproCommissioning.Domain.Procurement;

namespace CoproCommissioning.Web.Pages.Cycles.Procurement;

/// <summary>The words the procurement pages use for the domain's choices.</summary>
public static class ProcurementLabels
{
    public static string Regime(ProcurementRegime regime) => regime switch
    {
        ProcurementRegime.ProviderSelectionRegime => "Provider Selection Regime (health care services)",
        ProcurementRegime.ProcurementAct2023 => "Procurement Act 2023 (other services)",
        ProcurementRegime.Grant => "A grant",
        ProcurementRegime.AllianceAgreement => "An alliance agreement",
        _ => throw new ArgumentOutOfRangeException(nameof(regime), regime, null),
    };

    /// <summary>The route's name as a label: its legal name with a capital letter.</summary>
    public static string Route(ProcurementRoute route) => Capitalised(ProcurementRoutes.Name(route));

    public static string Capitalised(string words) =>
        words.StartsWith("the ", StringComparison.Ordinal) ? words[4..5].ToUpperInvariant() + words[5..] : words[..1].ToUpperInvariant() + words[1..];

    public static string Kind(CriterionKind kind) => kind == CriterionKind.Scored ? "Scored" : "Pass or fail";

    public static string Role(EvaluatorRole role) => role switch
    {
        EvaluatorRole.Officer => "Officer",
        EvaluatorRole.ClinicalAdviser => "Clinical adviser",
        EvaluatorRole.LivedExperience => "Lived-experience evaluator",
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, null),
    };

    public static string YesNo(bool? answer) => answer switch { true => "Yes", false => "No", null => "Not asked" };

    public static string Key(KeyCriterion key) => key switch
    {
        KeyCriterion.QualityAndInnovation => "Quality and innovation",
        KeyCriterion.Value => "Value",
        KeyCriterion.IntegrationCollaborationSustainability => "Integration, collaboration and service sustainability",
        KeyCriterion.AccessInequalitiesAndChoice => "Improving access, reducing health inequalities and facilitating choice",
        KeyCriterion.SocialValue => "Social value",
        _ => throw new ArgumentOutOfRangeException(nameof(key), key, null),
    };
}
