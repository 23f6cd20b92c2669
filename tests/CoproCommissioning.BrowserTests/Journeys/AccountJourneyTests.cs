using System.Text.RegularExpressions;
using CoproCommissioning.BrowserTests.Infrastructure;
using CoproCommissioning.Web.DemoData;
using Microsoft.Playwright;

namespace CoproCommissioning.BrowserTests.Journeys;

public sealed class AccountJourneyTests(BrowserAppFixture app) : BrowserTest(app), IClassFixture<BrowserAppFixture>
{
    [Fact]
    public async Task A_panel_member_chooses_to_be_shown_as_Panel_member_and_sees_it_saved()
    {
        await Page.GotoAsync("/Identity/Account/Login");
        await Page.AssertNoViolationsAsync();
        await ScreenshotAsync("sign-in");
        await SignInAsync("panel@demo.copro.test", DemoSeeder.Password);

        await Page.GotoAsync("/Identity/Account/Manage");
        await Assertions.Expect(Page.Locator("h1")).ToHaveTextAsync("Your profile");
        await Page.AssertNoViolationsAsync();
        var panelMember = Page.GetByLabel("Show me to other participants as 'Panel member'");
        await Assertions.Expect(panelMember).Not.ToBeCheckedAsync();
        await panelMember.CheckAsync();
        await Page.GetByLabel("Large print").CheckAsync();
        await Page.GetByLabel("Access needs").FillAsync("Papers a week before each meeting, please.");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Save your profile" }).ClickAsync();

        await Assertions.Expect(Page.Locator(".nhsuk-notification-banner--success")).ToContainTextAsync("Your profile has been saved");
        await Assertions.Expect(panelMember).ToBeCheckedAsync();
        await Assertions.Expect(Page.GetByLabel("Large print")).ToBeCheckedAsync();
        await Page.AssertNoViolationsAsync();
        await ScreenshotAsync("profile-saved");
    }

    [Fact]
    public async Task A_profile_error_is_shown_in_the_summary_and_beside_the_field_and_passes_axe()
    {
        await SignInAsync("carer@demo.copro.test", DemoSeeder.Password);
        await Page.GotoAsync("/Identity/Account/Manage");

        await Page.GetByLabel("Your name").FillAsync("");
        await Page.GetByLabel("Email", new() { Exact = true }).CheckAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Save your profile" }).ClickAsync();

        await Assertions.Expect(Page).ToHaveTitleAsync(new Regex("^Error: "));
        await Assertions.Expect(Page.Locator(".nhsuk-error-summary")).ToContainTextAsync("Enter your name");
        await Assertions.Expect(Page.Locator("#Input_DisplayName-error")).ToContainTextAsync("Enter your name");
        await Assertions.Expect(Page.GetByLabel("Email", new() { Exact = true })).ToBeCheckedAsync();
        await Page.AssertNoViolationsAsync();
        await ScreenshotAsync("profile-error");

        await Page.Locator(".nhsuk-error-summary a").ClickAsync();
        await Assertions.Expect(Page.GetByLabel("Your name")).ToBeFocusedAsync();
    }

    [Fact]
    public async Task The_password_two_factor_and_your_data_pages_pass_axe_and_two_factor_can_be_turned_on()
    {
        await SignInAsync("clinician@demo.copro.test", DemoSeeder.Password);

        await Page.GotoAsync("/Identity/Account/Manage/ChangePassword");
        await Page.AssertNoViolationsAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Change password" }).ClickAsync();
        await Assertions.Expect(Page.Locator(".nhsuk-error-summary")).ToContainTextAsync("Enter your current password");
        await Page.AssertNoViolationsAsync();
        await ScreenshotAsync("change-password-errors");

        await Page.GotoAsync("/Identity/Account/Manage/TwoFactorAuthentication");
        await Page.AssertNoViolationsAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Set up an authenticator app" }).ClickAsync();
        await Assertions.Expect(Page.Locator("h1")).ToHaveTextAsync("Set up an authenticator app");
        var qr = Page.GetByRole(AriaRole.Img, new() { Name = "QR code to add Co-produced commissioning to your authenticator app" });
        await Assertions.Expect(qr).ToBeVisibleAsync();
        Assert.True(await qr.EvaluateAsync<bool>("img => img.complete && img.naturalWidth > 0"), "The QR code image did not load.");
        await Page.AssertNoViolationsAsync();
        await ScreenshotAsync("enable-authenticator");

        var key = await Page.Locator("#shared-key").InnerTextAsync();
        await Page.GetByLabel("Code from your authenticator app").FillAsync(Totp.Code(key, DateTimeOffset.UtcNow));
        await Page.GetByRole(AriaRole.Button, new() { Name = "Turn on two-factor authentication" }).ClickAsync();
        await Assertions.Expect(Page.Locator("h1")).ToHaveTextAsync("Save your recovery codes");
        await Assertions.Expect(Page.Locator("#recovery-codes li")).ToHaveCountAsync(10);
        await Page.AssertNoViolationsAsync();
        await ScreenshotAsync("recovery-codes");

        await Page.GotoAsync("/Identity/Account/Manage/TwoFactorAuthentication");
        await Assertions.Expect(Page.Locator(".nhsuk-summary-list")).ToContainTextAsync("On");
        await Page.AssertNoViolationsAsync();
        await ScreenshotAsync("two-factor-on");

        foreach (var url in new[]
        {
            "/Identity/Account/Manage/GenerateRecoveryCodes", "/Identity/Account/Manage/ResetAuthenticator",
            "/Identity/Account/Manage/Disable2fa", "/Identity/Account/Manage/PersonalData", "/Identity/Account/Manage/DeletePersonalData",
        })
        {
            await Page.GotoAsync(url);
            await Assertions.Expect(Page.Locator("h1")).ToBeVisibleAsync();
            await Page.AssertNoViolationsAsync();
        }

        await ScreenshotAsync("delete-account");

        // Asked before sensitive changes once the last proof is older than five minutes; with two-factor on, a code.
        await Page.GotoAsync("/Identity/Account/ConfirmItsYou?returnUrl=%2FIdentity%2FAccount%2FManage%2FGenerateRecoveryCodes");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await Assertions.Expect(Page.Locator(".nhsuk-error-summary")).ToBeVisibleAsync();
        await Page.AssertNoViolationsAsync();
        await ScreenshotAsync("confirm-its-you-errors");
    }

    [Fact]
    public async Task The_signed_out_account_pages_pass_axe()
    {
        foreach (var (url, name) in new[]
        {
            ("/Identity/Account/ForgotPassword", "forgot-password"),
            ("/Identity/Account/ForgotPasswordConfirmation", "forgot-password-confirmation"),
            ("/Identity/Account/ResetPassword?code=abc", "reset-password"),
            ("/Identity/Account/Lockout", "lockout"),
            ("/Identity/Account/Register", "register-not-found"),
        })
        {
            await Page.GotoAsync(url);
            await Assertions.Expect(Page.Locator("h1")).ToBeVisibleAsync();
            await Page.AssertNoViolationsAsync();
            await ScreenshotAsync(name);
        }

        await Page.GotoAsync("/Identity/Account/Login");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await Assertions.Expect(Page.Locator(".nhsuk-error-summary")).ToContainTextAsync("Enter your email address");
        await Page.AssertNoViolationsAsync();
        await ScreenshotAsync("sign-in-errors");

        await Page.GetByLabel("Email address").FillAsync("nobody-here@example.org");
        await Page.GetByLabel("Password", new() { Exact = true }).FillAsync("not the right password");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await Assertions.Expect(Page.Locator(".nhsuk-error-summary")).ToBeVisibleAsync();
        await Page.AssertNoViolationsAsync();
        await ScreenshotAsync("sign-in-not-recognised");
    }
}
