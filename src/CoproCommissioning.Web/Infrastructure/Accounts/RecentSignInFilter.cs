using Microsoft.AspNetCore.Mvc.Filters;

namespace CoproCommissioning.Web.Infrastructure.Accounts;

/// <summary>On the pages in <see cref="RecentSignIn.Pages"/>: "Confirm it's you" first, then back to the page (GET).</summary>
public sealed class RecentSignInFilter(RecentSignIn recentSignIn) : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var http = context.HttpContext;
        if (http.User.Identity?.IsAuthenticated == true && !await recentSignIn.IsRecentAsync(http))
        {
            var request = http.Request;
            context.Result = new RedirectToPageResult(RecentSignIn.ConfirmPage,
                new { area = "Identity", returnUrl = $"{request.PathBase}{request.Path}{request.QueryString}" });
            return;
        }

        await next();
    }
}
