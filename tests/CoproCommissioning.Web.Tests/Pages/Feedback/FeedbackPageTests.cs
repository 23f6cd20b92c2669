using System.Net;
using CoproCommissioning.Domain.Feedback;
using Microsoft.EntityFrameworkCore;

namespace CoproCommissioning.Web.Tests.Pages.Feedback;

/// <summary>The phase banner's feedback link: a form anyone can send, stored for administrators to read.</summary>
public sealed class FeedbackPageTests(CyclePagesFixture fixture) : IClassFixture<CyclePagesFixture>
{
    private const string FeedbackUrl = "/feedback";
    private const int PostsPerAddress = 10;

    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_phase_banner_links_to_the_feedback_form_from_the_page_it_is_on()
    {
        var home = await BrowserLikeClient.For(fixture.Factory).GetAsync("/", _ct);
        var signedIn = await (await fixture.SignedInAsync(CyclePeople.PanelEmail)).GetAsync("/my-input", _ct);

        Assert.Equal("/feedback?from=%2F", home.Document.QuerySelector(".app-phase-banner a")?.GetAttribute("href"));
        Assert.Equal("/feedback?from=%2Fmy-input", signedIn.Document.QuerySelector(".app-phase-banner a")?.GetAttribute("href"));
    }

    [Fact]
    public async Task Anyone_can_send_feedback_and_an_administrator_reads_it()
    {
        var client = BrowserLikeClient.For(fixture.Factory);
        var form = await client.GetAsync($"{FeedbackUrl}?from=%2Fcycles", _ct);
        Assert.Equal(HttpStatusCode.OK, form.Status);
        Assert.Contains("Do not include personal or health information", form.Text, StringComparison.Ordinal);

        var text = $"The dashboard is clear. {Guid.NewGuid():N}";
        var sent = await client.SubmitAsync($"{FeedbackUrl}?from=%2Fcycles", new Dictionary<string, string>
        {
            ["Form.Text"] = text,
            ["Form.Email"] = " jo@example.org ",
        }, "main form", _ct);

        Assert.Equal(HttpStatusCode.Redirect, sent.Status);
        Assert.Equal("/feedback/sent", sent.Location);
        Assert.Contains("Thank you for your feedback", (await client.GetAsync(sent.Location!, _ct)).Text, StringComparison.Ordinal);
        await using (var scope = fixture.Db())
        {
            var stored = await scope.Context.Feedback.SingleAsync(f => f.Text == text, _ct);
            Assert.Equal("jo@example.org", stored.Email);
            Assert.Equal("/cycles", stored.Page);
        }

        var admin = await fixture.SignedInAsync(CyclePeople.ObserverEmail);
        var index = await admin.GetAsync("/admin", _ct);
        Assert.Contains(index.Document.QuerySelectorAll("main a"), a => a.GetAttribute("href") == "/admin/feedback");
        var list = await admin.GetAsync("/admin/feedback", _ct);
        Assert.Contains(text, list.Text, StringComparison.Ordinal);
        Assert.Contains(list.Document.QuerySelectorAll("main a"), a => a.GetAttribute("href") == "mailto:jo@example.org");
        Assert.Contains("Sent from /cycles.", list.Text, StringComparison.Ordinal);

        var panel = await fixture.SignedInAsync(CyclePeople.PanelEmail);
        Assert.NotEqual(HttpStatusCode.OK, (await panel.GetAsync("/admin/feedback", _ct)).Status);
    }

    [Fact]
    public async Task Feedback_without_text_or_with_a_bad_address_is_refused_beside_the_field_and_what_was_typed_is_kept()
    {
        var client = await fixture.SignedInAsync(CyclePeople.ProviderEmail);

        var empty = await client.SubmitAsync(FeedbackUrl, new Dictionary<string, string> { ["Form.Text"] = "  ", ["Form.Email"] = "" }, "main form", _ct);
        var badEmail = await client.SubmitAsync(FeedbackUrl, new Dictionary<string, string>
        {
            ["Form.Text"] = "Hard to find the proposals page",
            ["Form.Email"] = "not an address",
        }, "main form", _ct);

        Assert.Equal(HttpStatusCode.OK, empty.Status);
        Assert.Contains(FeedbackRules.TextRequired.Message, empty.Document.QuerySelector("#Form_Text-error")?.TextContent, StringComparison.Ordinal);
        Assert.StartsWith("Error:", empty.Document.Title, StringComparison.Ordinal);
        Assert.Contains(FeedbackRules.EmailInvalid.Message, badEmail.Document.QuerySelector("#Form_Email-error")?.TextContent, StringComparison.Ordinal);
        Assert.Equal("Hard to find the proposals page", badEmail.Document.QuerySelector("#Form_Text")?.TextContent);
        Assert.Equal("not an address", badEmail.Document.QuerySelector("#Form_Email")?.GetAttribute("value"));
        await using var scope = fixture.Db();
        Assert.False(await scope.Context.Feedback.AnyAsync(f => f.Text == "Hard to find the proposals page", _ct));
    }

    [Fact]
    public async Task Feedback_posts_beyond_the_limit_for_one_address_get_429()
    {
        var client = BrowserLikeClient.For(fixture.Factory);
        for (var i = 0; i < PostsPerAddress; i++)
        {
            var sent = await client.SubmitAsync(FeedbackUrl, new Dictionary<string, string> { ["Form.Text"] = $"Feedback {i}" }, "main form", _ct);
            Assert.Equal(HttpStatusCode.Redirect, sent.Status);
        }

        var refused = await client.SubmitAsync(FeedbackUrl, new Dictionary<string, string> { ["Form.Text"] = "One more" }, "main form", _ct);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.Status);
        await using var scope = fixture.Db();
        Assert.False(await scope.Context.Feedback.AnyAsync(f => f.Text == "One more", _ct));
    }

    [Fact]
    public async Task Only_a_path_of_this_site_is_kept_as_where_the_feedback_came_from()
    {
        var client = BrowserLikeClient.For(fixture.Factory);
        var text = $"From elsewhere {Guid.NewGuid():N}";

        await client.SubmitAsync($"{FeedbackUrl}?from={Uri.EscapeDataString("https://example.org/x")}",
            new Dictionary<string, string> { ["Form.Text"] = text }, "main form", _ct);

        await using var scope = fixture.Db();
        Assert.Null((await scope.Context.Feedback.SingleAsync(f => f.Text == text, _ct)).Page);
    }
}
