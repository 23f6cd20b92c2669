namespace CoproCommissioning.Domain.Specification;

/// <summary>
/// The part of life an outcome is about, so monitoring can report on each area. The first eight are the domains of
/// Stockport's co-produced Social Inclusion Outcome Framework, in its order (money and benefits is its finance);
/// housing, safety, and choice and control are the app's own beside them. Stored by name, so the order is only how
/// they are offered.
/// </summary>
public enum OutcomeDomain
{
    MentalWellbeing,
    CommunityParticipationAndLeisure,
    SocialNetworks,
    PhysicalHealth,
    EducationAndTraining,
    Volunteering,
    Employment,
    MoneyAndBenefits,
    Housing,
    Safety,
    ChoiceAndControl,
}
