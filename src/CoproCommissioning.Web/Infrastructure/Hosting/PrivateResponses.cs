using Microsoft.AspNetCore.StaticAssets;

namespace CoproCommissioning.Web.Infrastructure.Hosting;

/// <summary>
/// Pages shown to a signed-in person (access needs, contributions, who said what) must not stay in the cache of a
/// shared computer or a proxy. Stylesheets, scripts and images are the same for everyone and stay cacheable.
/// </summary>
public static class PrivateResponses
{
    /// <summary>Call after UseAuthentication, so the person is known.</summary>
    public static IApplicationBuilder UseNoStoreWhenSignedIn(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                if (context.User.Identity?.IsAuthenticated == true
                    && context.GetEndpoint()?.Metadata.GetMetadata<StaticAssetDescriptor>() is null)
                {
                    context.Response.Headers.CacheControl = "no-store";
                    context.Response.Headers.Pragma = "no-cache";
                }

                return Task.CompletedTask;
            });
            await next(context);
        });
}
