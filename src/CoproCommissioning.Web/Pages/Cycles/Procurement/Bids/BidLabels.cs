using System.Globalization;
using CoproCommissioning.Domain.Procurement;

namespace CoproCommissioning.Web.Pages.Cycles.Procurement.Bids;

/// <summary>The words the bid pages use for the deadline and a bid's status.</summary>
public static class BidLabels
{
    /// <summary>"12pm on 5 January 2027": the hour alone when it is on the hour, as people say a deadline.</summary>
    public static string Deadline(DateTimeOffset deadline)
    {
        var local = UkTime.ToLondon(deadline);
        var hour = local.Hour % 12 == 0 ? 12 : local.Hour % 12;
        var minutes = local.Minute == 0 ? "" : local.ToString(":mm", CultureInfo.InvariantCulture);
        return $"{hour.ToString(CultureInfo.InvariantCulture)}{minutes}{(local.Hour < 12 ? "am" : "pm")} on {UkTime.Date(deadline)}";
    }

    public static string Status(Bid bid)
    {
        ArgumentNullException.ThrowIfNull(bid);
        return bid.Status switch
        {
            BidStatus.Draft => "Draft: not submitted",
            BidStatus.Submitted => $"Submitted on {UkTime.DateAndTime(bid.SubmittedAt!.Value)}",
            BidStatus.Withdrawn => $"Withdrawn on {UkTime.DateAndTime(bid.WithdrawnAt!.Value)}",
            _ => throw new ArgumentOutOfRangeException(nameof(bid), bid.Status, null),
        };
    }

    public static string Tag(BidStatus status) => status switch
    {
        BidStatus.Draft => "nhsuk-tag--grey",
        BidStatus.Submitted => "nhsuk-tag--green",
        BidStatus.Withdrawn => "nhsuk-tag--orange",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    public static string TagText(BidStatus status) => status switch
    {
        BidStatus.Draft => "Draft",
        BidStatus.Submitted => "Submitted",
        BidStatus.Withdrawn => "Withdrawn",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };
}
