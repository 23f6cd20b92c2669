using CoproCommissioning.Data.Identity;
using CoproCommissioning.Data.Outbox;
using CoproCommissioning.Web.DemoData;
using CoproCommissioning.Web.Infrastructure.Accounts;
using CoproCommissioning.Web.Infrastructure.Email;
using CoproCommissioning.Web.Pages.Cycles.Members;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace CoproCommissioning.Web.Tests.Email;

/// <summary>
/// What the outbox keeps about a person and what it lets through: nothing for an account that was deleted, no header
/// made from someone's words, and no email refused because the words that make its subject are long.
/// </summary>
public sealed class OutboxPrivacyTests(OutboxFixture fixture) : IClassFixture<OutboxFixture>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Deleting_an_account_deletes_every_email_to_its_address_whether_waiting_failed_or_sent()
    {
        var address = $"leaving-{Guid.NewGuid():N}@example.org";
        var someoneElse = $"staying-{Guid.NewGuid():N}@example.org";
        string userId;
        Guid kept;
        await using (var scope = fixture.Db())
        {
            var user = new AppUser { UserName = address, Email = address, DisplayName = "Leaving" };
            Assert.True((await scope.Services.GetRequiredService<UserManager<AppUser>>().CreateAsync(user, DemoSeeder.Password)).Succeeded);
            userId = user.Id;
            var now = fixture.Clock.GetUtcNow();
            scope.Context.Enqueue(new OutgoingEmail(address, "Waiting", "Your input was answered: visits carry on.", null, "Test"), now);
            // An invitation keeps the address as the commissioner typed it.
            scope.Context.Enqueue(new OutgoingEmail(address.ToUpperInvariant(), "Invited", "Join the cycle.", null, "Test"), now);
            scope.Context.Enqueue(new OutgoingEmail(address, "Failed", "Refused for good.", null, "Test"), now).Failed("Refused", null);
            scope.Context.Enqueue(new OutgoingEmail(address, "Sent", "Went yesterday.", null, "Test"), now).Sent(now);
            kept = scope.Context.Enqueue(new OutgoingEmail(someoneElse, "Someone else's", "Not theirs.", null, "Test"), now).Id;
            await scope.Context.SaveChangesAsync(_ct);
        }

        await using (var scope = fixture.Db())
        {
            await scope.Services.GetRequiredService<AccountPseudonymiser>().PseudonymiseAsync(userId, _ct);
        }

        await using (var scope = fixture.Db())
        {
            var upper = address.ToUpperInvariant();
            Assert.False(await scope.Context.Outbox.AnyAsync(m => m.To.ToUpper() == upper, _ct));
            Assert.True(await scope.Context.Outbox.AnyAsync(m => m.Id == kept, _ct));
        }
    }

    [Fact]
    public async Task An_invitation_from_a_long_name_to_a_cycle_with_a_long_title_is_queued_with_its_subject_shortened()
    {
        var subject = InvitationEmail.Subject(new InvitationContext(new string('T', 200), new string('N', AppUser.DisplayNameMaxLength), "NHS Test ICB"));
        Assert.True(subject.Length > OutboxMessage.SubjectMaxLength);
        Guid id;
        await using (var scope = fixture.Db())
        {
            id = scope.Context.Enqueue(new OutgoingEmail($"long-{Guid.NewGuid():N}@example.org", subject, "Join.", null, InvitationEmail.Purpose),
                fixture.Clock.GetUtcNow()).Id;
            await scope.Context.SaveChangesAsync(_ct);
        }

        await using (var scope = fixture.Db())
        {
            var saved = await scope.Context.Outbox.AsNoTracking().SingleAsync(m => m.Id == id, _ct);
            Assert.Equal(OutboxMessage.SubjectMaxLength, saved.Subject.Length);
            Assert.StartsWith(subject[..100], saved.Subject, StringComparison.Ordinal);
            Assert.EndsWith("…", saved.Subject, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_line_break_in_a_subject_made_from_a_cycle_title_adds_no_header_and_no_recipient()
    {
        var email = new OutgoingEmail("title@example.org", "Crisis café\r\nBcc: hidden@example.org\r\nX-Injected: yes", "Body.", null, "Test");
        var built = MailDelivery.ToMimeMessage(new OutboxMessage(email, fixture.Clock.GetUtcNow()), new EmailOptions());

        // As it goes over the wire, read back as a receiving server would.
        using var wire = new MemoryStream();
        await built.WriteToAsync(wire, _ct);
        wire.Position = 0;
        var received = await MimeMessage.LoadAsync(wire, _ct);

        Assert.Empty(received.Bcc);
        Assert.Equal("title@example.org", Assert.Single(received.To.Mailboxes).Address);
        Assert.False(received.Headers.Contains("X-Injected"));
        Assert.StartsWith("Crisis café", received.Subject, StringComparison.Ordinal);
    }
}
