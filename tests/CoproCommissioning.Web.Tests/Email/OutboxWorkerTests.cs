using CoproCommissioning.Domain.Cycles;
using CoproCommissioning.Web.DemoData;
using Microsoft.EntityFrameworkCore;

namespace CoproCommissioning.Web.Tests.Email;

/// <summary>The app's own worker running, polling on a clock that only the test moves.</summary>
public sealed class RunningWorkerFixture(PostgresServer server) : OutboxFixture(server)
{
    protected override bool RunWorker => true;
}

/// <summary>
/// The background worker sends a page's email as soon as the page has saved it, and finds mail queued elsewhere (another
/// instance) when it next polls. Its poll waits on the test's clock, which stands still unless a test moves it, so only
/// the wake-up can explain a prompt send.
/// </summary>
public sealed class OutboxWorkerTests(RunningWorkerFixture fixture) : IClassFixture<RunningWorkerFixture>
{
    private const string Commissioner = "commissioner@demo.copro.test";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_invitation_a_page_saved_wakes_the_worker_which_sends_it_without_waiting_for_its_poll()
    {
        var cycle = await TestCycles.CreateAsync(fixture, (Commissioner, CycleRole.Commissioner));
        var invitee = $"woken-{Guid.NewGuid():N}@example.org";
        var client = BrowserLikeClient.For(fixture.Factory);
        await client.SignInAsync(Commissioner, DemoSeeder.Password, _ct);

        await client.SubmitAsync($"/cycles/{cycle.Id}/members", new Dictionary<string, string>
        {
            ["Form.Email"] = invitee,
            ["Form.Role"] = nameof(CycleRole.Observer),
        }, "form[action*=Invite]", _ct);

        Assert.True(await ArrivesAsync(invitee, moveClock: false), "The invitation was not sent until the worker's next poll.");
    }

    [Fact]
    public async Task An_email_another_instance_queued_is_sent_at_the_next_poll()
    {
        var address = $"elsewhere-{Guid.NewGuid():N}@example.org";
        var now = fixture.Clock.GetUtcNow();
        await using (var scope = fixture.Db())
        {
            // Written by SQL, as another instance's save would be: nothing in this process raises the wake-up.
            await scope.Context.Database.ExecuteSqlAsync($"""
                INSERT INTO outbox_messages (id, "to", subject, text_body, headers, purpose, status, attempts, created_at, next_attempt_at)
                VALUES ({Guid.NewGuid()}, {address}, 'From elsewhere', 'Queued by another instance.', jsonb_build_object(), 'Test', 'Waiting', 0, {now}, {now})
                """, _ct);
        }

        Assert.True(await ArrivesAsync(address, moveClock: true), "The worker never polled.");
    }

    /// <summary>Waits (bounded) for one message to the address, moving the worker's clock on by a poll each time if asked.</summary>
    private async Task<bool> ArrivesAsync(string address, bool moveClock)
    {
        var giveUpAt = DateTime.UtcNow + Patience;
        while (DateTime.UtcNow < giveUpAt)
        {
            if (fixture.Smtp.ReceivedFor(address).Count == 1)
            {
                return true;
            }

            if (moveClock)
            {
                fixture.Clock.Advance(TimeSpan.FromSeconds(5));
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50), _ct);
        }

        return false;
    }
}
