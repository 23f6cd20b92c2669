using System.Globalization;

namespace CoproCommissioning.Web.Infrastructure.Pages;

/// <summary>Times are stored in UTC and shown as people in England read them: "2 March 2026", "9:05am".</summary>
public static class UkTime
{
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
    private static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");

    public static DateTimeOffset ToLondon(DateTimeOffset utc) => TimeZoneInfo.ConvertTime(utc, London);

    public static string Date(DateTimeOffset utc) => ToLondon(utc).ToString("d MMMM yyyy", EnGb);

    public static string Date(DateOnly date) => date.ToString("d MMMM yyyy", EnGb);

    public static string DateAndTime(DateTimeOffset utc) => $"{Date(utc)} at {Time(utc)}";

    public static string Time(DateTimeOffset utc)
    {
        var local = ToLondon(utc);
        return $"{local.ToString("h:mm", EnGb)}{(local.Hour < 12 ? "am" : "pm")}";
    }

    /// <summary>Today's date in England.</summary>
    public static DateOnly Today(DateTimeOffset utcNow) => DateOnly.FromDateTime(ToLondon(utcNow).DateTime);

    /// <summary>The start of <paramref name="date"/> in England, in UTC: never later than now for a date that is today.</summary>
    public static DateTimeOffset StartOfDay(DateOnly date)
    {
        var local = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(local, London), TimeSpan.Zero);
    }

    /// <summary>Day, month and year as typed into an NHS date input; false when they are not a real date.</summary>
    public static bool TryParseDate(string? day, string? month, string? year, out DateOnly date)
    {
        date = default;
        if (!int.TryParse(day?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out int d)
            || !int.TryParse(month?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out int m)
            || !int.TryParse(year?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out int y)
            || y is < 1900 or > 2200 || m is < 1 or > 12 || d < 1 || d > DateTime.DaysInMonth(y, m))
        {
            return false;
        }

        date = new DateOnly(y, m, d);
        return true;
    }
}
