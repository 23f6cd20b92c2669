namespace CoproCommissioning.Domain.Procurement;

/// <summary>
/// The standstill calendar of the Provider Selection Regime: The Health Care Services (Provider Selection Regime)
/// Regulations 2023 (SI 2023/1348), regulation 12, for Direct Award Process C, the Most Suitable Provider Process
/// and the Competitive Process.
/// </summary>
/// <remarks>
/// Dates are days in England (the regime applies in England only); the instants are UTC, as everything else the
/// domain stores. Working days come from <see cref="IWorkingDayCalendar"/>.
/// </remarks>
public static class Standstill
{
    /// <summary>
    /// Regulation 12(3): a provider may make written representations "before midnight at the end of the 8th working
    /// day after the day the standstill period begins".
    /// </summary>
    public const int WorkingDaysForRepresentations = 8;

    /// <summary>
    /// Regulation 12(4)(d)(i) and NHS England's statutory guidance ("reviewing decisions during the standstill
    /// period"): after reviewing representations, an authority that decides to go ahead waits five more working
    /// days before it ends the standstill and awards.
    /// </summary>
    public const int WorkingDaysAfterDecidingToProceed = 5;

    // A calendar with no working day in a year is broken; counting on would never end.
    private const int LongestRunOfNonWorkingDays = 366;

    /// <summary>UK local time, in which "midnight" in the regulations is read.</summary>
    public static TimeZoneInfo UkTime { get; } = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    /// <summary>
    /// The <paramref name="days"/>th working day after <paramref name="from"/>: counting starts the day after it, so
    /// <paramref name="from"/> never counts, whether or not it is a working day.
    /// </summary>
    public static DateOnly AddWorkingDays(DateOnly from, int days, IWorkingDayCalendar calendar)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(days);
        ArgumentNullException.ThrowIfNull(calendar);

        var day = from;
        var counted = 0;
        var sinceLastWorkingDay = 0;
        while (counted < days)
        {
            day = day.AddDays(1);
            if (calendar.IsWorkingDay(day))
            {
                counted++;
                sinceLastWorkingDay = 0;
            }
            else if (++sinceLastWorkingDay > LongestRunOfNonWorkingDays)
            {
                throw new InvalidOperationException($"The working day calendar has no working day in the year after {day.AddDays(-LongestRunOfNonWorkingDays):yyyy-MM-dd}.");
            }
        }

        return day;
    }

    /// <summary>
    /// Regulation 12(2): the standstill "begins on the day after the day" the notice of intention to award is
    /// published, whether or not that is a working day.
    /// </summary>
    public static DateOnly Begins(DateOnly noticeDay) => noticeDay.AddDays(1);

    /// <summary>
    /// The last day on which representations can arrive: the 8th working day after the day the standstill begins
    /// (regulation 12(3)), so counting starts two days after the notice day. Representations are in time until
    /// midnight at the end of it (<see cref="EndsAt"/>).
    /// </summary>
    public static DateOnly LastDayForRepresentations(DateOnly noticeDay, IWorkingDayCalendar calendar) =>
        AddWorkingDays(Begins(noticeDay), WorkingDaysForRepresentations, calendar);

    /// <summary>
    /// When the standstill ends if no representations arrive, and the deadline for them: midnight at the end of
    /// <see cref="LastDayForRepresentations"/>, UK time, as a UTC instant.
    /// </summary>
    public static DateTimeOffset EndsAt(DateOnly noticeDay, IWorkingDayCalendar calendar) =>
        MidnightAtTheEndOf(LastDayForRepresentations(noticeDay, calendar));

    /// <summary>
    /// The last day of the wait after the authority, having reviewed representations, decides to go ahead: the 5th
    /// working day after the day of that decision. It may award from midnight at the end of it
    /// (<see cref="GoAheadAt"/>).
    /// </summary>
    public static DateOnly GoAheadAfterRepresentations(DateOnly decidedToProceedOn, IWorkingDayCalendar calendar) =>
        AddWorkingDays(decidedToProceedOn, WorkingDaysAfterDecidingToProceed, calendar);

    /// <summary>Midnight at the end of <see cref="GoAheadAfterRepresentations"/>, UK time, as a UTC instant.</summary>
    public static DateTimeOffset GoAheadAt(DateOnly decidedToProceedOn, IWorkingDayCalendar calendar) =>
        MidnightAtTheEndOf(GoAheadAfterRepresentations(decidedToProceedOn, calendar));

    /// <summary>
    /// Procurement Act 2023, section 51: the mandatory standstill is "the period of eight working days beginning with
    /// the day on which the contract details notice is published", so, unlike the Provider Selection Regime's, the
    /// notice day itself counts when it is a working day. It ends at midnight at the end of the 8th working day.
    /// </summary>
    public static DateTimeOffset Procurement2023EndsAt(DateOnly noticeDay, IWorkingDayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var lastDay = calendar.IsWorkingDay(noticeDay)
            ? (WorkingDaysForRepresentations == 1 ? noticeDay : AddWorkingDays(noticeDay, WorkingDaysForRepresentations - 1, calendar))
            : AddWorkingDays(noticeDay, WorkingDaysForRepresentations, calendar);
        return MidnightAtTheEndOf(lastDay);
    }

    /// <summary>
    /// Midnight at the end of <paramref name="day"/> in the UK, as a UTC instant: 23:00 UTC on that day in British
    /// Summer Time, 00:00 UTC the next day in Greenwich Mean Time.
    /// </summary>
    public static DateTimeOffset MidnightAtTheEndOf(DateOnly day)
    {
        // UK clocks change at 01:00 UTC, never at midnight, so local midnight always exists and is never ambiguous.
        var localMidnight = day.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return new DateTimeOffset(localMidnight, UkTime.GetUtcOffset(localMidnight)).ToUniversalTime();
    }
}
