namespace CoproCommissioning.Domain.Specification;

/// <summary>The part of life an outcome is about, so monitoring can report on each area.</summary>
public enum OutcomeDomain
{
    MentalWellbeing,
    PhysicalHealth,
    SocialNetworks,
    Employment,
    Housing,
    EducationAndTraining,
    MoneyAndBenefits,
    Safety,
    ChoiceAndControl,
}
