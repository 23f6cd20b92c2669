namespace CoproCommissioning.Domain.Cycles;

/// <summary>The part a member plays in one cycle. Membership itself is kept outside the domain; callers pass the actor's role.</summary>
public enum CycleRole
{
    Commissioner,
    CoProductionChampion,
    PanelMember,
    Provider,
    ClinicalAdviser,
    Observer,
}
