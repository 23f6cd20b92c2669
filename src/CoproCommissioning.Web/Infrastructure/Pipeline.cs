using CoproCommissioning.Web.Infrastructure.Accounts;
using CoproCommissioning.Web.Infrastructure.Logging;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Serilog;

namespace CoproCommissioning.Web.Infrastructure;

public static class Pipeline
{
    public static WebApplication UseCoproPipeline(this WebApplication app)
    {
        // Plain HTTP is only acceptable on a developer's machine and in the test host.
        var plainHttpAllowed = app.Environment.IsDevelopment() || app.Environment.IsEnvironment("Testing");

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

        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseTwoFactorEnforcement();

        app.MapStaticAssets().AllowAnonymous();
        app.MapRazorPages().WithStaticAssets();
        app.MapHealthChecks("/health", new HealthCheckOptions()).AllowAnonymous();

        return app;
    }
}
