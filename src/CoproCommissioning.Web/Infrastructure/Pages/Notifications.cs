using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace CoproCommissioning.Web.Infrastructure.Pages;

/// <summary>The NHS success notification banner shown once on the page a form redirects to.</summary>
public static class Notifications
{
    public const string SuccessKey = "notification-success";

    public static void SetSuccess(this ITempDataDictionary tempData, string message) => tempData[SuccessKey] = message;

    public static string? TakeSuccess(this ITempDataDictionary tempData) => tempData[SuccessKey] as string;
}
