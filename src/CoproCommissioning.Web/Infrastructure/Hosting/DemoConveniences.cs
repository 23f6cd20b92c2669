namespace CoproCommissioning.Web.Infrastructure.Hosting;

/// <summary>
/// The demo's shortcuts are dangerous on a live install: demo accounts share a published password, and the
/// Pickup mail folder shows every email, password-reset links included, to administrators. Outside a developer's
/// machine and the test host, start-up refuses them.
/// </summary>
public static class DemoConveniences
{
    public static void RefuseOutsideDevelopment(IConfiguration configuration, IHostEnvironment environment)
    {
        if (HostingSetup.PlainHttpAllowed(environment))
        {
            return;
        }

        List<string> problems = [];
        if (configuration.GetValue<bool>("DemoData:Seed"))
        {
            problems.Add("DemoData:Seed is on, which would add demo accounts whose password is published.");
        }

        if (string.Equals(configuration["Email:Delivery"], "Pickup", StringComparison.OrdinalIgnoreCase))
        {
            problems.Add("Email:Delivery is Pickup, which would keep emails (password-reset links included) in a folder administrators can read instead of sending them.");
        }

        if (problems.Count > 0)
        {
            throw new InvalidOperationException(
                $"The {environment.EnvironmentName} environment refuses the demo's shortcuts: {string.Join(" ", problems)} " +
                "Turn them off (DemoData__Seed=false, Email__Delivery=Smtp with Email__SmtpHost), or run the demo with ASPNETCORE_ENVIRONMENT=Development.");
        }
    }
}
