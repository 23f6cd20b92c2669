using CoproCommissioning.Web.Infrastructure.Accounts;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CoproCommissioning.Web.Tests.Operations;

/// <summary>Settings from a folder of secret files (Docker and Kubernetes secrets), named like environment variables.</summary>
public sealed class SecretFilesTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    [Fact]
    public async Task A_setting_and_the_connection_string_are_read_from_files_named_like_environment_variables()
    {
        var folder = Directory.CreateTempSubdirectory("copro-secrets-");
        try
        {
            await File.WriteAllTextAsync(Path.Combine(folder.FullName, "Accounts__SessionLifetime"), "03:30:00\n", TestContext.Current.CancellationToken);
            await File.WriteAllTextAsync(Path.Combine(folder.FullName, "ConnectionStrings__Default"), fixture.ConnectionString + "\n", TestContext.Current.CancellationToken);
            await using var app = new AppFactory("Host=nowhere.invalid;Database=not-this-one")
            {
                Settings = { ["Secrets:Directory"] = folder.FullName },
            };

            Assert.Equal(TimeSpan.FromMinutes(210), app.Services.GetRequiredService<IOptions<AccountOptions>>().Value.SessionLifetime);
            Assert.Equal(fixture.ConnectionString, app.Services.GetRequiredService<IConfiguration>().GetConnectionString("Default"));
            Assert.Equal(System.Net.HttpStatusCode.OK, (await app.CreateClient().GetAsync("/health", TestContext.Current.CancellationToken)).StatusCode);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task A_secrets_folder_that_is_not_there_stops_start_up_with_a_message()
    {
        await using var app = new AppFactory(fixture.ConnectionString) { Settings = { ["Secrets:Directory"] = "/no/such/folder" } };

        var failed = Assert.ThrowsAny<Exception>(() => app.Services);

        Assert.Contains("Secrets:Directory", failed.ToString(), StringComparison.Ordinal);
    }
}
