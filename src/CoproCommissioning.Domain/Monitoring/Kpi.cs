namespace CoproCommissioning.Domain.Monitoring;

/// <summary>
/// A key performance indicator of the contract, or a commitment the commissioner made (<see cref="Owner"/>): what is
/// measured, the target, how often and from where. Both are monitored the same way, because both sides answer for
/// the outcomes.
/// </summary>
public sealed class Kpi
{
    public const int NameMaxLength = 200;
    public const int DefinitionMaxLength = 2000;
    public const int UnitMaxLength = 40;
    public const int DataSourceMaxLength = 500;
    public const int TargetPrecision = 14;
    public const int TargetScale = 2;

    private Kpi() { }

    internal Kpi(KpiOwner owner, int position, KpiDraft draft)
    {
        Id = Guid.CreateVersion7();
        Owner = owner;
        Position = position;
        Apply(draft);
    }

    public Guid Id { get; private set; }

    public KpiOwner Owner { get; private set; }

    public int Position { get; private set; }

    public string Name { get; private set; } = "";

    public string Definition { get; private set; } = "";

    public decimal Target { get; private set; }

    /// <summary>What the numbers count, for example "%" or "days"; empty for a plain count.</summary>
    public string Unit { get; private set; } = "";

    public KpiDirection Direction { get; private set; }

    public ReportingFrequency Frequency { get; private set; }

    public string DataSource { get; private set; } = "";

    /// <summary>Measured in per cent ("%", "percent" or "per cent"): its target and values lie from 0 to 100.</summary>
    public bool IsPercentage => IsPercentageUnit(Unit);

    /// <summary>Whether <paramref name="value"/> can be a value of this KPI: any number, or for a percentage one from 0 to 100.</summary>
    public bool Allows(decimal value) => !IsPercentage || InPercentRange(value);

    public bool Meets(decimal value) => Direction == KpiDirection.AtLeast ? value >= Target : value <= Target;

    /// <summary>
    /// Whether a value is reported for this KPI in <paramref name="period"/>: in the periods that close each of its own
    /// intervals from the contract's start (a yearly KPI in every fourth quarterly return), and always in the last period.
    /// A KPI measured more often than the contract reports is reported every period.
    /// </summary>
    public bool IsReportedIn(ReportingPeriod period, DateOnly contractStartsOn, DateOnly contractEndsOn)
    {
        ArgumentNullException.ThrowIfNull(period);
        if (period.EndsOn == contractEndsOn)
        {
            return true;
        }

        var intervalEnds = contractStartsOn;
        while (intervalEnds <= period.EndsOn)
        {
            intervalEnds = intervalEnds.AddMonths(Frequency.Months());
            if (intervalEnds.AddDays(-1) >= period.StartsOn && intervalEnds.AddDays(-1) <= period.EndsOn)
            {
                return true;
            }
        }

        return false;
    }

    internal static bool IsPercentageUnit(string? unit) =>
        TextInput.Clean(unit).ToUpperInvariant() is "%" or "PERCENT" or "PER CENT" or "PERCENTAGE";

    internal static bool InPercentRange(decimal value) => value is >= 0 and <= 100;

    internal void Apply(KpiDraft draft)
    {
        Name = TextInput.Clean(draft.Name);
        Definition = TextInput.Clean(draft.Definition);
        Target = draft.Target ?? throw new ArgumentException("A KPI needs its target: check the draft first.", nameof(draft));
        Unit = TextInput.Clean(draft.Unit);
        Direction = draft.Direction ?? throw new ArgumentException("A KPI needs its direction: check the draft first.", nameof(draft));
        Frequency = draft.Frequency ?? throw new ArgumentException("A KPI needs its frequency: check the draft first.", nameof(draft));
        DataSource = TextInput.Clean(draft.DataSource);
    }
}
