using System.Globalization;
using CoproCommissioning.Domain.Monitoring;
using CoproCommissioning.Domain.Specification;

namespace CoproCommissioning.Web.Pages.Cycles.Monitoring.Returns;

/// <summary>
/// A return as the provider writes it, named as the domain names it so each refusal shows beside its answer: a rating
/// and evidence for each outcome (<c>Outcomes[outcomeId]</c>), a value and note for each KPI (<c>Kpis[kpiId]</c>),
/// then the provider's own co-production evidence, forum minutes and exceptions, and the reason for a correction.
/// </summary>
public sealed record ReturnForm
{
    public const string NotANumberMessage = "Enter the value as a number, for example 96 or 12.5.";

    public Dictionary<Guid, OutcomeEntry> Outcomes { get; init; } = [];

    public Dictionary<Guid, KpiEntry> Kpis { get; init; } = [];

    public string CoProductionEvidence { get; init => field = value ?? ""; } = "";

    public string ForumMinutes { get; init => field = value ?? ""; } = "";

    public string Exceptions { get; init => field = value ?? ""; } = "";

    /// <summary>Why a submitted return needs correcting.</summary>
    public string Reason { get; init => field = value ?? ""; } = "";

    /// <summary>The return's version when the person opened it, so a colleague's save in between is noticed (R8).</summary>
    public uint Version { get; init; }

    /// <summary>The form's name for one outcome's or KPI's field: the domain names the field, the refusal the outcome or KPI.</summary>
    public static string OutcomeField(Guid outcomeId, string field) => $"{nameof(Outcomes)}[{outcomeId}].{field}";

    public static string KpiField(Guid kpiId, string field) => $"{nameof(Kpis)}[{kpiId}].{field}";

    public static ReturnForm From(ProviderReturn providerReturn)
    {
        ArgumentNullException.ThrowIfNull(providerReturn);
        var revision = providerReturn.Latest;
        return new ReturnForm
        {
            Outcomes = revision.Ratings.ToDictionary(r => r.OutcomeId, r => new OutcomeEntry { Rating = r.Rating, Evidence = r.Evidence }),
            Kpis = revision.KpiValues.ToDictionary(v => v.KpiId, v => new KpiEntry
            {
                Value = v.Value is { } value ? Contract.ContractLabels.Typed(value) : "",
                Note = v.Note,
            }),
            CoProductionEvidence = revision.CoProductionEvidence,
            ForumMinutes = revision.ForumMinutes,
            Exceptions = revision.Exceptions,
            Version = providerReturn.Version,
        };
    }
}

/// <summary>The provider's rating of one outcome (the level chosen, if any) and the evidence for it.</summary>
public sealed record OutcomeEntry
{
    public RatingLevel? Rating { get; init; }

    public string Evidence { get; init => field = value ?? ""; } = "";
}

/// <summary>One KPI's value as typed (kept as typed, so a value that is not a number is shown back) and a note on it.</summary>
public sealed record KpiEntry
{
    public string Value { get; init => field = value ?? ""; } = "";

    public string Note { get; init => field = value ?? ""; } = "";

    public bool IsBlank => string.IsNullOrWhiteSpace(Value);

    /// <summary>The number typed, or null when nothing was typed or it is not a number.</summary>
    public decimal? Number() =>
        decimal.TryParse(Value.Trim(), NumberStyles.Number, CultureInfo.InvariantCulture, out var number) ? number : null;
}
