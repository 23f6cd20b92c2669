using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace CoproCommissioning.Web.Infrastructure.Pages;

/// <summary>The NHS success notification banner shown once on the page a form redirects to.</summary>
public static class Notifications
{
    public const string SuccessKey = "notification-success";

    public const string SuccessLinkTextKey = "notification-success-link-text";

    public const string SuccessLinkUrlKey = "notification-success-link-url";

    public static void SetSuccess(this ITempDataDictionary tempData, string message)
    {
        tempData[SuccessKey] = message;
        tempData.Remove(SuccessLinkTextKey);
        tempData.Remove(SuccessLinkUrlKey);
    }

    /// <summary>A success message with what to do next, as a link in the banner (such as the sheet to hand back).</summary>
    public static void SetSuccess(this ITempDataDictionary tempData, string message, NotificationLink link)
    {
        ArgumentNullException.ThrowIfNull(link);
        if (!link.Url.StartsWith('/') || link.Url.StartsWith("//", StringComparison.Ordinal))
        {
            throw new ArgumentException("A banner links only to a page of this service.", nameof(link));
        }

        tempData[SuccessKey] = message;
        tempData[SuccessLinkTextKey] = link.Text;
        tempData[SuccessLinkUrlKey] = link.Url;
    }

    public static string? TakeSuccess(this ITempDataDictionary tempData) => tempData[SuccessKey] as string;

    public static NotificationLink? TakeSuccessLink(this ITempDataDictionary tempData) =>
        tempData[SuccessLinkTextKey] is string text && tempData[SuccessLinkUrlKey] is string url ? new NotificationLink(text, url) : null;
}

/// <summary>A link in a notification banner, to a page of this service.</summary>
public sealed record NotificationLink(string Text, string Url);
