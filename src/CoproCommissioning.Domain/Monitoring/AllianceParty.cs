namespace CoproCommissioning.Domain.Monitoring;

/// <summary>Who a member of an alliance leadership team speaks for: one of the alliance's providers, or the commissioner.</summary>
public enum AllianceParty
{
    Provider,
    Commissioner,
}
