using System.Net;
using System.Text.RegularExpressions;
using CoproCommissioning.Web.Areas.Identity.Pages.Account;
using CoproCommissioning.Web.Tests.Infrastructure;
using MimeKit;

namespace CoproCommissioning.Web.Tests.Accounts;

public sealed class PasswordFixture(PostgresServer server) : DatabaseFixture(server);

public sealed partial class PasswordTests(PasswordFixture fixture) : IClassFixture<PasswordFixture>
{
    private const string ForgotUrl = "/Identity/Account/ForgotPassword";
    private const string NewPassword = "Brand-New-Passw0rd";
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Asking_for_a_reset_gets_the_same_answer_for_an_unknown_email_and_only_a_real_account_gets_an_email()
    {
        var account = await TestAccounts.CreateAsync(fixture);
        var unknown = $"nobody-{Guid.NewGuid():N}@example.org";

        var forUnknown = await BrowserLikeClient.For(fixture.Factory).SubmitAsync(ForgotUrl, new Dictionary<string, string> { ["Input.Email"] = unknown }, "main form", _ct);
        var forAccount = await BrowserLikeClient.For(fixture.Factory).SubmitAsync(ForgotUrl, new Dictionary<string, string> { ["Input.Email"] = account.Email }, "main form", _ct);

        Assert.Equal(HttpStatusCode.Redirect, forUnknown.Status);
        Assert.Equal(forUnknown.Location, forAccount.Location);
        var confirmation = await BrowserLikeClient.For(fixture.Factory).GetAsync(forUnknown.Location!, _ct);
        Assert.Contains("If an account exists for the email address you entered, we've sent an email", confirmation.Text);
        Assert.Empty(EmailsTo(unknown));
        Assert.Single(EmailsTo(account.Email));
    }

    [Fact]
    public async Task The_emailed_link_sets_a_new_password_that_then_signs_in()
    {
        var account = await TestAccounts.CreateAsync(fixture);
        await BrowserLikeClient.For(fixture.Factory).SubmitAsync(ForgotUrl, new Dictionary<string, string> { ["Input.Email"] = account.Email }, "main form", _ct);
        var link = new Uri(ResetLink().Match(Assert.Single(EmailsTo(account.Email)).HtmlBody ?? "").Groups["href"].Value.Replace("&amp;", "&", StringComparison.Ordinal));
        var client = BrowserLikeClient.For(fixture.Factory);

        var mismatch = await client.SubmitAsync(link.PathAndQuery, new Dictionary<string, string>
        {
            ["Input.Email"] = account.Email,
            ["Input.Password"] = NewPassword,
            ["Input.ConfirmPassword"] = NewPassword + "x",
        }, "main form", _ct);
        var weak = await client.SubmitAsync(link.PathAndQuery, new Dictionary<string, string>
        {
            ["Input.Email"] = account.Email,
            ["Input.Password"] = "short",
            ["Input.ConfirmPassword"] = "short",
        }, "main form", _ct);
        var reset = await client.SubmitAsync(link.PathAndQuery, new Dictionary<string, string>
        {
            ["Input.Email"] = account.Email,
            ["Input.Password"] = NewPassword,
            ["Input.ConfirmPassword"] = NewPassword,
        }, "main form", _ct);

        Assert.Contains("The passwords do not match", mismatch.Document.QuerySelector("#Input_ConfirmPassword-error")?.TextContent);
        Assert.Equal(account.Email, mismatch.Document.QuerySelector("#Input_Email")?.GetAttribute("value"));
        Assert.Contains("Your password must be at least 12 characters", weak.Document.QuerySelector("#Input_Password-error")?.TextContent);
        Assert.Equal(HttpStatusCode.Redirect, reset.Status);
        Assert.Equal("/Identity/Account/ResetPasswordConfirmation", reset.Location);
        var reused = await client.SubmitAsync(link.PathAndQuery, new Dictionary<string, string>
        {
            ["Input.Email"] = account.Email,
            ["Input.Password"] = NewPassword + "2",
            ["Input.ConfirmPassword"] = NewPassword + "2",
        }, "main form", _ct);
        Assert.Contains("This link has expired or has already been used", reused.Document.QuerySelector(".nhsuk-error-summary")?.TextContent);

        var signIn = BrowserLikeClient.For(fixture.Factory);
        await signIn.SignInAsync(account.Email, NewPassword, _ct);
        Assert.Equal(HttpStatusCode.OK, (await signIn.GetAsync("/Identity/Account/Manage", _ct)).Status);
    }

    [Fact]
    public async Task A_made_up_reset_link_gets_the_same_answer_for_an_account_and_an_unknown_email()
    {
        var account = await TestAccounts.CreateAsync(fixture);
        const string MadeUp = "/Identity/Account/ResetPassword?code=bWFkZS11cA";

        var forAccount = await BrowserLikeClient.For(fixture.Factory).SubmitAsync(MadeUp, new Dictionary<string, string>
        {
            ["Input.Email"] = account.Email,
            ["Input.Password"] = NewPassword,
            ["Input.ConfirmPassword"] = NewPassword,
        }, "main form", _ct);
        var forUnknown = await BrowserLikeClient.For(fixture.Factory).SubmitAsync(MadeUp, new Dictionary<string, string>
        {
            ["Input.Email"] = $"nobody-{Guid.NewGuid():N}@example.org",
            ["Input.Password"] = NewPassword,
            ["Input.ConfirmPassword"] = NewPassword,
        }, "main form", _ct);

        Assert.Equal(HttpStatusCode.OK, forAccount.Status);
        Assert.Equal(forAccount.Status, forUnknown.Status);
        Assert.Equal(forAccount.Document.QuerySelector(".nhsuk-error-summary")?.OuterHtml, forUnknown.Document.QuerySelector(".nhsuk-error-summary")?.OuterHtml);
        Assert.Contains("This link has expired or has already been used", forAccount.Text);
    }

    [Fact]
    public async Task Changing_the_password_checks_the_current_one_and_the_rules_then_says_it_is_done()
    {
        var account = await TestAccounts.CreateAsync(fixture);
        var client = BrowserLikeClient.For(fixture.Factory);
        await client.SignInAsync(account.Email, TestAccounts.Password, _ct);
        const string Url = "/Identity/Account/Manage/ChangePassword";

        var wrongCurrent = await client.SubmitAsync(Url, new Dictionary<string, string>
        {
            ["Input.OldPassword"] = "Not-the-current-one",
            ["Input.NewPassword"] = NewPassword,
            ["Input.ConfirmPassword"] = NewPassword,
        }, "main form", _ct);
        var noDigit = await client.SubmitAsync(Url, new Dictionary<string, string>
        {
            ["Input.OldPassword"] = TestAccounts.Password,
            ["Input.NewPassword"] = "only-letters-here",
            ["Input.ConfirmPassword"] = "only-letters-here",
        }, "main form", _ct);
        var changed = await client.SubmitAsync(Url, new Dictionary<string, string>
        {
            ["Input.OldPassword"] = TestAccounts.Password,
            ["Input.NewPassword"] = NewPassword,
            ["Input.ConfirmPassword"] = NewPassword,
        }, "main form", _ct);

        Assert.Contains("The password is not right", wrongCurrent.Document.QuerySelector("#Input_OldPassword-error")?.TextContent);
        Assert.Contains("Your password must include a number", noDigit.Document.QuerySelector("#Input_NewPassword-error")?.TextContent);
        Assert.Contains("Your password must include a capital letter", noDigit.Document.QuerySelector("#Input_NewPassword-error")?.TextContent);
        Assert.Equal(HttpStatusCode.Redirect, changed.Status);
        Assert.Contains("Your password has been changed", (await client.FollowRedirectAsync(changed, _ct)).Text);

        var oldPassword = await BrowserLikeClient.For(fixture.Factory).SubmitAsync("/Identity/Account/Login", new Dictionary<string, string>
        {
            ["Input.Email"] = account.Email,
            ["Input.Password"] = TestAccounts.Password,
        }, "form#account", _ct);
        Assert.Contains(LoginModel.NotRecognised, oldPassword.Text);
    }

    private List<MimeMessage> EmailsTo(string address) =>
        !Directory.Exists(fixture.Factory.PickupFolder)
            ? []
            : [.. Directory.EnumerateFiles(fixture.Factory.PickupFolder, "*.eml")
                .Select(file => MimeMessage.Load(file))
                .Where(message => message.To.Mailboxes.Any(m => string.Equals(m.Address, address, StringComparison.OrdinalIgnoreCase)))];

    [GeneratedRegex("href=\"(?<href>[^\"]*ResetPassword[^\"]*)\"")]
    private static partial Regex ResetLink();
}
