using CoproCommissioning.Domain.Cycles;

namespace CoproCommissioning.Web.Pages.Cycles.Members;

public static class CycleRoleNames
{
    public static string Of(CycleRole role, Voice? panelVoice = null) => role switch
    {
        CycleRole.Commissioner => "Commissioner",
        CycleRole.CoProductionChampion => "Co-production champion",
        CycleRole.PanelMember => panelVoice == Voice.Carer ? "Panel member (carer)" : "Panel member (lived experience)",
        CycleRole.Provider => "Provider",
        CycleRole.ClinicalAdviser => "Clinical adviser",
        CycleRole.Observer => "Observer",
        _ => role.ToString(),
    };
}
