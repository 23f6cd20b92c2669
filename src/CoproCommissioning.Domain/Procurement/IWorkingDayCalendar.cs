namespace CoproCommissioning.Domain.Procurement;

/// <summary>
/// Which days count as working days: not Saturdays, Sundays or England and Wales bank holidays.
/// </summary>
/// <remarks>
/// An abstraction because the Domain takes no packages: bank holidays change by proclamation (substitute days,
/// jubilees, coronations), so they come from a maintained library in Web (EnglandAndWalesWorkingDays, checked
/// against GOV.UK's list in a test), and domain tests pass a calendar with the holidays they name.
/// </remarks>
public interface IWorkingDayCalendar
{
    bool IsWorkingDay(DateOnly day);
}
