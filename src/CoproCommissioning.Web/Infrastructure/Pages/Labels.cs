using CoproCommissioning.Domain.Organisations;
using CoproCommissioning.Domain.Specification;

namespace CoproCommissioning.Web.Infrastructure.Pages;

/// <summary>The words people see for the domain's values, in sentence case.</summary>
public static class Labels
{
    public static string Of(Voice voice) => voice switch
    {
        Voice.LivedExperience => "Lived experience",
        Voice.Carer => "Carer",
        Voice.Provider => "Provider",
        Voice.Commissioner => "Commissioner",
        Voice.Clinician => "Clinician",
        Voice.Community => "Community",
        _ => voice.ToString(),
    };

    /// <summary>Mid-sentence: "3 lived-experience and 1 provider contribution".</summary>
    public static string Adjective(Voice voice) => voice switch
    {
        Voice.LivedExperience => "lived-experience",
        Voice.Carer => "carer",
        Voice.Provider => "provider",
        Voice.Commissioner => "commissioner",
        Voice.Clinician => "clinician",
        Voice.Community => "community",
        _ => voice.ToString(),
    };

    public static string Of(Channel channel) => channel switch
    {
        Channel.Online => "Online",
        Channel.Workshop => "Workshop",
        Channel.Meeting => "Meeting",
        Channel.Phone => "Phone call",
        Channel.Survey => "Survey",
        Channel.EasyReadForm => "Easy-read form",
        Channel.Email => "Email",
        Channel.Letter => "Letter",
        _ => channel.ToString(),
    };

    public static string Of(ResponseType type) => type switch
    {
        ResponseType.Adopted => "Adopted",
        ResponseType.Adapted => "Adapted",
        ResponseType.NotAdopted => "Not adopted",
        _ => type.ToString(),
    };

    public static string Describe(ResponseType type) => type switch
    {
        ResponseType.Adopted => "We did what was suggested.",
        ResponseType.Adapted => "We changed something because of it, but not exactly as suggested.",
        ResponseType.NotAdopted => "We did not do it. Say why in the explanation.",
        _ => "",
    };

    /// <summary>NHS tag colour for a response, or for input still waiting for one.</summary>
    public static string TagClass(ResponseType? type) => type switch
    {
        ResponseType.Adopted => "nhsuk-tag--green",
        ResponseType.Adapted => "nhsuk-tag--blue",
        ResponseType.NotAdopted => "nhsuk-tag--grey",
        _ => "nhsuk-tag--orange",
    };

    public const string AwaitingResponse = "Awaiting response";

    public static string Of(DecisionMode mode) => mode switch
    {
        DecisionMode.CoProduced => "Co-produced",
        DecisionMode.CommissionerLed => "Commissioner-led",
        DecisionMode.ClinicallyLed => "Clinically led",
        DecisionMode.StatutoryRequirement => "Statutory requirement",
        _ => mode.ToString(),
    };

    public static string Describe(DecisionMode mode) => mode switch
    {
        DecisionMode.CoProduced => "Made together with people with lived experience and carers, as equal partners. Link the input that shaped it.",
        DecisionMode.CommissionerLed => "Made by the commissioner. Explain why it was not co-produced.",
        DecisionMode.ClinicallyLed => "Led by clinicians for safety or clinical reasons. Explain why it was not open to co-production.",
        DecisionMode.StatutoryRequirement => "Required by law or national policy. Say which requirement.",
        _ => "",
    };

    public static string Of(CoProductionLadderRung rung) => rung switch
    {
        CoProductionLadderRung.Coercion => "Coercion",
        CoProductionLadderRung.Educating => "Educating",
        CoProductionLadderRung.Informing => "Informing",
        CoProductionLadderRung.Consultation => "Consultation",
        CoProductionLadderRung.Engagement => "Engagement",
        CoProductionLadderRung.CoDesign => "Co-design",
        CoProductionLadderRung.CoProduction => "Co-production",
        _ => rung.ToString(),
    };

    public static string Describe(CoProductionLadderRung rung) => rung switch
    {
        CoProductionLadderRung.Coercion => "People attended, but had no say.",
        CoProductionLadderRung.Educating => "People were helped to understand a decision already made.",
        CoProductionLadderRung.Informing => "People were told what was decided and why.",
        CoProductionLadderRung.Consultation => "People were asked for their views, and the commissioner decided.",
        CoProductionLadderRung.Engagement => "People's views were sought and discussed in depth, and the commissioner decided.",
        CoProductionLadderRung.CoDesign => "People helped design it, but did not share the final decision.",
        CoProductionLadderRung.CoProduction => "People shared power and made the decision together as equal partners.",
        _ => "",
    };

    public static string Of(OrganisationKind kind) => kind switch
    {
        OrganisationKind.IntegratedCareBoard => "Integrated care board (ICB)",
        OrganisationKind.LocalAuthority => "Local authority",
        OrganisationKind.NhsTrust => "NHS trust",
        OrganisationKind.VoluntaryOrCommunityOrganisation => "Voluntary and community sector",
        OrganisationKind.UserLedOrganisation => "User-led organisation",
        OrganisationKind.IndependentProvider => "Independent provider",
        OrganisationKind.Other => "Other",
        _ => kind.ToString(),
    };

    public static string Of(CycleRole role) => role switch
    {
        CycleRole.Commissioner => "Commissioner",
        CycleRole.CoProductionChampion => "Co-production champion",
        CycleRole.PanelMember => "Panel member",
        CycleRole.Provider => "Provider",
        CycleRole.ClinicalAdviser => "Clinical adviser",
        CycleRole.Observer => "Observer",
        _ => role.ToString(),
    };

    /// <summary>A member's role with the voice they bring: "Panel member (carer)".</summary>
    public static string Of(CycleRole role, Voice? panelVoice) => role == CycleRole.PanelMember && panelVoice is { } voice
        ? $"Panel member ({(voice == Voice.Carer ? "carer" : "lived experience")})"
        : Of(role);

    public static string Of(StageStatus status) => status switch
    {
        StageStatus.NotStarted => "Not started",
        StageStatus.Open => "Open",
        StageStatus.SignedOff => "Signed off",
        StageStatus.Reopened => "Reopened",
        _ => status.ToString(),
    };

    public static string TagClass(StageStatus status) => status switch
    {
        StageStatus.NotStarted => "nhsuk-tag--grey",
        StageStatus.Open => "nhsuk-tag--blue",
        StageStatus.SignedOff => "nhsuk-tag--green",
        StageStatus.Reopened => "nhsuk-tag--orange",
        _ => "",
    };

    /// <summary>"1 contribution", "3 contributions".</summary>
    public static string Count(int count, string singular, string? plural = null) =>
        $"{count} {(count == 1 ? singular : plural ?? singular + "s")}";

    public static string Of(OutcomeDomain domain) => domain switch
    {
        OutcomeDomain.MentalWellbeing => "Mental wellbeing",
        OutcomeDomain.CommunityParticipationAndLeisure => "Community participation and leisure",
        OutcomeDomain.SocialNetworks => "Social networks",
        OutcomeDomain.PhysicalHealth => "Physical health",
        OutcomeDomain.EducationAndTraining => "Education and training",
        OutcomeDomain.Volunteering => "Volunteering",
        OutcomeDomain.Employment => "Employment",
        OutcomeDomain.MoneyAndBenefits => "Money and benefits",
        OutcomeDomain.Housing => "Housing",
        OutcomeDomain.Safety => "Safety",
        OutcomeDomain.ChoiceAndControl => "Choice and control",
        _ => domain.ToString(),
    };

    public static string Of(RatingLevel level) => level switch
    {
        RatingLevel.Poor => "Poor",
        RatingLevel.Fair => "Fair",
        RatingLevel.Good => "Good",
        RatingLevel.Stretch => "Stretch",
        RatingLevel.Outstanding => "Outstanding",
        _ => level.ToString(),
    };
}
