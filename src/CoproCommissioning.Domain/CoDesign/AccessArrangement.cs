namespace CoproCommissioning.Domain.CoDesign;

/// <summary>Support offered so people can take part in a session (NHS England's guidance on working with people and communities).</summary>
public enum AccessArrangement
{
    BslInterpreter,
    SpokenLanguageInterpreter,
    StepFreeAccess,
    HearingLoop,
    QuietRoom,
    EasyReadMaterials,
    LiveCaptions,
    TravelExpensesPaid,
    InvolvementPaymentOffered,
    SupportPersonWelcome,
}
