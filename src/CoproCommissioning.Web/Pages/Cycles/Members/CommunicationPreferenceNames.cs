using CoproCommissioning.Data.Identity;

namespace CoproCommissioning.Web.Pages.Cycles.Members;

public static class CommunicationPreferenceNames
{
    public static string Of(CommunicationPreference preference) => preference switch
    {
        CommunicationPreference.Email => "Email",
        CommunicationPreference.Phone => "Phone",
        CommunicationPreference.Post => "Post",
        CommunicationPreference.EasyRead => "Easy read",
        CommunicationPreference.PlainEnglish => "Plain English",
        CommunicationPreference.LargePrint => "Large print",
        CommunicationPreference.BslInterpreter => "BSL interpreter",
        CommunicationPreference.OtherInterpreter => "Other interpreter",
        _ => preference.ToString(),
    };
}
