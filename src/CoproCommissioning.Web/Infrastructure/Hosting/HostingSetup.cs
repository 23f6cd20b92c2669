using System.Net;
using Microsoft.AspNetCore.CookiePolicy;
using Microsoft.AspNetCore.HostFiltering;
using Microsoft.AspNetCore.HttpOverrides;

namespace CoproCommissioning.Web.Infrastructure.Hosting;

public static class HostingSetup
{
    /// <summary>
    /// Reads App:PublicBaseUrl (start-up stops with a clear message when it is missing or malformed), answers only
    /// to its host, and believes forwarded headers from the configured proxies only.
    /// </summary>
    public static IServiceCollection AddCoproHosting(this IServiceCollection services, IConfiguration configuration,
        IHostEnvironment environment)
    {
        var section = configuration.GetSection(PublicAddressOptions.Section);
        var publicBase = PublicAddressOptions.Parse(section[nameof(PublicAddressOptions.PublicBaseUrl)]);
        var knownProxies = section.GetSection(nameof(PublicAddressOptions.KnownProxies)).Get<List<string>>() ?? [];

        services.AddOptions<PublicAddressOptions>().Bind(section);
        services.AddSingleton<PublicLinks>();

        // "*" (or nothing) in AllowedHosts means "the public host"; hosts listed there are kept, e.g. for a probe.
        // On a developer's machine localhost and 127.0.0.1 are the same place, so either is fine.
        string[] publicHosts = publicBase.IsLoopback ? [publicBase.Host, "localhost", "127.0.0.1", "[::1]"] : [publicBase.Host];
        services.PostConfigure<HostFilteringOptions>(options =>
        {
            var listed = options.AllowedHosts.Where(h => h != "*");
            options.AllowedHosts = [.. listed.Concat(publicHosts).Distinct(StringComparer.OrdinalIgnoreCase)];
        });

        // PostConfigure, so that it also holds when ASPNETCORE_FORWARDEDHEADERS_ENABLED is set (some hosts set it):
        // the framework then empties both lists, and empty lists would believe any client's X-Forwarded-For.
        services.PostConfigure<ForwardedHeadersOptions>(options =>
        {
            // Not X-Forwarded-Host: the host comes from App:PublicBaseUrl, never from a header.
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            options.ForwardLimit = 1;
            options.KnownIPNetworks.Clear();
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse("127.0.0.0/8"));
            options.KnownProxies.Add(IPAddress.IPv6Loopback);
            foreach (var proxy in knownProxies)
            {
                options.KnownProxies.Add(IPAddress.TryParse(proxy, out var address)
                    ? address
                    : throw new InvalidOperationException($"App:KnownProxies: '{proxy}' is not an IP address."));
            }
        });

        // Every cookie the app or a library sets (sign-in, antiforgery, TempData) goes through this policy. Plain
        // HTTP, and so cookies without Secure, only on a developer's machine and in the test host.
        var plainHttpAllowed = PlainHttpAllowed(environment);
        services.Configure<CookiePolicyOptions>(options =>
        {
            options.Secure = plainHttpAllowed ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
            options.HttpOnly = HttpOnlyPolicy.Always;
            options.MinimumSameSitePolicy = SameSiteMode.Lax;
        });

        return services;
    }

    public static bool PlainHttpAllowed(IHostEnvironment environment) =>
        environment.IsDevelopment() || environment.IsEnvironment("Testing");
}
