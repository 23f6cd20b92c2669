namespace CoproCommissioning.Domain.Monitoring;

/// <summary>
/// A period the contract's parties report on, from its first day to its last, with the day its returns are due: the
/// last day of the month after it ends.
/// </summary>
public sealed class ReportingPeriod
{
    private ReportingPeriod() { }

    internal ReportingPeriod(int number, DateOnly startsOn, DateOnly endsOn)
    {
        Id = Guid.CreateVersion7();
        Number = number;
        StartsOn = startsOn;
        MoveEnd(endsOn);
    }

    public Guid Id { get; private set; }

    /// <summary>1 for the first period of the contract.</summary>
    public int Number { get; private set; }

    public DateOnly StartsOn { get; private set; }

    public DateOnly EndsOn { get; private set; }

    public DateOnly DueOn { get; private set; }

    public bool HasStarted(DateOnly today) => today >= StartsOn;

    /// <summary>Its returns can be submitted from its last day, when what happened in it is known; drafts are saved from its first.</summary>
    public bool HasReachedLastDay(DateOnly today) => today >= EndsOn;

    /// <summary>Its returns are due once its due day comes: from then a missing return stops sign-off unless explained.</summary>
    public bool IsDue(DateOnly today) => AsDates().IsDue(today);

    /// <summary>What monitoring's progress reads of the period.</summary>
    public PeriodDates AsDates() => new(Id, EndsOn, DueOn);

    /// <summary>The last day of the month after <paramref name="endsOn"/>.</summary>
    public static DateOnly DueAfter(DateOnly endsOn)
    {
        var monthAfter = new DateOnly(endsOn.Year, endsOn.Month, 1).AddMonths(1);
        return monthAfter.AddMonths(1).AddDays(-1);
    }

    internal void MoveEnd(DateOnly endsOn)
    {
        EndsOn = endsOn;
        DueOn = DueAfter(endsOn);
    }
}
