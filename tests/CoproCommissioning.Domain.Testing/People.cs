using CoproCommissioning.Domain.Cycles;

namespace CoproCommissioning.Domain.Testing;

public static class People
{
    public const string Commissioner = "commissioner-1";
    public const string Champion = "champion-1";
    public const string ClinicalAdviser = "clinical-adviser-1";
    public const string Provider = "provider-1";
    public const string Observer = "observer-1";

    public static string PanelMember(int number) => $"panel-member-{number}";

    public static IEnumerable<CycleRole> RolesOtherThan(params CycleRole[] allowed) =>
        Enum.GetValues<CycleRole>().Except(allowed);

    /// <summary>Someone who can add input in <paramref name="voice"/> as their own; the number keeps people distinct.</summary>
    public static (string UserId, CycleRole Role) SpeakingAs(Voice voice, int number) => voice switch
    {
        Voice.LivedExperience or Voice.Carer => (PanelMember(number), CycleRole.PanelMember),
        Voice.Provider => ($"provider-{number}", CycleRole.Provider),
        Voice.Commissioner => ($"commissioner-{number}", CycleRole.Commissioner),
        Voice.Clinician => ($"clinical-adviser-{number}", CycleRole.ClinicalAdviser),
        Voice.Community => ($"community-member-{number}", CycleRole.Observer),
        _ => throw new ArgumentOutOfRangeException(nameof(voice)),
    };
}
