namespace CoproCommissioning.Domain.Procurement;

/// <summary>
/// The law or arrangement a procurement is run under. Health care services are arranged under the Provider Selection
/// Regime (in force since 1 January 2024); other services under the Procurement Act 2023; some services are funded by
/// a grant or arranged as an alliance agreement between providers and the commissioner.
/// </summary>
public enum ProcurementRegime
{
    ProviderSelectionRegime,
    ProcurementAct2023,
    Grant,
    AllianceAgreement,
}
