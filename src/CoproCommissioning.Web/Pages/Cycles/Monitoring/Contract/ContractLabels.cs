using System.Globalization;
using CoproCommissioning.Domain.Monitoring;

namespace CoproCommissioning.Web.Pages.Cycles.Monitoring.Contract;

/// <summary>The words the contract's pages use for the domain's values, and how they read numbers people type.</summary>
public static class ContractLabels
{
    private static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>"Enter a real date", the only thing the page itself says about a date: the contract judges the rest.</summary>
    public const string DateUnreadable = "Enter a real date, for example 1 4 2026.";

    public static string Frequency(ReportingFrequency frequency) => frequency switch
    {
        ReportingFrequency.Monthly => "Monthly",
        ReportingFrequency.Quarterly => "Quarterly",
        ReportingFrequency.HalfYearly => "Every 6 months",
        ReportingFrequency.Yearly => "Yearly",
        _ => throw new ArgumentOutOfRangeException(nameof(frequency), frequency, null),
    };

    public static string Direction(KpiDirection direction) => direction switch
    {
        KpiDirection.AtLeast => "At least the target",
        KpiDirection.AtMost => "At most the target",
        _ => throw new ArgumentOutOfRangeException(nameof(direction), direction, null),
    };

    public static string Party(PartyRole role) => role switch
    {
        PartyRole.LeadProvider => "Lead provider",
        PartyRole.Partner => "Partner",
        PartyRole.AllianceMember => "Alliance member",
        PartyRole.Commissioner => "Commissioner",
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, null),
    };

    public static string State(ReturnState state) => state switch
    {
        ReturnState.NotStarted => "Not started",
        ReturnState.Draft => "Draft",
        ReturnState.Submitted => "Submitted",
        ReturnState.BeingCorrected => "Being corrected",
        ReturnState.Explained => "Explained",
        ReturnState.Overdue => "Overdue",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, null),
    };

    /// <summary>NHS tag colour: what is in is green, what is late is red, the rest is on its way.</summary>
    public static string TagClass(ReturnState state) => state switch
    {
        ReturnState.Submitted => "nhsuk-tag--green",
        ReturnState.BeingCorrected => "nhsuk-tag--blue",
        ReturnState.Explained => "nhsuk-tag--grey",
        ReturnState.Overdue => "nhsuk-tag--red",
        ReturnState.Draft => "nhsuk-tag--yellow",
        _ => "nhsuk-tag--white",
    };

    /// <summary>"£2,400,000", or "£2,400,000.50" when there are pence.</summary>
    public static string Pounds(decimal value) =>
        "£" + value.ToString(decimal.Round(value) == value ? "N0" : "N2", EnGb);

    /// <summary>A figure with its unit: "95%", "10 days", "12".</summary>
    public static string Figure(decimal value, string unit)
    {
        var number = value.ToString("0.##", CultureInfo.InvariantCulture);
        return unit.Length == 0 ? number : unit == "%" ? $"{number}%" : $"{number} {unit}";
    }

    /// <summary>"At least 95%", "At most 10 days".</summary>
    public static string Target(Kpi kpi)
    {
        ArgumentNullException.ThrowIfNull(kpi);
        return $"{(kpi.Direction == KpiDirection.AtLeast ? "At least" : "At most")} {Figure(kpi.Target, kpi.Unit)}";
    }

    /// <summary>A number as typed for a figure ("95", "95.5", "-2", "1,200"); <c>Read</c> is false when it is not one. Empty is no number.</summary>
    public static (decimal? Number, bool Read) ReadNumber(string? text)
    {
        var cleaned = (text ?? "").Trim().TrimEnd('%').Trim();
        if (cleaned.Length == 0)
        {
            return (null, true);
        }

        return decimal.TryParse(cleaned, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowThousands,
            CultureInfo.InvariantCulture, out var number)
            ? (number, true)
            : (null, false);
    }

    /// <summary>As <see cref="ReadNumber"/>, for a figure typed as text.</summary>
    public static string Typed(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
