using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using CoproCommissioning.Data.Identity;
using CoproCommissioning.Web.Areas.Identity.Pages.Account.Manage;
using Microsoft.EntityFrameworkCore;

namespace CoproCommissioning.Web.Tests.Accounts;

public sealed class ProfileTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private const string ProfileUrl = "/Identity/Account/Manage";
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    public static TheoryData<string, string> BadNames => new()
    {
        { "", "Enter your name" },
        { "   ", "Enter your name" },
        { new string('a', AppUser.DisplayNameMaxLength + 1), $"Your name must be {AppUser.DisplayNameMaxLength} characters or fewer" },
    };

    [Theory]
    [MemberData(nameof(BadNames))]
    public async Task A_blank_or_too_long_name_is_refused_beside_the_field_and_everything_typed_is_kept(string name, string message)
    {
        var (account, client) = await SignedInAsync();

        var page = await client.SubmitAsync(ProfileUrl, new Dictionary<string, string>
        {
            ["Input.DisplayName"] = name,
            ["Input.ShowAsPanelMember"] = "true",
            ["Input.CommunicationPreferences"] = nameof(CommunicationPreference.EasyRead),
            ["Input.AccessNeeds"] = "A hearing loop, please",
        }, "main form", _ct);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains(message, page.Document.QuerySelector("#Input_DisplayName-error")?.TextContent);
        Assert.Equal("#Input_DisplayName", page.Document.QuerySelector(".nhsuk-error-summary a")?.GetAttribute("href"));
        Assert.StartsWith("Error:", page.Document.Title);
        var field = page.Document.QuerySelector<IHtmlInputElement>("#Input_DisplayName")!;
        // An empty or blank answer comes back empty; anything else exactly as typed.
        Assert.Equal(name.Trim().Length == 0 ? "" : name, field.GetAttribute("value") ?? "");
        Assert.Contains("Input_DisplayName-error", field.GetAttribute("aria-describedby"));
        Assert.True(page.Document.QuerySelector<IHtmlInputElement>("#Input_ShowAsPanelMember")!.IsChecked);
        Assert.True(page.Document.QuerySelector<IHtmlInputElement>("input[value=EasyRead]")!.IsChecked);
        Assert.False(page.Document.QuerySelector<IHtmlInputElement>("input[value=Email]")!.IsChecked);
        Assert.Equal("A hearing loop, please", page.Document.QuerySelector("#Input_AccessNeeds")?.TextContent);

        await using var scope = fixture.Db();
        var saved = await scope.Context.Users.SingleAsync(u => u.Id == account.Id, _ct);
        Assert.Equal(account.DisplayName, saved.DisplayName);
        Assert.False(saved.ShowAsPanelMember);
    }

    [Fact]
    public async Task Access_needs_longer_than_the_limit_are_refused_and_kept()
    {
        var (_, client) = await SignedInAsync();
        var needs = new string('x', AppUser.AccessNeedsMaxLength + 1);

        var page = await client.SubmitAsync(ProfileUrl, new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Robin Test",
            ["Input.AccessNeeds"] = needs,
        }, "main form", _ct);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("Your access needs must be 2,000 characters or fewer", page.Document.QuerySelector("#Input_AccessNeeds-error")?.TextContent);
        Assert.Equal(needs, page.Document.QuerySelector("#Input_AccessNeeds")?.TextContent);
    }

    [Fact]
    public async Task Saving_the_profile_stores_the_choices_and_says_so()
    {
        var (account, client) = await SignedInAsync();

        var saved = await client.SubmitAsync(ProfileUrl, new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "  Jess Morgan  ",
            ["Input.ShowAsPanelMember"] = "true",
            ["Input.CommunicationPreferences"] = nameof(CommunicationPreference.LargePrint),
            ["Input.AccessNeeds"] = "Step-free access\r\nPapers a week before",
        }, "main form", _ct);

        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        var page = await client.FollowRedirectAsync(saved, _ct);
        Assert.Contains("Your profile has been saved", page.Document.QuerySelector(".nhsuk-notification-banner--success")?.TextContent);
        await using var scope = fixture.Db();
        var user = await scope.Context.Users.SingleAsync(u => u.Id == account.Id, _ct);
        Assert.Equal("Jess Morgan", user.DisplayName);
        Assert.True(user.ShowAsPanelMember);
        Assert.Equal("Panel member", user.NameShownToOthers);
        Assert.Equal([CommunicationPreference.LargePrint], user.CommunicationPreferences);
        Assert.Equal("Step-free access\nPapers a week before", user.AccessNeeds);
    }

    [Fact]
    public async Task A_save_over_a_change_made_elsewhere_is_refused_and_what_was_typed_is_kept()
    {
        var (account, client) = await SignedInAsync();
        var openedFirst = (await client.GetAsync(ProfileUrl, _ct)).Document.QuerySelector<IHtmlInputElement>("input[name='Input.Version']")!.Value;
        await client.SubmitAsync(ProfileUrl, new Dictionary<string, string> { ["Input.DisplayName"] = "Saved in another tab" }, "main form", _ct);

        var stale = await client.SubmitAsync(ProfileUrl, new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Typed in the first tab",
            ["Input.Version"] = openedFirst,
        }, "main form", _ct);

        Assert.Equal(HttpStatusCode.OK, stale.Status);
        Assert.Contains(IndexModel.ChangedElsewhere, stale.Document.QuerySelector(".nhsuk-error-summary")?.TextContent);
        Assert.Equal("Typed in the first tab", stale.Document.QuerySelector("#Input_DisplayName")?.GetAttribute("value"));
        await using var scope = fixture.Db();
        Assert.Equal("Saved in another tab", await scope.Context.Users.Where(u => u.Id == account.Id).Select(u => u.DisplayName).SingleAsync(_ct));

        // Saving again from the refreshed form now works.
        var retry = await client.PostCraftedAsync(ProfileUrl, new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Typed in the first tab",
            ["Input.Version"] = stale.Document.QuerySelector<IHtmlInputElement>("input[name='Input.Version']")!.Value,
        }, ProfileUrl, _ct);
        Assert.Equal(HttpStatusCode.Redirect, retry.Status);
    }

    [Fact]
    public async Task The_access_needs_hint_says_who_can_see_them()
    {
        var (_, client) = await SignedInAsync();

        var page = await client.GetAsync(ProfileUrl, _ct);

        Assert.Contains("Only the cycle's commissioners and co-production champion can see this",
            page.Document.QuerySelector("#Input_AccessNeeds-hint")?.TextContent);
        Assert.Contains("Show me to other participants as 'Panel member'", page.Document.QuerySelector("label[for=Input_ShowAsPanelMember]")?.TextContent);
        Assert.Equal(Enum.GetValues<CommunicationPreference>().Length, page.Document.QuerySelectorAll("input[name='Input.CommunicationPreferences']").Length);
    }

    private async Task<(TestAccounts.Account Account, BrowserLikeClient Client)> SignedInAsync()
    {
        var account = await TestAccounts.CreateAsync(fixture);
        var client = BrowserLikeClient.For(fixture.Factory);
        await client.SignInAsync(account.Email, TestAccounts.Password, _ct);
        return (account, client);
    }
}
