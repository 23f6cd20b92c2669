using System.Net;
using CoproCommissioning.Data.Outbox;
using CoproCommissioning.Domain.Cycles;
using CoproCommissioning.Domain.Membership;
using CoproCommissioning.Web.DemoData;
using CoproCommissioning.Web.Infrastructure.Email;
using CoproCommissioning.Web.Pages.Cycles.Members;
using CoproCommissioning.Web.Pages.Invitations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoproCommissioning.Web.Tests.Email;

/// <summary>An email is written with the change that causes it: a change that rolls back or fails sends nothing.</summary>
public sealed class OutboxTransactionTests(OutboxFixture fixture) : IClassFixture<OutboxFixture>
{
    private const string Commissioner = "commissioner@demo.copro.test";
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_invitation_rolled_back_with_its_transaction_leaves_no_email_and_none_is_sent_even_before_the_rollback()
    {
        var cycle = await TestCycles.CreateAsync(fixture, (Commissioner, CycleRole.Commissioner));
        var invitee = $"rolled-back-{Guid.NewGuid():N}@example.org";

        await using (var scope = fixture.Db())
        {
            await using var transaction = await scope.Context.Database.BeginTransactionAsync(_ct);
            await QueueInvitationAsync(scope, cycle.Id, invitee);
            await scope.Context.SaveChangesAsync(_ct);
            Assert.True(await scope.Context.Outbox.AnyAsync(m => m.To == invitee, _ct));
            // Another worker, meanwhile, sees nothing to send: the row is not committed.
            Assert.Equal(0, await SendDueAsync());
            await transaction.RollbackAsync(_ct);
        }

        Assert.Equal(0, await SendDueAsync());
        await using var check = fixture.Db();
        Assert.False(await check.Context.Outbox.AnyAsync(m => m.To == invitee, _ct));
        Assert.False(await check.Context.Invitations.AnyAsync(i => i.Email == invitee, _ct));
        Assert.Empty(fixture.Smtp.ReceivedFor(invitee));
    }

    [Fact]
    public async Task An_invitation_whose_save_fails_leaves_no_email_and_none_is_sent()
    {
        var invitee = $"failed-save-{Guid.NewGuid():N}@example.org";

        await using (var scope = fixture.Db())
        {
            // The invitation names a cycle that does not exist: the database refuses the save, email and all.
            var cycle = ACycleNotSaved();
            await QueueInvitationAsync(scope, cycle.Id, invitee, cycle);
            await Assert.ThrowsAsync<DbUpdateException>(() => scope.Context.SaveChangesAsync(_ct));
        }

        Assert.Equal(0, await SendDueAsync());
        await using var check = fixture.Db();
        Assert.False(await check.Context.Outbox.AnyAsync(m => m.To == invitee, _ct));
        Assert.Empty(fixture.Smtp.ReceivedFor(invitee));
    }

    [Fact]
    public async Task A_commissioners_invitation_is_saved_with_its_email_and_the_page_does_not_wait_for_it_to_be_sent()
    {
        var cycle = await TestCycles.CreateAsync(fixture, (Commissioner, CycleRole.Commissioner));
        var invitee = $"invited-{Guid.NewGuid():N}@example.org";
        var client = BrowserLikeClient.For(fixture.Factory);
        await client.SignInAsync(Commissioner, DemoSeeder.Password, _ct);

        var sent = await client.SubmitAsync($"/cycles/{cycle.Id}/members", new Dictionary<string, string>
        {
            ["Form.Email"] = invitee,
            ["Form.Role"] = nameof(CycleRole.Observer),
        }, "form[action*=Invite]", _ct);

        Assert.Equal(HttpStatusCode.Redirect, sent.Status);
        Assert.Empty(fixture.Smtp.ReceivedFor(invitee));
        await using (var scope = fixture.Db())
        {
            var invitation = await scope.Context.Invitations.SingleAsync(i => i.Email == invitee, _ct);
            var email = await scope.Context.Outbox.SingleAsync(m => m.To == invitee, _ct);
            Assert.Equal(OutboxStatus.Waiting, email.Status);
            Assert.Equal(InvitationEmail.Purpose, email.Purpose);
            Assert.Equal(invitation.CreatedAt, email.CreatedAt);
        }

        Assert.Equal(1, await SendDueAsync());
        Assert.Single(fixture.Smtp.ReceivedFor(invitee));
        // Its one-time link went to the invitee and is not kept readable once sent (invitation tokens are stored as hashes).
        await using (var scope = fixture.Db())
        {
            var kept = await scope.Context.Outbox.AsNoTracking().SingleAsync(m => m.To == invitee, _ct);
            Assert.Equal((OutboxStatus.Sent, true, "", (string?)null), (kept.Status, kept.ForgetTextWhenSent, kept.TextBody, kept.HtmlBody));
        }
    }

    private async Task QueueInvitationAsync(DatabaseFixture.DbScope scope, Guid cycleId, string invitee, CommissioningCycle? unsaved = null)
    {
        var now = fixture.Clock.GetUtcNow();
        var commissionerId = await scope.Context.Users.Where(u => u.Email == Commissioner).Select(u => u.Id).SingleAsync(_ct);
        var (token, hash) = InvitationTokens.Create();
        var invitation = Domain.Testing.Expect.Success(
            Invitation.Create(cycleId, invitee, CycleRole.Observer, null, null, hash, commissionerId, now));
        scope.Context.Invitations.Add(invitation);
        var context = unsaved is null
            ? await InvitationSender.ContextAsync(scope.Context, cycleId, commissionerId, _ct)
            : await InvitationSender.ContextAsync(scope.Context, unsaved, commissionerId, _ct);
        scope.Services.GetRequiredService<InvitationSender>().Queue(invitation, token, context, now);
    }

    private static CommissioningCycle ACycleNotSaved() => Domain.Testing.ACycle.New().Build();

    private async Task<int> SendDueAsync()
    {
        await using var scope = fixture.Db();
        return await scope.Services.GetRequiredService<OutboxSender>().SendDueAsync(_ct);
    }
}
