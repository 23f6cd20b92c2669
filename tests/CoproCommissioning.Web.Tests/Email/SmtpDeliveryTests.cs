using System.Net;
using System.Text.RegularExpressions;
using CoproCommissioning.Data.Outbox;
using CoproCommissioning.Domain.Cycles;
using CoproCommissioning.Web.DemoData;
using CoproCommissioning.Web.Infrastructure.Email;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace CoproCommissioning.Web.Tests.Email;

/// <summary>What a real mail server receives from the outbox: headers, both parts, and links that work.</summary>
public sealed partial class SmtpDeliveryTests(OutboxFixture fixture) : IClassFixture<OutboxFixture>
{
    private const string Commissioner = "commissioner@demo.copro.test";
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_invitation_arrives_from_the_service_with_plain_text_and_html_carrying_the_same_link_that_opens_the_invitation()
    {
        var cycle = await TestCycles.CreateAsync(fixture, (Commissioner, CycleRole.Commissioner));
        var invitee = $"smtp-invitee-{Guid.NewGuid():N}@example.org";
        var commissioner = BrowserLikeClient.For(fixture.Factory);
        await commissioner.SignInAsync(Commissioner, DemoSeeder.Password, _ct);
        await commissioner.SubmitAsync($"/cycles/{cycle.Id}/members", new Dictionary<string, string>
        {
            ["Form.Email"] = invitee,
            ["Form.Role"] = nameof(CycleRole.Observer),
        }, "form[action*=Invite]", _ct);

        await SendDueAsync();

        var message = Assert.Single(fixture.Smtp.ReceivedFor(invitee));
        var from = Assert.Single(message.From.Mailboxes);
        var options = new EmailOptions();
        Assert.Equal((options.FromName, options.FromAddress), (from.Name, from.Address));
        Assert.Equal(invitee, Assert.Single(message.To.Mailboxes).Address);
        Assert.Equal($"Priya Sharma invited you to help shape {cycle.Title}", message.Subject);
        var alternative = Assert.IsType<MultipartAlternative>(message.Body);
        Assert.Equal(["text/plain", "text/html"], alternative.Select(part => part.ContentType.MimeType));
        await using (var scope = fixture.Db())
        {
            var row = await scope.Context.Outbox.SingleAsync(m => m.To == invitee, _ct);
            Assert.StartsWith(row.Id.ToString("N"), message.MessageId, StringComparison.Ordinal);
        }

        var htmlLink = WebUtility.HtmlDecode(HtmlInvitationLink().Match(message.HtmlBody ?? "").Groups[1].Value);
        var textLink = TextInvitationLink().Match(message.TextBody ?? "").Value;
        Assert.StartsWith($"{fixture.Factory.PublicBaseUrl}/invitations/", htmlLink, StringComparison.Ordinal);
        Assert.Equal(htmlLink, textLink);
        Assert.Contains(cycle.Title, message.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("<", message.TextBody, StringComparison.Ordinal);
        var opened = await BrowserLikeClient.For(fixture.Factory).GetAsync(new Uri(textLink).PathAndQuery, _ct);
        Assert.Equal(HttpStatusCode.OK, opened.Status);
        Assert.Equal("Join this commissioning cycle", opened.Document.QuerySelector("h1")?.TextContent.Trim());
    }

    [Fact]
    public async Task A_password_reset_arrives_with_both_parts_linking_to_the_reset_page()
    {
        const string panel = "panel@demo.copro.test";
        var before = fixture.Smtp.ReceivedFor(panel).Count;
        await BrowserLikeClient.For(fixture.Factory).SubmitAsync("/Identity/Account/ForgotPassword",
            new Dictionary<string, string> { ["Input.Email"] = panel }, "main form", _ct);

        await SendDueAsync();

        var message = fixture.Smtp.ReceivedFor(panel).Skip(before).Single();
        Assert.Equal("Reset your password", message.Subject);
        Assert.IsType<MultipartAlternative>(message.Body);
        Assert.Contains($"{fixture.Factory.PublicBaseUrl}/Identity/Account/ResetPassword?code=", message.TextBody, StringComparison.Ordinal);
        Assert.Contains($"href=\"{fixture.Factory.PublicBaseUrl}/Identity/Account/ResetPassword?code=", message.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_headers_an_email_was_queued_with_such_as_one_click_unsubscribe_arrive_and_a_text_only_email_has_one_part()
    {
        var address = $"headers-{Guid.NewGuid():N}@example.org";
        const string unsubscribe = "<https://copro.example.nhs.uk/unsubscribe/abc123>";
        await using (var scope = fixture.Db())
        {
            scope.Context.Enqueue(new OutgoingEmail(address, "A response to your input", "Your input was answered.", null, "Test",
                new Dictionary<string, string>
                {
                    ["List-Unsubscribe"] = unsubscribe,
                    ["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click",
                }), fixture.Clock.GetUtcNow());
            await scope.Context.SaveChangesAsync(_ct);
        }

        await SendDueAsync();

        var message = Assert.Single(fixture.Smtp.ReceivedFor(address));
        Assert.Equal(unsubscribe, message.Headers["List-Unsubscribe"]);
        Assert.Equal("List-Unsubscribe=One-Click", message.Headers["List-Unsubscribe-Post"]);
        var text = Assert.IsType<TextPart>(message.Body);
        Assert.Equal("text/plain", text.ContentType.MimeType);
        Assert.Equal("Your input was answered.", text.Text.Trim());
    }

    private async Task SendDueAsync()
    {
        await using var scope = fixture.Db();
        await scope.Services.GetRequiredService<OutboxSender>().SendDueAsync(_ct);
    }

    [GeneratedRegex("href=\"([^\"]*/invitations/[^\"]+)\"")]
    private static partial Regex HtmlInvitationLink();

    [GeneratedRegex(@"https?://\S+/invitations/\S+")]
    private static partial Regex TextInvitationLink();
}
