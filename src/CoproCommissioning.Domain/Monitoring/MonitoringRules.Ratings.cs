namespace CoproCommissioning.Domain.Monitoring;

// The panel's own ratings of the outcomes.
public static partial class MonitoringRules
{
    public static readonly DomainRule PanelMembersOnlyRate = new(
        "mon-panel-members-only-rate",
        "Only lived-experience panel members rate the outcomes from their side. The champion or a commissioner can log a panel member's ratings for them.");

    public static readonly DomainRule RatingsForPanelMembersOnly = new(
        "mon-ratings-for-panel-members-only",
        "Ratings can only be logged for a panel member of this cycle. Choose whose ratings they are.",
        "MemberUserId");

    public static readonly DomainRule MemberHasRating = new(
        "mon-member-has-rating",
        "Ratings for this panel member and period have already been given. Change those instead.");

    public static readonly DomainRule RatingVisibilityRequired = new(
        "mon-rating-visibility-required",
        "Choose who can see these ratings: everyone in this cycle, or the commissioning team only.",
        nameof(PanelRatingDraft.Visibility));

    public static readonly DomainRule NothingRated = new(
        "mon-nothing-rated",
        "Rate at least one outcome. Leave out any you cannot say.",
        "Outcomes");

    /// <summary>Named by the outcome's statement, so a list of several still says which is missing.</summary>
    public static DomainRule PanelRatingRequired(string outcome) => new(
        "mon-panel-rating-required",
        $"Choose a rating for \u201C{outcome}\u201D, or clear what you wrote about it.",
        "Rating");

    public static readonly DomainRule WhatItsLikeTooLong = new(
        "mon-what-its-like-too-long",
        $"Say what it's like in {PanelOutcomeRating.WhatItsLikeMaxLength} characters or fewer.",
        "WhatItsLike");
}
