namespace CoproCommissioning.Domain.Procurement;

/// <summary>What each route is called, which regime it belongs to, and whether providers bid and a standstill follows.</summary>
public static class ProcurementRoutes
{
    private static readonly Dictionary<ProcurementRoute, (ProcurementRegime Regime, string Name, bool Competitive, bool Standstill)> Routes = new()
    {
        // PSR: a standstill follows the intention to award for C, Most Suitable Provider and Competitive; A and B
        // publish an award notice instead (NHS England, "Reviewing decisions during the standstill period").
        [ProcurementRoute.DirectAwardProcessA] = (ProcurementRegime.ProviderSelectionRegime, "Direct Award Process A", false, false),
        [ProcurementRoute.DirectAwardProcessB] = (ProcurementRegime.ProviderSelectionRegime, "Direct Award Process B", false, false),
        [ProcurementRoute.DirectAwardProcessC] = (ProcurementRegime.ProviderSelectionRegime, "Direct Award Process C", false, true),
        [ProcurementRoute.MostSuitableProviderProcess] = (ProcurementRegime.ProviderSelectionRegime, "the Most Suitable Provider Process", false, true),
        [ProcurementRoute.CompetitiveProcess] = (ProcurementRegime.ProviderSelectionRegime, "the Competitive Process", true, true),
        [ProcurementRoute.OpenProcedure] = (ProcurementRegime.ProcurementAct2023, "open procedure", true, true),
        [ProcurementRoute.CompetitiveFlexibleProcedure] = (ProcurementRegime.ProcurementAct2023, "competitive flexible procedure", true, true),
        [ProcurementRoute.DirectAward] = (ProcurementRegime.ProcurementAct2023, "direct award", false, true),
        [ProcurementRoute.CompetitiveGrant] = (ProcurementRegime.Grant, "competitive grant round", true, false),
        [ProcurementRoute.DirectGrant] = (ProcurementRegime.Grant, "grant agreed directly", false, false),
        [ProcurementRoute.CompetitiveAllianceSelection] = (ProcurementRegime.AllianceAgreement, "competitive selection of alliance members", true, false),
        [ProcurementRoute.AllianceOfExistingProviders] = (ProcurementRegime.AllianceAgreement, "alliance agreed with existing providers", false, false),
    };

    public static ProcurementRegime RegimeOf(ProcurementRoute route) => Of(route).Regime;

    /// <summary>The route's legal or plain name, as written in a sentence ("the Competitive Process", "open procedure").</summary>
    public static string Name(ProcurementRoute route) => Of(route).Name;

    /// <summary>Providers bid and evaluators score them; direct routes skip bidding and go to the award.</summary>
    public static bool IsCompetitive(ProcurementRoute route) => Of(route).Competitive;

    /// <summary>An intention to award is published and the award waits for the standstill to end.</summary>
    public static bool NeedsStandstill(ProcurementRoute route) => Of(route).Standstill;

    /// <summary>The routes open under <paramref name="regime"/>, in the order they are offered.</summary>
    public static IReadOnlyList<ProcurementRoute> In(ProcurementRegime regime) =>
        [.. Enum.GetValues<ProcurementRoute>().Where(r => RegimeOf(r) == regime)];

    private static (ProcurementRegime Regime, string Name, bool Competitive, bool Standstill) Of(ProcurementRoute route) =>
        Routes.TryGetValue(route, out var facts)
            ? facts
            : throw new ArgumentOutOfRangeException(nameof(route), route, "No facts are listed for this route.");
}
