using CoproCommissioning.Data.Outbox;
using CoproCommissioning.Web.Infrastructure.Email;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoproCommissioning.Web.Tests.Email;

/// <summary>Several app instances share one outbox: two workers at once never send one message twice.</summary>
public sealed class TwoWorkersTests(OutboxFixture fixture) : IClassFixture<OutboxFixture>
{
    private const int Messages = 50;
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Two_workers_started_together_over_fifty_waiting_messages_send_each_exactly_once()
    {
        var run = Guid.NewGuid().ToString("N");
        var addresses = Enumerable.Range(1, Messages).Select(n => $"person-{n}-{run}@example.org").ToList();
        await using (var scope = fixture.Db())
        {
            foreach (var address in addresses)
            {
                scope.Context.Enqueue(new OutgoingEmail(address, "A message", "Plain words.", null, "Test"), fixture.Clock.GetUtcNow());
            }

            await scope.Context.SaveChangesAsync(_ct);
        }

        // Two workers, each with its own scope and so its own DbContext and connection, as two instances would have.
        await using var first = fixture.Db();
        await using var second = fixture.Db();
        var workers = new[] { first, second }.Select(s => s.Services.GetRequiredService<OutboxSender>()).ToList();
        var tried = 0;
        while (true)
        {
            var pass = await Task.WhenAll(workers.Select(w => Task.Run(() => w.SendDueAsync(_ct), _ct)));
            tried += pass.Sum();
            if (pass.Sum() == 0)
            {
                break;
            }
        }

        Assert.Equal(Messages, tried);
        var received = fixture.Smtp.Received.Where(m => m.To.Mailboxes.Any(b => b.Address.EndsWith($"-{run}@example.org", StringComparison.Ordinal))).ToList();
        Assert.Equal(Messages, received.Count);
        Assert.Equal(addresses.Order(), received.Select(m => m.To.Mailboxes.Single().Address).Order());
        await using var check = fixture.Db();
        var rows = await check.Context.Outbox.Where(m => m.Purpose == "Test" && m.To.EndsWith($"-{run}@example.org")).ToListAsync(_ct);
        Assert.Equal(Messages, rows.Count);
        Assert.All(rows, row => Assert.Equal((OutboxStatus.Sent, 1), (row.Status, row.Attempts)));
    }
}
