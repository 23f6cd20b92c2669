namespace CoproCommissioning.Domain.Cycles;

public enum DecisionMode
{
    CoProduced,
    CommissionerLed,
    ClinicallyLed,
    StatutoryRequirement,
}
