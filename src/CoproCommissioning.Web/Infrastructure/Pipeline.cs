using CoproCommissioning.Web.Infrastructure.Accounts;
using CoproCommissioning.Web.Infrastructure.Benchmarking;
using CoproCommissioning.Web.Infrastructure.Hosting;
using CoproCommissioning.Web.Infrastructure.RateLimiting;
using CoproCommissioning.Web.Infrastructure.Logging;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Serilog;

namespace CoproCommissioning.Web.Infrastructure;

public static class Pipeline
{
    public static WebApplication UseCoproPipeline(this WebApplication app)
    {
        // Plain HTTP is only acceptable on a developer's machine and in the test host.
        var plainHttpAllowed = HostingSetup.PlainHttpAllowed(app.Environment);

        // Only when benchmarking: first, so that its SQL counts cover the whole request.
        app.UseCoproBenchmarking();

        // First otherwise, so that the scheme and client address seen by everything after are the ones the proxy saw.
        app.UseForwardedHeaders();
        app.UseSecurityHeaders(SecurityHeaders.Policy());

        if (app.Environment.IsDevelopment())
        {
            app.UseDeveloperExceptionPage();
        }
        else
        {
            app.UseExceptionHandler("/Error");
        }

        if (!plainHttpAllowed)
        {
            app.UseHttpsRedirection();
        }

        app.UseStatusCodePagesWithReExecute("/status/{0}");
        app.UseSerilogRequestLogging(options =>
        {
            // This host's logger, not the static one (see AddSerilog), and the route, not the path (decision 0009).
            options.Logger = app.Services.GetRequiredService<Serilog.ILogger>();
            options.GetMessageTemplateProperties = RequestLogProperties.Of;
        });

        app.UseCookiePolicy();
        app.UseRouting();
        app.UseAuthentication();
        app.UseNoStoreWhenSignedIn();
        app.UseCoproRateLimiting();
        app.UseAuthorization();
        app.UseTwoFactorEnforcement();

        app.MapStaticAssets().AllowAnonymous();
        app.MapRazorPages().WithStaticAssets();
        app.MapHealthChecks("/health", new HealthCheckOptions()).AllowAnonymous();

        return app;
    }
}
