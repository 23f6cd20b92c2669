using CoproCommissioning.Domain.Monitoring;
using CoproCommissioning.Domain.Specification;

namespace CoproCommissioning.Web.Pages.Cycles.Monitoring.Ratings;

/// <summary>
/// A panel member's ratings as given or logged, named as the domain names them so each refusal shows beside its answer:
/// whose they are and when and how they were gathered (logged on someone's behalf only), a rating and "what it's like"
/// for each outcome (<c>Outcomes[outcomeId]</c>), and who may read them.
/// </summary>
public sealed record RatingForm
{
    public const string NotADateMessage = "Enter the date the ratings were gathered as a real date, for example 27 3 2026.";

    /// <summary>The panel member whose ratings these are (<see cref="CycleMemberRow.MemberId"/>), when logged on their behalf.</summary>
    public Guid? MemberId { get; init; }

    public DateParts GatheredOn { get; init; } = new();

    public Channel? Channel { get; init; }

    public Dictionary<Guid, RatingEntry> Outcomes { get; init; } = [];

    public ContributionVisibility? Visibility { get; init; }

    /// <summary>The ratings' version when the page was shown, so a save in another tab since then is a clash (R8).</summary>
    public uint Version { get; init; }

    /// <summary>The form's name for one outcome's field: the domain names the field, the refusal the outcome.</summary>
    public static string OutcomeField(Guid outcomeId, string field) => $"{nameof(Outcomes)}[{outcomeId}].{field}";

    public static RatingForm From(PanelRating rating)
    {
        ArgumentNullException.ThrowIfNull(rating);
        return new RatingForm
        {
            GatheredOn = rating.GatheredOn is { } gathered ? DateParts.From(gathered) : new DateParts(),
            Channel = rating.IsLoggedOnBehalf ? rating.Channel : null,
            Outcomes = rating.Ratings.ToDictionary(r => r.OutcomeId, r => new RatingEntry { Rating = r.Rating, WhatItsLike = r.WhatItsLike }),
            Visibility = rating.Visibility,
            Version = rating.Version,
        };
    }
}

/// <summary>One outcome's rating (the level chosen, if any) and what it's like, in the member's own words.</summary>
public sealed record RatingEntry
{
    public RatingLevel? Rating { get; init; }

    public string WhatItsLike { get; init => field = value ?? ""; } = "";
}

/// <summary>The outcomes to rate and who may read the ratings, as <c>_RatingFields</c> asks them, the member's own or someone's on their behalf.</summary>
public sealed record RatingFieldsView(IReadOnlyList<ContractOutcome> Outcomes, RatingForm Form, bool OnSomeonesBehalf);
