using CoproCommissioning.Domain.Monitoring;

namespace CoproCommissioning.Web.Pages.Cycles.Monitoring.Ratings;

/// <summary>The words the ratings pages use: who may read ratings, and how a set of ratings was given.</summary>
public static class RatingLabels
{
    /// <summary>
    /// "Who can see these ratings?", as <see cref="VisibilityField"/> asks it of input (R7); nothing is chosen until the
    /// person chooses, and when the champion logs ratings they record what the member said.
    /// </summary>
    public static ChoiceField Visibility(string name, ContributionVisibility? selected, bool onSomeonesBehalf) =>
        new(name, onSomeonesBehalf ? "Who did they want to see their ratings?" : "Who can see your ratings?",
        [
            new(nameof(ContributionVisibility.Everyone), "Everyone in this cycle", selected == ContributionVisibility.Everyone,
                "Every member of this cycle can read them, beside the providers' own ratings."),
            new(nameof(ContributionVisibility.CommissioningTeam), "The commissioning team only", selected == ContributionVisibility.CommissioningTeam,
                "Only the commissioner, the co-production champion and clinical advisers can read them. They still count when the team compares the panel's ratings with the providers'."),
        ])
        {
            Hint = onSomeonesBehalf
                ? "Ask the panel member and choose what they said."
                : "You choose. Whatever you choose, the commissioning team reads your ratings.",
            LegendClass = "nhsuk-fieldset__legend--s",
        };

    public static string SharedWith(ContributionVisibility visibility) => visibility switch
    {
        ContributionVisibility.Everyone => "Everyone in this cycle",
        ContributionVisibility.CommissioningTeam => "The commissioning team only",
        _ => throw new ArgumentOutOfRangeException(nameof(visibility), visibility, null),
    };

    /// <summary>"Given online", or "Logged by Sam Green: gathered 3 June 2026 (phone call)".</summary>
    public static string HowGiven(PanelRating rating, PeopleNames names)
    {
        ArgumentNullException.ThrowIfNull(rating);
        ArgumentNullException.ThrowIfNull(names);
        return rating.IsLoggedOnBehalf
            ? $"Logged by {names.Of(rating.RecordedByUserId)}: gathered {(rating.GatheredOn is { } on ? UkTime.Date(on) : "on a day not recorded")} ({Labels.Of(rating.Channel).ToLowerInvariant()})"
            : "Given online";
    }
}
