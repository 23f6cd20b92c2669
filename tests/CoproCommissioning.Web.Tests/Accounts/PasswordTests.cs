using System.Net;
using System.Text.RegularExpressions;
using CoproCommissioning.Web.Areas.Identity.Pages.Account;
using CoproCommissioning.Web.Infrastructure.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace CoproCommissioning.Web.Tests.Accounts;

public sealed partial class PasswordTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
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
        Assert.Empty(await EmailsToAsync(unknown));
        Assert.Single(await EmailsToAsync(account.Email));
    }

    [Fact]
    public async Task The_emailed_link_sets_a_new_password_that_then_signs_in()
    {
        var account = await TestAccounts.CreateAsync(fixture);
        await BrowserLikeClient.For(fixture.Factory).SubmitAsync(ForgotUrl, new Dictionary<string, string> { ["Input.Email"] = account.Email }, "main form", _ct);
        var link = new Uri(ResetLink().Match(Assert.Single(await EmailsToAsync(account.Email)).HtmlBody ?? "").Groups["href"].Value.Replace("&amp;", "&", StringComparison.Ordinal));
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
        var tooShort = await client.SubmitAsync(Url, new Dictionary<string, string>
        {
            ["Input.OldPassword"] = TestAccounts.Password,
            ["Input.NewPassword"] = "Too-short-1",
            ["Input.ConfirmPassword"] = "Too-short-1",
        }, "main form", _ct);
        var changed = await client.SubmitAsync(Url, new Dictionary<string, string>
        {
            ["Input.OldPassword"] = TestAccounts.Password,
            ["Input.NewPassword"] = NewPassword,
            ["Input.ConfirmPassword"] = NewPassword,
        }, "main form", _ct);

        Assert.Contains("The password is not right", wrongCurrent.Document.QuerySelector("#Input_OldPassword-error")?.TextContent);
        Assert.Contains("Your password must be at least 12 characters", tooShort.Document.QuerySelector("#Input_NewPassword-error")?.TextContent);
        Assert.Equal(HttpStatusCode.Redirect, changed.Status);
        Assert.Contains("Your password has been changed", (await client.FollowRedirectAsync(changed, _ct)).Text);

        var oldPassword = await BrowserLikeClient.For(fixture.Factory).SubmitAsync("/Identity/Account/Login", new Dictionary<string, string>
        {
            ["Input.Email"] = account.Email,
            ["Input.Password"] = TestAccounts.Password,
        }, "form#account", _ct);
        Assert.Contains(LoginModel.NotRecognised, oldPassword.Text);
    }

    [Fact]
    public async Task A_long_password_without_digits_or_capitals_is_accepted()
    {
        var account = await TestAccounts.CreateAsync(fixture);
        var client = BrowserLikeClient.For(fixture.Factory);
        await client.SignInAsync(account.Email, TestAccounts.Password, _ct);
        const string Passphrase = "violet kettle harbour spoon";

        var changed = await ChangePasswordAsync(client, TestAccounts.Password, Passphrase);

        Assert.Equal(HttpStatusCode.Redirect, changed.Status);
        var signIn = BrowserLikeClient.For(fixture.Factory);
        await signIn.SignInAsync(account.Email, Passphrase, _ct);
        Assert.Equal(HttpStatusCode.OK, (await signIn.GetAsync("/Identity/Account/Manage", _ct)).Status);
    }

    [Fact]
    public async Task A_password_over_128_characters_is_refused_beside_the_field()
    {
        var account = await TestAccounts.CreateAsync(fixture);
        var client = BrowserLikeClient.For(fixture.Factory);
        await client.SignInAsync(account.Email, TestAccounts.Password, _ct);
        var hashBefore = await PasswordHashAsync(account.Id);
        // A capital, a small letter and a number, so that only the upper limit can refuse it.
        var tooLong = "Aa1-" + new string('x', 125);
        var longest = "Aa1-" + new string('y', 124);

        var refused = await ChangePasswordAsync(client, TestAccounts.Password, tooLong);

        Assert.Equal(129, tooLong.Length);
        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains("Enter a password of 128 characters or fewer", refused.Document.QuerySelector("#Input_NewPassword-error")?.TextContent);
        Assert.Equal(hashBefore, await PasswordHashAsync(account.Id));
        Assert.Equal(HttpStatusCode.Redirect, (await ChangePasswordAsync(client, TestAccounts.Password, longest)).Status);
    }

    [Fact]
    public async Task A_common_password_is_refused_with_the_reason_beside_the_field()
    {
        // On the list in lower case; a capital and a number would satisfy composition rules, not this check.
        const string Common = "Password1234";
        var email = $"invited-{Guid.NewGuid():N}@example.org";
        var (_, token) = await TestInvitations.CreateAsync(fixture, email);
        var account = await TestAccounts.CreateAsync(fixture);
        var client = BrowserLikeClient.For(fixture.Factory);
        await client.SignInAsync(account.Email, TestAccounts.Password, _ct);
        var hashBefore = await PasswordHashAsync(account.Id);

        var joining = await BrowserLikeClient.For(fixture.Factory).SubmitAsync($"/invitations/{token}", new Dictionary<string, string>
        {
            ["Form.DisplayName"] = "Sam Invited",
            ["Form.Password"] = Common,
            ["Form.ConfirmPassword"] = Common,
        }, "form[action*=CreateAccount]", _ct);
        var changing = await ChangePasswordAsync(client, TestAccounts.Password, "QWERTYUIOP123");

        Assert.Equal(HttpStatusCode.OK, joining.Status);
        Assert.Contains(TooCommon, joining.Document.QuerySelector("#Form_Password-error")?.TextContent);
        Assert.Contains(TooCommon, changing.Document.QuerySelector("#Input_NewPassword-error")?.TextContent);
        await using var scope = fixture.Db();
        Assert.False(await scope.Context.Users.AnyAsync(u => u.Email == email, _ct));
        Assert.Equal(hashBefore, await PasswordHashAsync(account.Id));
    }

    [Fact]
    public async Task Every_new_password_field_gives_the_length_limits_and_no_composition_rules()
    {
        var (_, token) = await TestInvitations.CreateAsync(fixture, $"invited-{Guid.NewGuid():N}@example.org");
        var account = await TestAccounts.CreateAsync(fixture);
        var client = BrowserLikeClient.For(fixture.Factory);
        await client.SignInAsync(account.Email, TestAccounts.Password, _ct);
        const string Hint = "Use at least 12 characters, and no more than 128. Three or four random words are easy to remember and hard to guess.";

        var invitation = await BrowserLikeClient.For(fixture.Factory).GetAsync($"/invitations/{token}", _ct);
        var reset = await BrowserLikeClient.For(fixture.Factory).GetAsync("/Identity/Account/ResetPassword?code=abc", _ct);
        var change = await client.GetAsync("/Identity/Account/Manage/ChangePassword", _ct);

        Assert.Equal(Hint, invitation.Document.QuerySelector("#Form_Password-hint")?.TextContent.Trim());
        Assert.Equal(Hint, reset.Document.QuerySelector("#Input_Password-hint")?.TextContent.Trim());
        Assert.Equal(Hint, change.Document.QuerySelector("#Input_NewPassword-hint")?.TextContent.Trim());
    }

    [Fact]
    public void The_shipped_list_of_common_passwords_is_loaded_and_matched_ignoring_case()
    {
        var list = fixture.Factory.Services.GetRequiredService<CommonPasswords>();

        Assert.True(list.Count > 40_000, $"Only {list.Count} common passwords were loaded.");
        Assert.True(list.Contains("qwertyuiop123"));
        Assert.True(list.Contains("QwertyUIOP123"));
        Assert.False(list.Contains("violet kettle harbour spoon"));
    }

    private const string TooCommon = "This password is too common: it is on a list of passwords people often use. Choose something harder to guess";

    private Task<BrowserLikeClient.Page> ChangePasswordAsync(BrowserLikeClient client, string current, string next) =>
        client.SubmitAsync("/Identity/Account/Manage/ChangePassword", new Dictionary<string, string>
        {
            ["Input.OldPassword"] = current,
            ["Input.NewPassword"] = next,
            ["Input.ConfirmPassword"] = next,
        }, "main form", _ct);

    private async Task<string?> PasswordHashAsync(string userId)
    {
        await using var scope = fixture.Db();
        return await scope.Context.Users.Where(u => u.Id == userId).Select(u => u.PasswordHash).SingleAsync(_ct);
    }

    private Task<IReadOnlyList<MimeMessage>> EmailsToAsync(string address) => TestMailbox.EmailsToAsync(fixture.Factory, address, _ct);

    [GeneratedRegex("href=\"(?<href>[^\"]*ResetPassword[^\"]*)\"")]
    private static partial Regex ResetLink();
}
