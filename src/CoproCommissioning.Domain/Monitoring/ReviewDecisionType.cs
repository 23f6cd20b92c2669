namespace CoproCommissioning.Domain.Monitoring;

/// <summary>What a review decided about the contract.</summary>
public enum ReviewDecisionType
{
    Continue,
    Vary,
    Extend,

    /// <summary>End the service: needs the impact on people using it now, the transition plan and the four service-change tests.</summary>
    Decommission,
}
