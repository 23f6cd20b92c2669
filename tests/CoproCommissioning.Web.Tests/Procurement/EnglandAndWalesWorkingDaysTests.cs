using CoproCommissioning.Domain.Procurement;
using CoproCommissioning.Web.Infrastructure.Procurement;

namespace CoproCommissioning.Web.Tests.Procurement;

/// <summary>The PublicHoliday package's England and Wales bank holidays, held to GOV.UK's published list.</summary>
public sealed class EnglandAndWalesWorkingDaysTests
{
    /// <summary>England and Wales bank holidays as https://www.gov.uk/bank-holidays publishes them.</summary>
    private static readonly Dictionary<int, DateOnly[]> GovUkBankHolidays = new()
    {
        [2025] = [new(2025, 1, 1), new(2025, 4, 18), new(2025, 4, 21), new(2025, 5, 5), new(2025, 5, 26), new(2025, 8, 25), new(2025, 12, 25), new(2025, 12, 26)],
        // Boxing Day falls on a Saturday: substitute day Monday 28 December.
        [2026] = [new(2026, 1, 1), new(2026, 4, 3), new(2026, 4, 6), new(2026, 5, 4), new(2026, 5, 25), new(2026, 8, 31), new(2026, 12, 25), new(2026, 12, 28)],
        // Christmas on a Saturday and Boxing Day on a Sunday: substitute days Monday 27 and Tuesday 28 December.
        [2027] = [new(2027, 1, 1), new(2027, 3, 26), new(2027, 3, 29), new(2027, 5, 3), new(2027, 5, 31), new(2027, 8, 30), new(2027, 12, 27), new(2027, 12, 28)],
    };

    private readonly EnglandAndWalesWorkingDays _calendar = new();

    [Theory]
    [InlineData(2025)]
    [InlineData(2026)]
    [InlineData(2027)]
    public void Every_day_is_a_working_day_exactly_when_it_is_a_weekday_that_GOV_UK_does_not_list(int year)
    {
        var holidays = GovUkBankHolidays[year];
        Assert.Equal(8, holidays.Distinct().Count());
        Assert.All(holidays, day => Assert.False(day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday));

        var disagreements = new List<string>();
        for (var day = new DateOnly(year, 1, 1); day.Year == year; day = day.AddDays(1))
        {
            var expected = day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !holidays.Contains(day);
            if (_calendar.IsWorkingDay(day) != expected)
            {
                disagreements.Add($"{day:ddd d MMM yyyy}: GOV.UK says {(expected ? "working day" : "not a working day")}");
            }
        }

        Assert.True(disagreements.Count == 0, string.Join(Environment.NewLine, disagreements));
    }

    [Fact]
    public void A_notice_on_Tuesday_22_December_2026_takes_representations_until_Thursday_7_January_2027()
    {
        // By hand: the standstill begins Wednesday 23 December. Working days after it: Thu 24 Dec (1); Fri 25
        // (Christmas), Sat 26, Sun 27, Mon 28 (substitute for Boxing Day) are not; Tue 29 (2), Wed 30 (3), Thu 31 (4);
        // Fri 1 Jan (New Year), Sat 2, Sun 3 are not; Mon 4 (5), Tue 5 (6), Wed 6 (7), Thu 7 (8). Midnight at the end
        // of Thursday 7 January is 00:00 on Friday 8 January in GMT, which is UTC.
        var notice = new DateOnly(2026, 12, 22);

        Assert.Equal(new DateOnly(2027, 1, 7), Standstill.LastDayForRepresentations(notice, _calendar));
        Assert.Equal(new DateTimeOffset(2027, 1, 8, 0, 0, 0, TimeSpan.Zero), Standstill.EndsAt(notice, _calendar));
    }
}
