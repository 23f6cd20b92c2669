using CoproCommissioning.Domain.Monitoring;

namespace CoproCommissioning.Web.Pages.Cycles.Monitoring.Alliance;

/// <summary>A risk as typed; property names are the domain's fields. The review date is kept as typed.</summary>
public sealed record RiskForm
{
    public const string ReviewOnUnreadable = "The next review date must be a real date, for example 30 6 2027";

    public string Description { get; init; } = "";

    public Guid? OwnerMemberId { get; init; }

    public int? Likelihood { get; init; }

    public int? Impact { get; init; }

    public string Actions { get; init; } = "";

    public DateParts ReviewOn { get; init; } = new();

    /// <summary>The team's version when the page was shown (PostgreSQL xmin), when reviewing a risk.</summary>
    public uint Version { get; init; }

    /// <summary>The draft, and whether the review date could be read (an empty one is the domain's to refuse).</summary>
    public (RiskDraft Draft, bool DateRead) ToDraft()
    {
        var read = ReviewOn.TryGetDate(out var reviewOn);
        return (new RiskDraft(Description, OwnerMemberId, Likelihood, Impact, Actions, read ? reviewOn : null), read || ReviewOn.IsEmpty);
    }

    public static RiskForm From(AllianceRisk risk, uint version) => new()
    {
        Description = risk.Description,
        OwnerMemberId = risk.OwnerMemberId,
        Likelihood = risk.Likelihood,
        Impact = risk.Impact,
        Actions = risk.Actions,
        ReviewOn = DateParts.From(risk.ReviewOn),
        Version = version,
    };
}
