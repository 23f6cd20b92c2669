using System.Net;
using AngleSharp.Dom;
using CoproCommissioning.Data;
using CoproCommissioning.Data.Notifications;
using CoproCommissioning.Domain.Cycles;
using CoproCommissioning.Domain.Testing;
using CoproCommissioning.Web.Infrastructure.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoproCommissioning.Web.Tests.Notifications;

/// <summary>Each person's choice per kind of event, and the one-click unsubscribe link every email carries.</summary>
public sealed class PreferencesAndUnsubscribeTests(CyclePagesFixture fixture) : IClassFixture<CyclePagesFixture>
{
    private const string PreferencesUrl = "/account/notifications";
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_preferences_page_saves_a_choice_per_kind_and_shows_it_back()
    {
        var clinician = await fixture.SignedInAsync(CyclePeople.ClinicianEmail);
        var page = await clinician.GetAsync(PreferencesUrl, _ct);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("everything is also listed under", page.Text);
        Assert.True(page.Document.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>(
            "input[name='Form[StageSignedOff]'][value='DailySummary']")!.IsChecked);

        var fields = AllKinds(NotificationFrequency.StraightAway);
        fields["Form[StageSignedOff]"] = nameof(NotificationFrequency.WeeklySummary);
        fields["Form[InputAnswered]"] = nameof(NotificationFrequency.NotByEmail);
        var saved = await clinician.SubmitAsync(PreferencesUrl, fields, ct: _ct);

        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        var shown = await clinician.FollowRedirectAsync(saved, _ct);
        Assert.Contains("Your choices have been saved", shown.Text);
        Assert.True(shown.Document.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>(
            "input[name='Form[StageSignedOff]'][value='WeeklySummary']")!.IsChecked);
        await using var scope = fixture.Db();
        var stored = await scope.Context.NotificationPreferences.AsNoTracking().Where(p => p.UserId == fixture.People.Clinician)
            .ToDictionaryAsync(p => p.Kind, p => p.Frequency, _ct);
        Assert.Equal(NotificationFrequency.WeeklySummary, stored[NotificationKind.StageSignedOff]);
        Assert.Equal(NotificationFrequency.NotByEmail, stored[NotificationKind.InputAnswered]);
        Assert.Equal(NotificationCatalogue.Choosable.Count, stored.Count);
    }

    [Fact]
    public async Task A_choice_not_on_the_list_is_refused_beside_its_field_and_the_other_answers_are_kept()
    {
        var provider = await fixture.SignedInAsync(CyclePeople.ProviderEmail);
        var fields = AllKinds(NotificationFrequency.DailySummary);
        fields["Form[BidDeadlineApproaching]"] = "Sometimes";

        var posted = await provider.SubmitAsync(PreferencesUrl, fields, ct: _ct);

        Assert.Equal(HttpStatusCode.OK, posted.Status);
        Assert.Contains("Choose how you want to hear that the bid deadline is near",
            posted.Document.QuerySelector("#Form_BidDeadlineApproaching_-error")!.TextContent);
        Assert.True(posted.Document.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>(
            "input[name='Form[InputAnswered]'][value='DailySummary']")!.IsChecked);
        await using var scope = fixture.Db();
        Assert.False(await scope.Context.NotificationPreferences.AnyAsync(p => p.UserId == fixture.People.Provider, _ct));
    }

    [Fact]
    public async Task The_unsubscribe_link_in_an_email_works_with_a_post_and_no_sign_in_and_later_answers_send_no_email()
    {
        var (cycleId, contributions) = await AnsweredTwiceLaterAsync();
        var email = await SingleEmailAsync(cycleId);
        Assert.Equal("List-Unsubscribe=One-Click", email.Headers["List-Unsubscribe-Post"]);
        var link = email.Headers["List-Unsubscribe"].Trim('<', '>');
        Assert.StartsWith("http://localhost/unsubscribe/", link, StringComparison.Ordinal);
        Assert.Contains(link, email.TextBody);
        Assert.Contains(link, email.HtmlBody);

        // As a mail client does it: a bare POST of the header's address, with no cookies and no antiforgery token.
        using var anonymous = fixture.Factory.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        using var body = new StringContent("List-Unsubscribe=One-Click", System.Text.Encoding.ASCII, "application/x-www-form-urlencoded");
        using var response = await anonymous.PostAsync(new Uri(link).PathAndQuery, body, _ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("You will not get these emails any more", await response.Content.ReadAsStringAsync(_ct));
        await RespondAsync(cycleId, contributions[1], "A second answer after unsubscribing.");
        await using var scope = fixture.Db();
        Assert.Equal(NotificationFrequency.NotByEmail, (await scope.Context.NotificationPreferences
            .SingleAsync(p => p.UserId == fixture.People.Panel && p.Kind == NotificationKind.InputAnswered, _ct)).Frequency);
        Assert.Single(await scope.Context.Outbox.Where(m => m.TextBody.Contains(cycleId.ToString())).ToListAsync(_ct));
        Assert.Equal(2, await scope.Context.Notifications.CountAsync(n => n.CycleId == cycleId, _ct));
        scope.Context.NotificationPreferences.RemoveRange(scope.Context.NotificationPreferences.Where(p => p.UserId == fixture.People.Panel));
        await scope.Context.SaveChangesAsync(_ct);
    }

    [Fact]
    public async Task The_unsubscribe_page_shows_a_button_first_and_refuses_a_changed_token_with_a_clear_page()
    {
        var tokens = fixture.Factory.Services.GetRequiredService<UnsubscribeTokens>();
        var token = tokens.For(fixture.People.Carer, [NotificationKind.StageSignedOff]);
        var client = BrowserLikeClient.For(fixture.Factory);

        var page = await client.GetAsync($"/unsubscribe/{token}", _ct);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("A stage is signed off", page.Text);
        Assert.NotNull(page.Document.QuerySelector("main form button"));

        var changed = token[..^4] + (token.EndsWith("AAAA", StringComparison.Ordinal) ? "BBBB" : "AAAA");
        var refused = await client.GetAsync($"/unsubscribe/{changed}", _ct);
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Contains("This link does not work", refused.Text);
        using var posted = await client.Http.PostAsync($"/unsubscribe/{changed}", new FormUrlEncodedContent([]), _ct);
        Assert.Equal(HttpStatusCode.BadRequest, posted.StatusCode);
        await using var scope = fixture.Db();
        Assert.False(await scope.Context.NotificationPreferences.AnyAsync(p => p.UserId == fixture.People.Carer, _ct));
    }

    private static Dictionary<string, string> AllKinds(NotificationFrequency frequency) =>
        NotificationCatalogue.Choosable.ToDictionary(k => $"Form[{k.Kind}]", _ => frequency.ToString());

    private async Task<(Guid CycleId, Guid[] Contributions)> AnsweredTwiceLaterAsync()
    {
        Guid[] contributions = [];
        var cycleId = await fixture.CreateCycleAsync(c => contributions = [c.FromPanel().Id, c.FromPanel(summary: "Evening groups").Id]);
        await RespondAsync(cycleId, contributions[0], "Visits carry on.");
        return (cycleId, contributions);
    }

    private async Task RespondAsync(Guid cycleId, Guid contributionId, string explanation)
    {
        await using var scope = fixture.As(fixture.People.Commissioner);
        var cycle = await scope.Context.Cycles.IncludeStages().SingleAsync(c => c.Id == cycleId, _ct);
        Expect.Success(cycle.Respond(contributionId, fixture.People.Commissioner, CycleRole.Commissioner, ResponseType.Adopted, explanation, DateTimeOffset.UtcNow));
        await scope.Context.SaveChangesAsync(_ct);
    }

    private async Task<CoproCommissioning.Data.Outbox.OutboxMessage> SingleEmailAsync(Guid cycleId)
    {
        await using var scope = fixture.Db();
        return Assert.Single(await scope.Context.Outbox.AsNoTracking().Where(m => m.TextBody.Contains(cycleId.ToString())).ToListAsync(_ct));
    }
}
