namespace CoproCommissioning.Domain.Monitoring;

/// <summary>The part an organisation plays in a contract.</summary>
public enum PartyRole
{
    /// <summary>The provider that holds the contract and answers for it.</summary>
    LeadProvider,

    /// <summary>Another provider named in the award, delivering with the lead.</summary>
    Partner,

    /// <summary>A provider in an alliance agreement, sharing outcomes, risk and reward with the others as an equal.</summary>
    AllianceMember,

    /// <summary>In an alliance the commissioner is a party too, answerable for its own commitments.</summary>
    Commissioner,
}
