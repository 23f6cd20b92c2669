using System.Net;
using CoproCommissioning.Web.DemoData;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CoproCommissioning.Web.Tests.Platform;

public sealed class PlatformFixture(PostgresServer server) : DatabaseFixture(server)
{
    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        await using var scope = Db();
        await scope.Services.GetRequiredService<DemoSeeder>().SeedAsync(CancellationToken.None);
    }
}

public sealed class PlatformTests(PlatformFixture fixture) : IClassFixture<PlatformFixture>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Health_reports_healthy_from_a_real_database_check()
    {
        var client = BrowserLikeClient.For(fixture.Factory);

        var page = await client.GetAsync("/health", _ct);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("Healthy", page.Html);
    }

    [Fact]
    public async Task Health_reports_unhealthy_when_the_database_cannot_be_reached()
    {
        var unreachable = new NpgsqlConnectionStringBuilder(fixture.ConnectionString) { Database = "copro_no_such_database" };
        await using var factory = new AppFactory(unreachable.ConnectionString);

        using var response = await factory.CreateClient().GetAsync("/health", _ct);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("Unhealthy", await response.Content.ReadAsStringAsync(_ct));
    }

    [Fact]
    public async Task The_app_uses_the_test_class_database()
    {
        await using var scope = fixture.Db();

        var database = scope.Context.Database.GetDbConnection().Database;

        Assert.Equal(new NpgsqlConnectionStringBuilder(fixture.ConnectionString).Database, database);
        Assert.StartsWith("copro_platformfixture_", database);
    }

    [Fact]
    public async Task Pages_carry_the_security_headers()
    {
        var page = await BrowserLikeClient.For(fixture.Factory).GetAsync("/", _ct);

        var csp = page.Headers["Content-Security-Policy"];
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Contains("script-src 'self'", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.Equal("nosniff", page.Headers["X-Content-Type-Options"]);
        Assert.Equal("strict-origin-when-cross-origin", page.Headers["Referrer-Policy"]);
    }

    [Theory]
    [InlineData("/lib/nhsuk-frontend/nhsuk-frontend.min.css", "text/css")]
    [InlineData("/js/site.js", "text/javascript")]
    public async Task Styles_and_scripts_are_served_to_signed_out_visitors(string url, string contentType)
    {
        using var response = await fixture.Factory.CreateClient(new() { AllowAutoRedirect = false }).GetAsync(url, _ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(contentType, response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_missing_page_gets_the_friendly_not_found_page()
    {
        var client = BrowserLikeClient.For(fixture.Factory);
        await client.SignInAsync("panel@demo.copro.test", DemoSeeder.Password, _ct);

        var page = await client.GetAsync("/no/such/page", _ct);

        Assert.Equal(HttpStatusCode.NotFound, page.Status);
        Assert.Equal("Page not found", page.Document.QuerySelector("h1")?.TextContent.Trim());
    }

    [Fact]
    public async Task An_unhandled_error_shows_the_friendly_page_without_a_stack_trace()
    {
        await using var factory = fixture.Factory.WithWebHostBuilder(builder =>
            builder.ConfigureServices(services => services.AddTransient<IStartupFilter, ThrowingEndpoint>()));
        var client = new BrowserLikeClient(factory.CreateClient(new() { AllowAutoRedirect = false }));
        await client.SignInAsync("panel@demo.copro.test", DemoSeeder.Password, _ct);

        var page = await client.GetAsync("/test-only/throw", _ct);

        Assert.Equal(HttpStatusCode.InternalServerError, page.Status);
        Assert.Contains("Sorry, there is a problem with the service", page.Text);
        Assert.DoesNotContain("Boom from a test", page.Html);
        Assert.DoesNotContain("ThrowingEndpoint", page.Html);
    }

    /// <summary>Runs after the app's own pipeline, so the app's error handling is what catches its exception.</summary>
    private sealed class ThrowingEndpoint : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Run(context => context.Request.Path == "/test-only/throw"
                ? throw new InvalidOperationException("Boom from a test")
                : Task.CompletedTask);
        };
    }
}
