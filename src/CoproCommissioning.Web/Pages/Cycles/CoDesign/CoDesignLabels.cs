using System.Globalization;
using CoproCommissioning.Domain.CoDesign;

namespace CoproCommissioning.Web.Pages.Cycles.CoDesign;

/// <summary>The words people see for co-design values, in sentence case.</summary>
public static class CoDesignLabels
{
    private static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");

    public static string Of(SessionFormat format) => format switch
    {
        SessionFormat.InPerson => "In person",
        SessionFormat.Online => "Online",
        SessionFormat.Hybrid => "In person and online",
        _ => format.ToString(),
    };

    public static string Of(AccessArrangement arrangement) => arrangement switch
    {
        AccessArrangement.BslInterpreter => "British Sign Language (BSL) interpreter",
        AccessArrangement.SpokenLanguageInterpreter => "Interpreter for another spoken language",
        AccessArrangement.StepFreeAccess => "Step-free access",
        AccessArrangement.HearingLoop => "Hearing loop",
        AccessArrangement.QuietRoom => "Quiet room",
        AccessArrangement.EasyReadMaterials => "Easy-read materials",
        AccessArrangement.LiveCaptions => "Live captions",
        AccessArrangement.TravelExpensesPaid => "Travel expenses paid",
        AccessArrangement.InvolvementPaymentOffered => "Involvement payment offered",
        AccessArrangement.SupportPersonWelcome => "A carer or support worker can come too",
        _ => arrangement.ToString(),
    };

    /// <summary>"Tuesday 10 March 2026, 10:30am to 1pm".</summary>
    public static string When(DateOnly date, TimeOnly start, TimeOnly? end) =>
        $"{date.ToString("dddd d MMMM yyyy", EnGb)}, {Time(start)}{(end is { } finish ? $" to {Time(finish)}" : "")}";

    /// <summary>"10:30am", "1pm", "12pm" (midday).</summary>
    public static string Time(TimeOnly time)
    {
        int hour = time.Hour % 12 == 0 ? 12 : time.Hour % 12;
        var minutes = time.Minute == 0 ? "" : $":{time.Minute:00}";
        return $"{hour}{minutes}{(time.Hour < 12 ? "am" : "pm")}";
    }

    /// <summary>A time as it goes back into a form: "14:30".</summary>
    public static string ForInput(TimeOnly time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);

    /// <summary>
    /// A time as people type it: "10:30", "10.30", "14:00", "2pm", "2:30pm", "9am". Midnight and midday are
    /// "12am" and "12pm".
    /// </summary>
    public static bool TryParseTime(string? text, out TimeOnly time)
    {
        time = default;
        var value = (text ?? "").Trim().ToLowerInvariant().Replace(" ", "", StringComparison.Ordinal);
        if (value.Length == 0)
        {
            return false;
        }

        bool? pm = value.EndsWith("pm", StringComparison.Ordinal) ? true : value.EndsWith("am", StringComparison.Ordinal) ? false : null;
        if (pm is not null)
        {
            value = value[..^2];
        }

        var parts = value.Split(':', '.');
        if (parts.Length > 2
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out int hour)
            || parts[0].Length is 0 or > 2)
        {
            return false;
        }

        int minute = 0;
        if (parts.Length == 2
            && (parts[1].Length != 2 || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out minute)))
        {
            return false;
        }

        if (pm is { } afternoon)
        {
            if (hour is < 1 or > 12)
            {
                return false;
            }

            hour = (hour % 12) + (afternoon ? 12 : 0);
        }

        if (hour > 23 || minute > 59)
        {
            return false;
        }

        time = new TimeOnly(hour, minute);
        return true;
    }

    public static string Where(SessionFormat format, string venue, string joiningDetails) => format switch
    {
        SessionFormat.Online => joiningDetails.Length > 0 ? $"Online: {joiningDetails}" : "Online",
        SessionFormat.Hybrid => joiningDetails.Length > 0 ? $"{venue}, and online: {joiningDetails}" : $"{venue}, and online",
        _ => venue,
    };

    public static string Date(DateOnly date) => UkTime.Date(date);
}
