namespace CoproCommissioning.Domain.NeedsAssessment;

/// <summary>
/// Who an inequality affects: the nine protected characteristics of the Equality Act 2010 first, then groups
/// that health inequalities work (Core20PLUS5, inclusion health) names alongside them.
/// </summary>
public enum AffectedGroup
{
    Age,
    Disability,
    GenderReassignment,
    MarriageAndCivilPartnership,
    PregnancyAndMaternity,
    Race,
    ReligionOrBelief,
    Sex,
    SexualOrientation,
    PeopleExperiencingHomelessness,
    Carers,
    InContactWithCriminalJustice,
    PeopleWithALearningDisability,
    PeopleLivingInDeprivedAreas,
    Other,
}

public static class AffectedGroupExtensions
{
    public static bool IsProtectedCharacteristic(this AffectedGroup group) => group <= AffectedGroup.SexualOrientation;
}
