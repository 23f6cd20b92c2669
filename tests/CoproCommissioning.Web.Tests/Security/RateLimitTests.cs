using System.Net;
using CoproCommissioning.Domain.Cycles;
using CoproCommissioning.Web.DemoData;
using CoproCommissioning.Web.Tests.Accounts;
using MimeKit;

namespace CoproCommissioning.Web.Tests.Security;

/// <summary>
/// The forms that guess passwords or send email refuse posts beyond their limits (the production defaults in
/// README and docs/decisions/0008-rate-limits.md) with 429, a Retry-After header and a page that says when to try again.
/// </summary>
public sealed class RateLimitTests(SecurityFixture fixture) : IClassFixture<SecurityFixture>
{
    private const string LoginUrl = "/Identity/Account/Login";
    private const string ForgotUrl = "/Identity/Account/ForgotPassword";
    private const string Commissioner = "commissioner@demo.copro.test";
    private const int SignInsPerAddress = 10;
    private const int SignInsPerEmail = 5;
    private const int ResetEmailsPerEmail = 3;
    private const int InvitationsPerEmail = 3;
    private const int OtherFormPostsPerAddress = 10;

    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Sign_in_posts_beyond_the_limit_for_one_address_get_429_with_retry_after()
    {
        var address = AppFactory.NewClientAddress();
        for (var i = 0; i < SignInsPerAddress; i++)
        {
            var tried = await SignInAsync(SecurityFixture.ClientAt(fixture.Factory, address), Nobody(), "Guess-number-1");
            Assert.Equal(HttpStatusCode.OK, tried.Status);
        }

        var refused = await SignInAsync(SecurityFixture.ClientAt(fixture.Factory, address), Nobody(), "Guess-number-1");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.Status);
        Assert.InRange(int.Parse(refused.Headers["Retry-After"], System.Globalization.CultureInfo.InvariantCulture), 1, 5 * 60);
        Assert.Equal("You have tried too many times", refused.Document.QuerySelector("h1")?.TextContent.Trim());
        Assert.Matches(@"You can try again in \d+ minutes?, after \d{1,2}:\d\d(am|pm)\.", refused.Text);
        Assert.Contains("reset your password", refused.Text);
        var fromElsewhere = await SignInAsync(BrowserLikeClient.For(fixture.Factory), Nobody(), "Guess-number-1");
        Assert.Equal(HttpStatusCode.OK, fromElsewhere.Status);
    }

    [Fact]
    public async Task Password_spraying_one_email_from_many_addresses_is_limited_per_email()
    {
        var account = await TestAccounts.CreateAsync(fixture);
        var app = fixture.WithProductionSignInLimits;
        for (var i = 0; i < SignInsPerEmail; i++)
        {
            var tried = await SignInAsync(SecurityFixture.ClientAt(app, AppFactory.NewClientAddress()), account.Email, $"Guess-number-{i}");
            Assert.NotEqual(HttpStatusCode.TooManyRequests, tried.Status);
        }

        var newAddress = AppFactory.NewClientAddress();
        var refused = await SignInAsync(SecurityFixture.ClientAt(app, newAddress), account.Email, "Guess-number-9");
        var anotherEmailFromThere = await SignInAsync(SecurityFixture.ClientAt(app, newAddress), Nobody(), "Guess-number-9");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.Status);
        Assert.True(refused.Headers.ContainsKey("Retry-After"));
        Assert.Equal(HttpStatusCode.OK, anotherEmailFromThere.Status);
    }

    [Fact]
    public async Task Forgot_password_for_one_email_is_limited_so_inboxes_are_not_flooded()
    {
        var account = await TestAccounts.CreateAsync(fixture);
        for (var i = 0; i < ResetEmailsPerEmail; i++)
        {
            var asked = await BrowserLikeClient.For(fixture.Factory).SubmitAsync(ForgotUrl,
                new Dictionary<string, string> { ["Input.Email"] = account.Email }, "main form", _ct);
            Assert.Equal(HttpStatusCode.Redirect, asked.Status);
        }

        var refused = await BrowserLikeClient.For(fixture.Factory).SubmitAsync(ForgotUrl,
            new Dictionary<string, string> { ["Input.Email"] = $"  {account.Email.ToUpperInvariant()} " }, "main form", _ct);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.Status);
        Assert.True(refused.Headers.ContainsKey("Retry-After"));
        Assert.Equal(ResetEmailsPerEmail, (await EmailsToAsync(account.Email)).Count);
    }

    [Fact]
    public async Task Invitations_to_one_email_are_limited_so_an_inbox_is_not_flooded()
    {
        var cycle = await TestCycles.CreateAsync(fixture, (Commissioner, CycleRole.Commissioner));
        var commissioner = BrowserLikeClient.For(fixture.Factory);
        await commissioner.SignInAsync(Commissioner, DemoSeeder.Password, _ct);
        var target = $"target-{Guid.NewGuid():N}@example.org";

        List<HttpStatusCode> answers = [];
        for (var i = 0; i <= InvitationsPerEmail; i++)
        {
            var sent = await commissioner.SubmitAsync($"/cycles/{cycle.Id}/members", new Dictionary<string, string>
            {
                ["Form.Email"] = target,
                ["Form.Role"] = nameof(CycleRole.Observer),
            }, "form[action*=Invite]", _ct);
            answers.Add(sent.Status);
        }

        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.Redirect, InvitationsPerEmail), HttpStatusCode.TooManyRequests], answers);
        Assert.Equal(InvitationsPerEmail, (await EmailsToAsync(target)).Count);
    }

    [Theory]
    [InlineData("two-factor code and recovery code")]
    [InlineData("reset password")]
    [InlineData("invitation acceptance")]
    public async Task Posts_to_the_other_guarded_forms_beyond_the_limit_for_one_address_get_429(string form)
    {
        var client = BrowserLikeClient.For(fixture.Factory);
        List<HttpStatusCode> answers = [];
        for (var i = 0; i <= OtherFormPostsPerAddress; i++)
        {
            var (url, fields) = form switch
            {
                // The two pages share one limit: someone guessing codes can switch between them.
                "two-factor code and recovery code" => i % 2 == 0
                    ? ("/Identity/Account/LoginWith2fa", new Dictionary<string, string> { ["Input.TwoFactorCode"] = "123456" })
                    : ("/Identity/Account/LoginWithRecoveryCode", new Dictionary<string, string> { ["Input.RecoveryCode"] = "abcde-12345" }),
                "reset password" => ("/Identity/Account/ResetPassword", new Dictionary<string, string>
                {
                    ["Input.Code"] = "bWFkZS11cA",
                    ["Input.Email"] = Nobody(),
                    ["Input.Password"] = "Brand-New-Passw0rd",
                    ["Input.ConfirmPassword"] = "Brand-New-Passw0rd",
                }),
                _ => ($"/invitations/{Guid.NewGuid():N}?handler=CreateAccount", new Dictionary<string, string>
                {
                    ["Form.DisplayName"] = "Sam Guess",
                    ["Form.Password"] = "A-long-Passw0rd",
                    ["Form.ConfirmPassword"] = "A-long-Passw0rd",
                }),
            };
            answers.Add((await client.PostCraftedAsync(url, fields, LoginUrl, _ct)).Status);
        }

        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, answers[..OtherFormPostsPerAddress]);
        Assert.Equal(HttpStatusCode.TooManyRequests, answers[^1]);
    }

    private Task<BrowserLikeClient.Page> SignInAsync(BrowserLikeClient client, string email, string password) =>
        client.SubmitAsync(LoginUrl, new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        }, "form#account", _ct);

    private static string Nobody() => $"nobody-{Guid.NewGuid():N}@example.org";

    private Task<IReadOnlyList<MimeMessage>> EmailsToAsync(string address) => TestMailbox.EmailsToAsync(fixture.Factory, address, _ct);
}
