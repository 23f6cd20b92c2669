using System.Collections.Concurrent;
using System.Collections.Frozen;
using CoproCommissioning.Domain.Procurement;
using PublicHoliday;

namespace CoproCommissioning.Web.Infrastructure.Procurement;

/// <summary>
/// Working days in England and Wales: Monday to Friday, less the bank holidays of the PublicHoliday package's UK
/// calendar for England (England and Wales share one list). Its dates are checked against GOV.UK's published list in
/// EnglandAndWalesWorkingDaysTests (docs/decisions/0021-standstill-working-days.md).
/// </summary>
public sealed class EnglandAndWalesWorkingDays : IWorkingDayCalendar
{
    // Built once a year is first asked for, from a fresh calculator each time, so that concurrent requests share
    // nothing mutable of the package's.
    private readonly ConcurrentDictionary<int, FrozenSet<DateOnly>> _bankHolidays = new();

    public bool IsWorkingDay(DateOnly day) =>
        day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)
        && !_bankHolidays.GetOrAdd(day.Year, BankHolidaysIn).Contains(day);

    private static FrozenSet<DateOnly> BankHolidaysIn(int year) =>
        new UKBankHoliday(UKBankHoliday.UkCountries.England).PublicHolidays(year)
            .Select(DateOnly.FromDateTime)
            .ToFrozenSet();
}
