using CoproCommissioning.Domain.NeedsAssessment;

namespace CoproCommissioning.Web.Pages.Cycles.NeedsAssessment;

/// <summary>The words people see for the needs assessment's values, in sentence case.</summary>
public static class NeedsAssessmentLabels
{
    public static string Of(EvidenceKind kind) => kind switch
    {
        EvidenceKind.PopulationData => "Population data",
        EvidenceKind.Jsna => "Joint strategic needs assessment (JSNA)",
        EvidenceKind.ServiceData => "Service data",
        EvidenceKind.LivedExperienceStory => "Lived-experience story",
        EvidenceKind.Survey => "Survey",
        _ => kind.ToString(),
    };

    public static string Describe(EvidenceKind kind) => kind switch
    {
        EvidenceKind.PopulationData => "For example, census figures or public health profiles.",
        EvidenceKind.Jsna => "The local authority's assessment of the area's health and care needs.",
        EvidenceKind.ServiceData => "For example, waiting times, referrals or readmissions from current services.",
        EvidenceKind.LivedExperienceStory => "What someone told us about their own experience, shared with their permission.",
        EvidenceKind.Survey => "Answers from many people to the same questions.",
        _ => "",
    };

    public static string Of(NeedPriority priority) => priority switch
    {
        NeedPriority.High => "High",
        NeedPriority.Medium => "Medium",
        NeedPriority.Low => "Low",
        _ => priority.ToString(),
    };

    public static string TagClass(NeedPriority priority) => priority switch
    {
        NeedPriority.High => "nhsuk-tag--red",
        NeedPriority.Medium => "nhsuk-tag--yellow",
        NeedPriority.Low => "nhsuk-tag--grey",
        _ => "",
    };

    public static string Of(AffectedGroup group) => group switch
    {
        AffectedGroup.Age => "Age",
        AffectedGroup.Disability => "Disability",
        AffectedGroup.GenderReassignment => "Gender reassignment",
        AffectedGroup.MarriageAndCivilPartnership => "Marriage and civil partnership",
        AffectedGroup.PregnancyAndMaternity => "Pregnancy and maternity",
        AffectedGroup.Race => "Race",
        AffectedGroup.ReligionOrBelief => "Religion or belief",
        AffectedGroup.Sex => "Sex",
        AffectedGroup.SexualOrientation => "Sexual orientation",
        AffectedGroup.PeopleExperiencingHomelessness => "People experiencing homelessness",
        AffectedGroup.Carers => "Carers",
        AffectedGroup.InContactWithCriminalJustice => "People in contact with the criminal justice system",
        AffectedGroup.PeopleWithALearningDisability => "People with a learning disability",
        AffectedGroup.PeopleLivingInDeprivedAreas => "People living in the most deprived areas",
        AffectedGroup.Other => "Another group",
        _ => group.ToString(),
    };

    /// <summary>"Race: Black African and Caribbean men", or the group alone.</summary>
    public static string Describe(AffectedGroup group, string description) =>
        group == AffectedGroup.Other ? description
        : description.Length > 0 ? $"{Of(group)}: {description}"
        : Of(group);
}
