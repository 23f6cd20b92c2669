namespace CoproCommissioning.Domain.Monitoring;

/// <summary>How often providers report on a contract, and how often a KPI is measured.</summary>
public enum ReportingFrequency
{
    Monthly,
    Quarterly,
    HalfYearly,
    Yearly,
}

public static class ReportingFrequencies
{
    public static int Months(this ReportingFrequency frequency) => frequency switch
    {
        ReportingFrequency.Monthly => 1,
        ReportingFrequency.Quarterly => 3,
        ReportingFrequency.HalfYearly => 6,
        ReportingFrequency.Yearly => 12,
        _ => throw new ArgumentOutOfRangeException(nameof(frequency), frequency, "Not a reporting frequency."),
    };
}
