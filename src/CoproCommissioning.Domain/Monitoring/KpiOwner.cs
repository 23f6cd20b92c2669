namespace CoproCommissioning.Domain.Monitoring;

/// <summary>
/// Who answers for a measure: the providers (a KPI, reported in their returns) or the commissioner (a commitment such
/// as "referral data shared monthly", recorded by the commissioner), because both sides answer for outcomes.
/// </summary>
public enum KpiOwner
{
    Provider,
    Commissioner,
}
