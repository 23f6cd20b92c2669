using System.Net;
using CoproCommissioning.Data.Identity;
using CoproCommissioning.Web.Infrastructure.Administration;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoproCommissioning.Web.Tests.Pages.Admin;

/// <summary>The first administrator of an empty install (no demo data), made the way scripts/admin.sh makes them.</summary>
public sealed class AdminCommandTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Makes_an_administrator_with_a_one_time_set_up_link_and_refuses_the_same_address_again()
    {
        var (made, output) = await RunAsync("admin", "create", "--email", "lee.chen@icb.example", "--name", "Lee Chen");

        Assert.Equal(0, made);
        var link = output.Split('\n').Select(l => l.Trim()).Single(l => l.StartsWith("http://localhost/account/set-up/", StringComparison.Ordinal));
        await using (var scope = fixture.Db())
        {
            var users = scope.Services.GetRequiredService<UserManager<AppUser>>();
            var user = await users.FindByEmailAsync("lee.chen@icb.example");
            Assert.NotNull(user);
            Assert.Equal("Lee Chen", user.DisplayName);
            Assert.Null(user.PasswordHash);
            Assert.Equal([SiteRoles.Administrator], await users.GetRolesAsync(user));
        }

        var (again, refusal) = await RunAsync("admin", "create", "--email=LEE.CHEN@icb.example", "--name=Lee Chen");

        Assert.Equal(1, again);
        Assert.Contains("There is already an account with this email address", refusal, StringComparison.Ordinal);
        Assert.DoesNotContain("/account/set-up/", refusal, StringComparison.Ordinal);

        // The link works, once: choosing a password signs them in and leads on to the authenticator app.
        var client = BrowserLikeClient.For(fixture.Factory);
        var form = await client.GetAsync(link, _ct);
        Assert.Equal(HttpStatusCode.OK, form.Status);
        Assert.Contains("Set up your account", form.Text, StringComparison.Ordinal);
        var saved = await client.SubmitAsync(link, new Dictionary<string, string>
        {
            ["Form.Password"] = "Harbourside-first-admin",
            ["Form.ConfirmPassword"] = "Harbourside-first-admin",
        }, ct: _ct);
        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        Assert.Equal("/Identity/Account/Manage/EnableAuthenticator", saved.Location);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/admin", _ct)).Status);

        var used = await BrowserLikeClient.For(fixture.Factory).GetAsync(link, _ct);
        Assert.Equal(HttpStatusCode.NotFound, used.Status);
        Assert.Contains("This link is not valid", used.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("admin")]
    [InlineData("admin", "remove", "--email", "x@example.org")]
    [InlineData("admin", "create", "--email", "x@example.org")]
    [InlineData("admin", "create", "--email", "x@example.org", "--name")]
    [InlineData("admin", "create", "--email", "x@example.org", "--name", "X", "--role", "Commissioner")]
    public async Task A_command_line_it_cannot_read_prints_how_to_use_it_and_makes_nobody(params string[] args)
    {
        var (exit, output) = await RunAsync(args);

        Assert.Equal(2, exit);
        Assert.Contains("Usage: CoproCommissioning.Web admin create", output, StringComparison.Ordinal);
        await using var scope = fixture.Db();
        Assert.False(await scope.Context.Users.AnyAsync(u => u.Email == "x@example.org", _ct));
    }

    [Fact]
    public async Task An_address_it_cannot_send_to_is_refused_with_the_reason()
    {
        var (exit, output) = await RunAsync("admin", "create", "--email", "not-an-address", "--name", "Somebody");

        Assert.Equal(1, exit);
        Assert.Contains("Enter an email address in the correct format", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_the_admin_word_the_arguments_start_the_web_app() =>
        Assert.Null(AdminCommand.Parse(["--urls", "http://127.0.0.1:5080"]));

    private async Task<(int Exit, string Output)> RunAsync(params string[] args)
    {
        var command = AdminCommand.Parse(args) ?? throw new InvalidOperationException("Not an admin command.");
        await using var output = new StringWriter();
        var exit = await command.RunAsync(fixture.Factory.Services, output, _ct);
        return (exit, output.ToString());
    }
}
