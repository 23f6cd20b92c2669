using CoproCommissioning.Domain.Procurement;
using static CoproCommissioning.Domain.Tests.Procurement.ProcurementSetUp;

namespace CoproCommissioning.Domain.Tests.Procurement;

/// <summary>
/// The PSR standstill (regulation 12): it begins the day after the notice day, representations may arrive until
/// midnight at the end of the 8th working day after that, and a decision to go ahead waits 5 more working days. The
/// Procurement Act 2023 standstill (section 51): eight working days beginning with the notice day. Counted with
/// <see cref="ProcurementSetUp.Calendar"/>, GOV.UK's England and Wales bank holidays for 2026 and 2027.
/// </summary>
public sealed class StandstillTests
{
    [Fact]
    public void Counting_working_days_starts_the_day_after_and_skips_weekends()
    {
        Assert.Equal(new DateOnly(2026, 3, 3), Standstill.AddWorkingDays(new DateOnly(2026, 3, 2), 1, Calendar)); // Monday → Tuesday
        Assert.Equal(new DateOnly(2026, 3, 9), Standstill.AddWorkingDays(new DateOnly(2026, 3, 6), 1, Calendar)); // Friday → Monday
        Assert.Equal(new DateOnly(2026, 3, 9), Standstill.AddWorkingDays(new DateOnly(2026, 3, 7), 1, Calendar)); // Saturday → Monday
        Assert.Equal(new DateOnly(2026, 3, 16), Standstill.AddWorkingDays(new DateOnly(2026, 3, 6), 6, Calendar));
    }

    [Fact]
    public void Begins_the_day_after_the_notice_even_when_that_is_not_a_working_day()
    {
        Assert.Equal(new DateOnly(2026, 3, 3), Standstill.Begins(new DateOnly(2026, 3, 2)));
        Assert.Equal(new DateOnly(2026, 3, 7), Standstill.Begins(new DateOnly(2026, 3, 6))); // a Saturday
    }

    [Fact]
    public void A_notice_on_a_Monday_takes_representations_until_the_Friday_of_the_next_week()
    {
        // Notice Monday 2 March 2026; the standstill begins Tuesday 3rd; working days after it: Wed 4 (1), Thu 5,
        // Fri 6, Mon 9, Tue 10, Wed 11, Thu 12, Fri 13 (8).
        Assert.Equal(new DateOnly(2026, 3, 13), Standstill.LastDayForRepresentations(new DateOnly(2026, 3, 2), Calendar));
    }

    [Theory]
    [InlineData(5)] // Thursday: begins Friday 6th, which doesn't count
    [InlineData(6)] // Friday: begins Saturday 7th
    public void A_notice_late_in_the_week_counts_over_the_weekend(int noticeDay)
    {
        // Mon 9 (1), Tue 10, Wed 11, Thu 12, Fri 13, Mon 16, Tue 17, Wed 18 (8).
        Assert.Equal(new DateOnly(2026, 3, 18), Standstill.LastDayForRepresentations(new DateOnly(2026, 3, noticeDay), Calendar));
    }

    [Fact]
    public void A_notice_before_Christmas_skips_Christmas_the_substitute_Boxing_Day_and_New_Year()
    {
        // Notice Tuesday 22 December 2026; begins Wednesday 23rd. Thu 24 (1); Fri 25 Christmas, Mon 28 substitute for
        // Boxing Day (Saturday); Tue 29 (2), Wed 30 (3), Thu 31 (4); Fri 1 January; Mon 4 (5), Tue 5 (6), Wed 6 (7),
        // Thu 7 (8).
        var notice = new DateOnly(2026, 12, 22);

        Assert.Equal(new DateOnly(2027, 1, 7), Standstill.LastDayForRepresentations(notice, Calendar));
        Assert.Equal(new DateTimeOffset(2027, 1, 8, 0, 0, 0, TimeSpan.Zero), Standstill.EndsAt(notice, Calendar));
    }

    [Fact]
    public void A_notice_before_Easter_skips_Good_Friday_and_Easter_Monday()
    {
        // Notice Tuesday 23 March 2027; begins Wednesday 24th. Thu 25 (1); Fri 26 Good Friday, Mon 29 Easter Monday;
        // Tue 30 (2), Wed 31 (3), Thu 1 April (4), Fri 2 (5), Mon 5 (6), Tue 6 (7), Wed 7 (8).
        var notice = new DateOnly(2027, 3, 23);

        Assert.Equal(new DateOnly(2027, 4, 7), Standstill.LastDayForRepresentations(notice, Calendar));
        Assert.Equal(new DateOnly(2027, 4, 5), Standstill.LastDayForRepresentations(notice, new ListedHolidays()));
    }

    [Fact]
    public void Ends_at_midnight_UK_time_which_is_23_00_UTC_in_summer_and_midnight_UTC_in_winter()
    {
        // Notice Monday 6 July 2026 (BST): last day Friday 17 July; midnight at its end is 23:00 UTC that day.
        var summer = Standstill.EndsAt(new DateOnly(2026, 7, 6), Calendar);
        // Notice Monday 2 November 2026 (GMT): last day Friday 13 November; midnight is 00:00 UTC on Saturday 14th.
        var winter = Standstill.EndsAt(new DateOnly(2026, 11, 2), Calendar);
        // Easter 2027 falls the day clocks go forward (28 March), so the Easter standstill ends in BST.
        var easter = Standstill.EndsAt(new DateOnly(2027, 3, 23), Calendar);

        Assert.Equal(new DateTimeOffset(2026, 7, 17, 23, 0, 0, TimeSpan.Zero), summer);
        Assert.Equal(new DateTimeOffset(2026, 11, 14, 0, 0, 0, TimeSpan.Zero), winter);
        Assert.Equal(new DateTimeOffset(2027, 4, 7, 23, 0, 0, TimeSpan.Zero), easter);
        Assert.All([summer, winter, easter], instant => Assert.Equal(TimeSpan.Zero, instant.Offset));
    }

    [Fact]
    public void Midnight_is_read_in_UK_time_on_the_days_the_clocks_change()
    {
        // Clocks go forward at 01:00 UTC on Sunday 29 March 2026 and back at 01:00 UTC on Sunday 25 October 2026.
        Assert.Equal(new DateTimeOffset(2026, 3, 29, 0, 0, 0, TimeSpan.Zero), Standstill.MidnightAtTheEndOf(new DateOnly(2026, 3, 28)));
        Assert.Equal(new DateTimeOffset(2026, 3, 29, 23, 0, 0, TimeSpan.Zero), Standstill.MidnightAtTheEndOf(new DateOnly(2026, 3, 29)));
        Assert.Equal(new DateTimeOffset(2026, 10, 24, 23, 0, 0, TimeSpan.Zero), Standstill.MidnightAtTheEndOf(new DateOnly(2026, 10, 24)));
        Assert.Equal(new DateTimeOffset(2026, 10, 26, 0, 0, 0, TimeSpan.Zero), Standstill.MidnightAtTheEndOf(new DateOnly(2026, 10, 25)));
    }

    [Fact]
    public void Going_ahead_after_representations_waits_five_more_working_days()
    {
        // Decided Wednesday 13 January 2027: Thu 14 (1), Fri 15, Mon 18, Tue 19, Wed 20 (5).
        Assert.Equal(new DateOnly(2027, 1, 20), Standstill.GoAheadAfterRepresentations(new DateOnly(2027, 1, 13), Calendar));
        Assert.Equal(new DateTimeOffset(2027, 1, 21, 0, 0, 0, TimeSpan.Zero), Standstill.GoAheadAt(new DateOnly(2027, 1, 13), Calendar));
    }

    [Fact]
    public void Going_ahead_waits_over_a_bank_holiday()
    {
        // Decided Wednesday 26 August 2026: Thu 27 (1), Fri 28 (2); Mon 31 summer bank holiday; Tue 1 September (3),
        // Wed 2 (4), Thu 3 (5).
        var decided = new DateOnly(2026, 8, 26);

        Assert.Equal(new DateOnly(2026, 9, 3), Standstill.GoAheadAfterRepresentations(decided, Calendar));
        Assert.Equal(new DateTimeOffset(2026, 9, 3, 23, 0, 0, TimeSpan.Zero), Standstill.GoAheadAt(decided, Calendar));
    }

    [Fact]
    public void Every_standstill_holds_exactly_eight_working_days_after_the_day_it_begins_and_ends_on_one()
    {
        for (var notice = new DateOnly(2026, 1, 1); notice.Year < 2028; notice = notice.AddDays(1))
        {
            var last = Standstill.LastDayForRepresentations(notice, Calendar);
            var counted = 0;
            for (var day = Standstill.Begins(notice).AddDays(1); day <= last; day = day.AddDays(1))
            {
                counted += Calendar.IsWorkingDay(day) ? 1 : 0;
            }

            Assert.True(counted == Standstill.WorkingDaysForRepresentations && Calendar.IsWorkingDay(last), $"Notice {notice:yyyy-MM-dd}: {counted} working days to {last:yyyy-MM-dd}.");
        }
    }

    [Theory]
    [InlineData("2026-03-02", "2026-03-12T00:00:00Z")] // Monday counts: Mon 2 (1) … Fri 6 (5), Mon 9, Tue 10, Wed 11 (8)
    [InlineData("2026-03-07", "2026-03-19T00:00:00Z")] // Saturday doesn't: Mon 9 (1) … Wed 18 (8)
    [InlineData("2026-07-06", "2026-07-15T23:00:00Z")] // Monday 6 July: Wed 15 (8), in BST
    public void Under_the_Procurement_Act_the_notice_day_is_the_first_of_the_8_working_days_when_it_is_one(string notice, string ends)
    {
        Assert.Equal(DateTimeOffset.Parse(ends, System.Globalization.CultureInfo.InvariantCulture),
            Standstill.Procurement2023EndsAt(DateOnly.Parse(notice, System.Globalization.CultureInfo.InvariantCulture), Calendar));
    }

    [Fact]
    public void Under_the_Procurement_Act_a_notice_before_Christmas_skips_Christmas_the_substitute_Boxing_Day_and_New_Year()
    {
        // Tue 22 December 2026 (1), Wed 23 (2), Thu 24 (3); Fri 25, Mon 28 (substitute Boxing Day); Tue 29 (4), Wed 30 (5),
        // Thu 31 (6); Fri 1 January; Mon 4 (7), Tue 5 (8).
        Assert.Equal(new DateTimeOffset(2027, 1, 6, 0, 0, 0, TimeSpan.Zero), Standstill.Procurement2023EndsAt(new DateOnly(2026, 12, 22), Calendar));
        // Published on Christmas Day, which does not count: Tue 29 (1) … Thu 31 (3), Mon 4 January (4) … Fri 8 (8).
        Assert.Equal(new DateTimeOffset(2027, 1, 9, 0, 0, 0, TimeSpan.Zero), Standstill.Procurement2023EndsAt(new DateOnly(2026, 12, 25), Calendar));
    }

    [Fact]
    public void Under_the_Procurement_Act_a_notice_before_Easter_skips_Good_Friday_and_Easter_Monday_and_ends_in_summer_time()
    {
        // Thu 25 March 2027 (1); Fri 26 Good Friday, Mon 29 Easter Monday; Tue 30 (2), Wed 31 (3), Thu 1 April (4),
        // Fri 2 (5), Mon 5 (6), Tue 6 (7), Wed 7 (8); clocks went forward on 28 March, so midnight is 23:00 UTC.
        Assert.Equal(new DateTimeOffset(2027, 4, 7, 23, 0, 0, TimeSpan.Zero), Standstill.Procurement2023EndsAt(new DateOnly(2027, 3, 25), Calendar));
        // Published on Good Friday: Tue 30 (1) … Thu 8 April (8).
        Assert.Equal(new DateTimeOffset(2027, 4, 8, 23, 0, 0, TimeSpan.Zero), Standstill.Procurement2023EndsAt(new DateOnly(2027, 3, 26), Calendar));
        // Easter 2026: notice Thu 2 April (1); Fri 3 Good Friday, Mon 6 Easter Monday; Tue 7 (2) … Fri 10 (5), Mon 13 (6), Tue 14 (7), Wed 15 (8).
        Assert.Equal(new DateTimeOffset(2026, 4, 15, 23, 0, 0, TimeSpan.Zero), Standstill.Procurement2023EndsAt(new DateOnly(2026, 4, 2), Calendar));
    }

    [Fact]
    public void The_Procurement_Act_standstill_ends_two_working_days_before_the_Provider_Selection_Regimes_for_a_notice_on_a_working_day()
    {
        var monday = new DateOnly(2026, 3, 2);

        Assert.Equal(Standstill.MidnightAtTheEndOf(new DateOnly(2026, 3, 11)), Standstill.Procurement2023EndsAt(monday, Calendar));
        Assert.Equal(Standstill.MidnightAtTheEndOf(new DateOnly(2026, 3, 13)), Standstill.EndsAt(monday, Calendar));
    }

    [Fact]
    public void Every_Procurement_Act_standstill_holds_exactly_eight_working_days_from_the_notice_day_and_ends_on_one()
    {
        for (var notice = new DateOnly(2026, 1, 1); notice.Year < 2028; notice = notice.AddDays(1))
        {
            var ends = Standstill.Procurement2023EndsAt(notice, Calendar);
            var counted = 0;
            var last = notice;
            for (var day = notice; Standstill.MidnightAtTheEndOf(day) <= ends; day = day.AddDays(1))
            {
                counted += Calendar.IsWorkingDay(day) ? 1 : 0;
                last = day;
            }

            Assert.True(counted == 8 && Calendar.IsWorkingDay(last) && Standstill.MidnightAtTheEndOf(last) == ends,
                $"Notice {notice:yyyy-MM-dd}: {counted} working days to {last:yyyy-MM-dd}.");
        }
    }

    [Fact]
    public void Refuses_to_count_no_days_a_missing_calendar_or_a_calendar_without_working_days()
    {
        var monday = new DateOnly(2026, 3, 2);

        Assert.Throws<ArgumentOutOfRangeException>(() => Standstill.AddWorkingDays(monday, 0, Calendar));
        Assert.Throws<ArgumentNullException>(() => Standstill.LastDayForRepresentations(monday, null!));
        Assert.Throws<InvalidOperationException>(() => Standstill.AddWorkingDays(monday, 1, new NoWorkingDays()));
    }

    private sealed class NoWorkingDays : IWorkingDayCalendar
    {
        public bool IsWorkingDay(DateOnly day) => false;
    }
}
