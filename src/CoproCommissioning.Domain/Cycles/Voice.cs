namespace CoproCommissioning.Domain.Cycles;

/// <summary>Whose perspective a contribution carries. Only <see cref="LivedExperience"/> and <see cref="Carer"/> count as lived-experience input (R1).</summary>
public enum Voice
{
    LivedExperience,
    Carer,
    Provider,
    Commissioner,
    Clinician,
    Community,
}
