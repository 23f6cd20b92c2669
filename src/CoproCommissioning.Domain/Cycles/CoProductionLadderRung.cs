namespace CoproCommissioning.Domain.Cycles;

/// <summary>
/// The Think Local Act Personal ladder of co-production, bottom to top, so rungs compare in order.
/// Consultation, Engagement and CoDesign ask for views; only CoProduction shares power.
/// </summary>
public enum CoProductionLadderRung
{
    Coercion,
    Educating,
    Informing,
    Consultation,
    Engagement,
    CoDesign,
    CoProduction,
}
