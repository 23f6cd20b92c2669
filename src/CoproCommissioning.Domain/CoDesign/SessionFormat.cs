namespace CoproCommissioning.Domain.CoDesign;

public enum SessionFormat
{
    InPerson,
    Online,

    /// <summary>At a venue, with people also joining online.</summary>
    Hybrid,
}
