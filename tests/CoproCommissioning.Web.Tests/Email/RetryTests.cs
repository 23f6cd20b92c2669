using System.Net;
using CoproCommissioning.Data.Identity;
using CoproCommissioning.Data.Outbox;
using CoproCommissioning.Web.Infrastructure.Email;
using CoproCommissioning.Web.Tests.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoproCommissioning.Web.Tests.Email;

/// <summary>
/// A mail server that keeps refusing: each attempt waits longer than the last, then the email fails for good, shows on
/// the administrators' outbox page, and is sent when an administrator sends it again.
/// </summary>
public sealed class RetryTests(OutboxFixture fixture) : IClassFixture<OutboxFixture>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_refused_email_is_tried_again_later_each_time_then_fails_for_good_shows_to_administrators_and_is_sent_again()
    {
        var address = $"refused-{Guid.NewGuid():N}@example.org";
        const string subject = "Subject that administrators never read";
        const string text = "Words that administrators never read.";
        Guid id;
        await using (var scope = fixture.Db())
        {
            id = scope.Context.Enqueue(new OutgoingEmail(address, subject, text, $"<p>{text}</p>", "Invitation"), fixture.Clock.GetUtcNow()).Id;
            await scope.Context.SaveChangesAsync(_ct);
        }

        fixture.Smtp.Refusing = true;
        var refusedBefore = fixture.Smtp.Refusals;
        var delays = OutboxOptions.DefaultRetryDelays;
        for (var attempt = 1; attempt <= delays.Count; attempt++)
        {
            var now = fixture.Clock.GetUtcNow();
            Assert.Equal(1, await SendDueAsync());
            var waiting = await RowAsync(id);
            Assert.Equal((OutboxStatus.Waiting, attempt, now + delays[attempt - 1]), (waiting.Status, waiting.Attempts, waiting.NextAttemptAt));
            // Not due again until its wait is over.
            fixture.Clock.Advance(delays[attempt - 1] - TimeSpan.FromSeconds(1));
            Assert.Equal(0, await SendDueAsync());
            fixture.Clock.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.Equal(1, await SendDueAsync());
        var failed = await RowAsync(id);
        Assert.Equal((OutboxStatus.Failed, delays.Count + 1), (failed.Status, failed.Attempts));
        Assert.Contains("refused", failed.LastError, StringComparison.Ordinal);
        // The server's refusal named the recipient; what is kept names them only in part.
        Assert.Contains(MaskedAddress.Of(address), failed.LastError, StringComparison.Ordinal);
        Assert.DoesNotContain(address, failed.LastError, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(delays.Count + 1, fixture.Smtp.Refusals - refusedBefore);
        fixture.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(0, await SendDueAsync());

        var administrator = await TestAccounts.CreateAsync(fixture, SiteRoles.Administrator, "Lee Chen");
        var admin = BrowserLikeClient.For(fixture.Factory);
        await admin.SignInAsync(administrator.Email, TestAccounts.Password, _ct);
        var page = await admin.GetAsync("/admin/outbox?status=Failed", _ct);
        var row = page.Document.QuerySelector($"#message-{id}");
        Assert.NotNull(row);
        Assert.Contains("Failed", row.TextContent, StringComparison.Ordinal);
        Assert.Contains(MaskedAddress.Of(address), row.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(address, page.Text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(subject, page.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(text, page.Text, StringComparison.Ordinal);

        fixture.Smtp.Refusing = false;
        var again = await admin.SubmitOnAsync(page, new Dictionary<string, string>(), $"#message-{id} form", _ct);

        Assert.Equal(HttpStatusCode.Redirect, again.Status);
        Assert.Contains("will be sent again", (await admin.FollowRedirectAsync(again, _ct)).Text, StringComparison.Ordinal);
        Assert.Equal(1, await SendDueAsync());
        var received = Assert.Single(fixture.Smtp.ReceivedFor(address));
        Assert.Equal(subject, received.Subject);
        var sent = await RowAsync(id);
        Assert.Equal((OutboxStatus.Sent, 1, (string?)null), (sent.Status, sent.Attempts, sent.LastError));
        // A second click, from a page shown before the first, puts nothing back in the queue.
        var late = await admin.SubmitOnAsync(page, new Dictionary<string, string>(), $"#message-{id} form", _ct);
        Assert.Contains("had not failed", (await admin.FollowRedirectAsync(late, _ct)).Text, StringComparison.Ordinal);
        Assert.Equal(OutboxStatus.Sent, (await RowAsync(id)).Status);
    }

    private async Task<int> SendDueAsync()
    {
        await using var scope = fixture.Db();
        return await scope.Services.GetRequiredService<OutboxSender>().SendDueAsync(_ct);
    }

    private async Task<OutboxMessage> RowAsync(Guid id)
    {
        await using var scope = fixture.Db();
        return await scope.Context.Outbox.AsNoTracking().SingleAsync(m => m.Id == id, _ct);
    }
}
