using System.Globalization;
using FluentValidation;

namespace CoproCommissioning.Web.Pages.Cycles.Settings;

/// <summary>A cycle's settings as typed, named as the cycle names them, with the version of the cycle the person saw.</summary>
public sealed record SettingsForm
{
    /// <summary>The champion's choice when they are not a member of the cycle (named before memberships were kept).</summary>
    public const string CurrentChampion = "current";

    public string Title { get; init; } = "";

    public string ServiceArea { get; init; } = "";

    public string PopulationServed { get; init; } = "";

    public string Budget { get; init; } = "";

    public DateParts StartDate { get; init; } = new();

    /// <summary>The champion's membership id in this cycle, <see cref="CurrentChampion"/>, or empty for nobody.</summary>
    public string? Champion { get; init; }

    public string MinimumLivedExperienceContributions { get; init; } = "";

    public string MinimumDistinctContributors { get; init; } = "";

    public string Reason { get; init; } = "";

    public uint Version { get; init; }

    public static SettingsForm From(CommissioningCycle cycle, string? championChoice) => new()
    {
        Title = cycle.Title,
        ServiceArea = cycle.ServiceArea,
        PopulationServed = cycle.PopulationServed,
        Budget = cycle.Budget?.ToString("0.##", CultureInfo.InvariantCulture) ?? "",
        StartDate = DateParts.From(cycle.StartDate),
        MinimumLivedExperienceContributions = cycle.SignOffPolicy.MinimumLivedExperienceContributions.ToString(CultureInfo.InvariantCulture),
        MinimumDistinctContributors = cycle.SignOffPolicy.MinimumDistinctContributors.ToString(CultureInfo.InvariantCulture),
        Champion = championChoice ?? "",
        Version = cycle.Version,
    };
}

/// <summary>Only what the cycle never sees: a start date that is not a real date (a blank one is the cycle's to refuse).</summary>
public sealed class SettingsFormValidator : AbstractValidator<SettingsForm>
{
    public SettingsFormValidator() =>
        RuleFor(x => x.StartDate)
            .Must(date => date is null || date.IsEmpty || date.TryGetDate(out _))
            .WithMessage("The start date must be a real date, for example 1 4 2026");
}
