using System.Globalization;
using CoproCommissioning.Domain.Monitoring;

namespace CoproCommissioning.Web.Pages.Cycles.Monitoring.Alliance;

/// <summary>The words the alliance pages use for the domain's scales and choices.</summary>
public static class AllianceLabels
{
    public static IReadOnlyList<int> Scale { get; } =
        [.. Enumerable.Range(AllianceLeadershipTeam.LowestScore, AllianceLeadershipTeam.HighestScore - AllianceLeadershipTeam.LowestScore + 1)];

    /// <summary>
    /// Who a member speaks for, as the sentence needs it: an organisation by its own name, the commissioner capitalised only
    /// where it starts a sentence or stands alone ("The commissioner", "Does the commissioner agree?").
    /// <paramref name="organisationName"/> is null when the organisation is no longer in the cycle.
    /// </summary>
    public static string Party(AllianceParty party, string? organisationName, bool startsSentence)
    {
        if (party != AllianceParty.Commissioner && organisationName is not null)
        {
            return organisationName;
        }

        var words = party == AllianceParty.Commissioner ? "the commissioner" : "a provider no longer in this cycle";
        return startsSentence ? char.ToUpperInvariant(words[0]) + words[1..] : words;
    }

    /// <summary>A member named by the person who speaks for them and their party: "Priya Sharma (you) for the commissioner".</summary>
    public static string Member(string personName, string partyInSentence) => $"{personName} for {partyInSentence}";

    public static string Of(DisputeRoute route) => route switch
    {
        DisputeRoute.LeadershipTeam => "In the leadership team",
        DisputeRoute.IndependentFacilitator => "With an independent facilitator",
        DisputeRoute.Mediation => "By mediation",
        _ => route.ToString(),
    };

    public static string Describe(DisputeRoute route) => route switch
    {
        DisputeRoute.LeadershipTeam => "The members talk it through at the next leadership team meeting.",
        DisputeRoute.IndependentFacilitator => "Someone from outside the alliance helps the members find an answer together.",
        DisputeRoute.Mediation => "A mediator, as the alliance agreement provides, when the team cannot settle it.",
        _ => "",
    };

    public static string Likelihood(int score) => score switch
    {
        1 => "1: rare",
        2 => "2: unlikely",
        3 => "3: possible",
        4 => "4: likely",
        5 => "5: almost certain",
        _ => score.ToString(CultureInfo.InvariantCulture),
    };

    public static string Impact(int score) => score switch
    {
        1 => "1: very little harm",
        2 => "2: minor",
        3 => "3: moderate",
        4 => "4: major",
        5 => "5: severe",
        _ => score.ToString(CultureInfo.InvariantCulture),
    };

    public static string Health(int score) => score switch
    {
        1 => "1: poor",
        2 => "2: not good",
        3 => "3: fair",
        4 => "4: good",
        5 => "5: very good",
        _ => score.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>The health check's questions, by the property names <see cref="AllianceHealthResult.Concerns"/> gives.</summary>
    public static string Question(string name) => name switch
    {
        nameof(AllianceHealthRating.Trust) => "Trust between the members",
        nameof(AllianceHealthRating.InformationSharing) => "Sharing information",
        nameof(AllianceHealthRating.SharedDecisions) => "Making decisions together",
        _ => name,
    };

    public static string Average(decimal? average) =>
        average is { } value ? value.ToString("0.0", CultureInfo.InvariantCulture) : "Not rated";
}
