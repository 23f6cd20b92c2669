using System.Net;
using CoproCommissioning.Data.Identity;
using CoproCommissioning.Data.Outbox;
using CoproCommissioning.Web.Pages.Admin;
using CoproCommissioning.Web.Tests.Accounts;
using Microsoft.EntityFrameworkCore;

namespace CoproCommissioning.Web.Tests.Email;

/// <summary>/admin/outbox: administrators only, newest first, a page at a time, never an address or what an email says.</summary>
public sealed class OutboxPageTests(OutboxFixture fixture) : IClassFixture<OutboxFixture>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Nobody_but_an_administrator_sees_the_outbox_or_sends_an_email_again()
    {
        var commissioner = await TestAccounts.CreateAsync(fixture, SiteRoles.Commissioner);
        var failed = await QueueAsync("Invitation", $"someone-{Guid.NewGuid():N}@example.org", fail: true);
        var client = BrowserLikeClient.For(fixture.Factory);

        var anonymous = await client.GetAsync("/admin/outbox", _ct);
        await client.SignInAsync(commissioner.Email, TestAccounts.Password, _ct);
        var shown = await client.GetAsync("/admin/outbox", _ct);
        var posted = await client.PostCraftedAsync($"/admin/outbox/{failed}?handler=SendAgain", new Dictionary<string, string>(), "/Identity/Account/Manage", _ct);

        Assert.Equal(HttpStatusCode.Redirect, anonymous.Status);
        Assert.Contains("/Identity/Account/Login", anonymous.Location, StringComparison.Ordinal);
        Assert.True(shown.Status == HttpStatusCode.Forbidden || shown.Location?.Contains("AccessDenied", StringComparison.Ordinal) == true,
            $"{(int)shown.Status} {shown.Location}");
        Assert.True(posted.Status == HttpStatusCode.Forbidden || posted.Location?.Contains("AccessDenied", StringComparison.Ordinal) == true,
            $"{(int)posted.Status} {posted.Location}");
        await using var scope = fixture.Db();
        Assert.Equal(OutboxStatus.Failed, (await scope.Context.Outbox.SingleAsync(m => m.Id == failed, _ct)).Status);
    }

    [Fact]
    public async Task Administrators_see_emails_newest_first_by_status_a_page_at_a_time_without_addresses_or_text()
    {
        var run = Guid.NewGuid().ToString("N");
        List<(Guid Id, string Address)> queued = [];
        for (var n = 0; n < OutboxModel.PageSize + 2; n++)
        {
            var address = $"listed-{n}-{run}@example.org";
            queued.Add((await QueueAsync($"Kind {n}", address, fail: n == 0), address));
            fixture.Clock.Advance(TimeSpan.FromMinutes(1));
        }

        var administrator = await TestAccounts.CreateAsync(fixture, SiteRoles.Administrator);
        var admin = BrowserLikeClient.For(fixture.Factory);
        await admin.SignInAsync(administrator.Email, TestAccounts.Password, _ct);

        var first = await admin.GetAsync("/admin/outbox", _ct);
        var second = await admin.GetAsync("/admin/outbox?pageNumber=2", _ct);
        var onlyFailed = await admin.GetAsync("/admin/outbox?status=Failed", _ct);

        var firstRows = first.Document.QuerySelectorAll("tbody tr").Select(r => r.Id).ToList();
        Assert.Equal(OutboxModel.PageSize, firstRows.Count);
        Assert.Equal(queued.AsEnumerable().Reverse().Take(OutboxModel.PageSize).Select(q => $"message-{q.Id}"), firstRows);
        Assert.Contains($"message-{queued[0].Id}", second.Document.QuerySelectorAll("tbody tr").Select(r => r.Id));
        var failedRows = onlyFailed.Document.QuerySelectorAll("tbody tr").ToList();
        Assert.Contains($"message-{queued[0].Id}", failedRows.Select(r => r.Id));
        Assert.DoesNotContain(failedRows, r => queued.Skip(1).Any(q => r.Id == $"message-{q.Id}"));
        Assert.All(failedRows, r => Assert.Contains("Failed", r.TextContent, StringComparison.Ordinal));
        Assert.NotNull(onlyFailed.Document.QuerySelector($"#message-{queued[0].Id} form[action*='handler=SendAgain']"));
        Assert.Null(first.Document.QuerySelector($"#message-{queued[^1].Id} form"));
        Assert.Contains("Kind 3", first.Text, StringComparison.Ordinal);
        foreach (var page in new[] { first, second, onlyFailed })
        {
            Assert.DoesNotContain($"-{run}@example.org", page.Text, StringComparison.Ordinal);
            Assert.DoesNotContain("Only the person it was for", page.Text, StringComparison.Ordinal);
        }
    }

    /// <summary>A waiting email, or one that failed for good, straight into the outbox.</summary>
    private async Task<Guid> QueueAsync(string purpose, string address, bool fail)
    {
        await using var scope = fixture.Db();
        var message = scope.Context.Enqueue(new OutgoingEmail(address, "Only the person it was for reads this subject",
            "Only the person it was for reads this.", null, purpose), fixture.Clock.GetUtcNow());
        if (fail)
        {
            message.Failed("The mail server refused it", retryAt: null);
        }

        await scope.Context.SaveChangesAsync(_ct);
        return message.Id;
    }
}
