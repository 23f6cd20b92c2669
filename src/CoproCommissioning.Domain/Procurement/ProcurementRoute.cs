namespace CoproCommissioning.Domain.Procurement;

/// <summary>
/// How the provider is chosen. Under the Provider Selection Regime the five processes keep their legal names; under
/// the Procurement Act 2023 the two competitive procedures and direct award; a grant or an alliance is either
/// competed for or agreed directly. <see cref="ProcurementRoutes"/> says which regime each belongs to and what it needs.
/// </summary>
public enum ProcurementRoute
{
    DirectAwardProcessA,
    DirectAwardProcessB,
    DirectAwardProcessC,
    MostSuitableProviderProcess,
    CompetitiveProcess,
    OpenProcedure,
    CompetitiveFlexibleProcedure,
    DirectAward,
    CompetitiveGrant,
    DirectGrant,
    CompetitiveAllianceSelection,
    AllianceOfExistingProviders,
}
