namespace CoproCommissioning.Domain.Procurement;

/// <summary>
/// The Provider Selection Regime's questions, in NHS England's order: is there an existing provider, and is it the only
/// one capable (then Direct Award Process A, which is mandatory); do patients have unrestricted choice (B); is the existing
/// provider satisfactory with no considerable change (C allowed); otherwise the Most Suitable Provider Process or the
/// Competitive Process. A question that does not arise is left unanswered.
/// </summary>
public sealed record RouteQuestions(
    bool? ExistingProvider, bool? OnlyCapableProvider, bool? UnrestrictedChoice, bool? SatisfactoryAndNoConsiderableChange)
{
    public static RouteQuestions Unanswered { get; } = new(null, null, null, null);

    public bool AskOnlyCapable => ExistingProvider == true;

    public bool AskUnrestrictedChoice => ExistingProvider == false || (ExistingProvider == true && OnlyCapableProvider == false);

    public bool AskSatisfactory => ExistingProvider == true && OnlyCapableProvider == false && UnrestrictedChoice == false;

    /// <summary>Every question that arises has an answer.</summary>
    public bool IsComplete =>
        ExistingProvider is not null
        && (!AskOnlyCapable || OnlyCapableProvider is not null)
        && (!AskUnrestrictedChoice || UnrestrictedChoice is not null)
        && (!AskSatisfactory || SatisfactoryAndNoConsiderableChange is not null);

    /// <summary>The processes the answers allow, the first being the one suggested; empty until the answers are complete.</summary>
    public IReadOnlyList<ProcurementRoute> AllowedRoutes()
    {
        if (!IsComplete)
        {
            return [];
        }

        if (ExistingProvider == true && OnlyCapableProvider == true)
        {
            return [ProcurementRoute.DirectAwardProcessA];
        }

        if (UnrestrictedChoice == true)
        {
            return [ProcurementRoute.DirectAwardProcessB];
        }

        return SatisfactoryAndNoConsiderableChange == true
            ? [ProcurementRoute.DirectAwardProcessC, ProcurementRoute.MostSuitableProviderProcess, ProcurementRoute.CompetitiveProcess]
            : [ProcurementRoute.CompetitiveProcess, ProcurementRoute.MostSuitableProviderProcess];
    }

    /// <summary>The answers with the questions that did not arise cleared, so a changed earlier answer leaves nothing stale.</summary>
    public RouteQuestions Relevant() => new(
        ExistingProvider,
        AskOnlyCapable ? OnlyCapableProvider : null,
        AskUnrestrictedChoice ? UnrestrictedChoice : null,
        AskSatisfactory ? SatisfactoryAndNoConsiderableChange : null);
}
