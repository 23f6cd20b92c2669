using CoproCommissioning.Domain.Monitoring;

namespace CoproCommissioning.Web.Pages.Cycles.Monitoring.Returns;

/// <summary>The words the returns and ratings pages use for a reporting period and a return's state.</summary>
public static class ReturnLabels
{
    /// <summary>"Period 3: 1 October 2026 to 31 December 2026".</summary>
    public static string Period(ReportingPeriod period)
    {
        ArgumentNullException.ThrowIfNull(period);
        return $"Period {period.Number}: {UkTime.Date(period.StartsOn)} to {UkTime.Date(period.EndsOn)}";
    }

    /// <summary>
    /// A return's state as <paramref name="ownOrganisation"/>'s people see it, or as a reader from outside it does: a
    /// correction being written is the organisation's own business until it is submitted.
    /// </summary>
    public static (string Text, string TagClass) State(ProviderReturn? providerReturn, bool ownOrganisation) => providerReturn switch
    {
        null => ownOrganisation ? ("Not started", "nhsuk-tag--grey") : ("Not submitted", "nhsuk-tag--grey"),
        { IsSubmitted: false } => ("Draft", "nhsuk-tag--blue"),
        { IsBeingCorrected: true } when ownOrganisation => ("Being corrected", "nhsuk-tag--orange"),
        _ => ("Submitted", "nhsuk-tag--green"),
    };

    /// <summary>"96%", "4.5 days", "12": a KPI's number with its unit.</summary>
    public static string Amount(decimal value, string unit)
    {
        var number = value.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture);
        return unit.Length == 0 ? number : unit == "%" ? $"{number}%" : $"{number} {unit}";
    }

    /// <summary>"Revision 2: corrected", or "Revision 1" for the return as first submitted.</summary>
    public static string Revision(ReturnRevision revision)
    {
        ArgumentNullException.ThrowIfNull(revision);
        return revision.Number == 1 ? "Revision 1" : $"Revision {revision.Number}: a correction";
    }
}

/// <summary>One revision of a return, to read: the outcomes rated, the KPIs reported that period, and the provider's own evidence.</summary>
public sealed record ReturnTextView(CycleMonitoring Monitoring, ReportingPeriod Period, ReturnRevision Revision);
