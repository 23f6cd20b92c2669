namespace CoproCommissioning.Domain.Monitoring;

/// <summary>How the alliance agreement says a dispute between members is resolved, gentlest first.</summary>
public enum DisputeRoute
{
    LeadershipTeam,
    IndependentFacilitator,
    Mediation,
}
