namespace CoproCommissioning.Domain.Procurement;

/// <summary>What a commissioner records about how the provider will be chosen. Property names are the form's fields.</summary>
public sealed record RouteChoice(
    ProcurementRegime? Regime,
    ProcurementRoute? Route,
    RouteQuestions Answers,
    string? Reason,
    string? Justification = null);
