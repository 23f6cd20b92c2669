using CoproCommissioning.Data.Outbox;
using CoproCommissioning.Web.Infrastructure.Email;
using CoproCommissioning.Web.Pages.Cycles.Members;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoproCommissioning.Web.Tests.Email;

/// <summary>
/// Invitation tokens are kept only as hashes, so that someone who reads the database can't use them. An email carrying
/// one must not keep it readable in the outbox once it has been sent.
/// </summary>
public sealed class OutboxSecretsTests(OutboxFixture fixture) : IClassFixture<OutboxFixture>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_sent_invitation_keeps_no_readable_one_time_link_in_the_outbox()
    {
        var link = $"http://localhost/invitations/accept?token={Guid.NewGuid():N}";
        Guid id;
        await using (var scope = fixture.Db())
        {
            id = scope.Context.Enqueue(new OutgoingEmail($"secret-{Guid.NewGuid():N}@example.org", "You are invited", $"Accept: {link}",
                $"<a href=\"{link}\">Accept</a>", InvitationEmail.Purpose, CarriesOneTimeLink: true), fixture.Clock.GetUtcNow()).Id;
            await scope.Context.SaveChangesAsync(_ct);
        }

        await using (var scope = fixture.Db())
        {
            await scope.Services.GetRequiredService<OutboxSender>().SendDueAsync(_ct);
        }

        await using (var scope = fixture.Db())
        {
            var row = await scope.Context.Outbox.AsNoTracking().SingleAsync(m => m.Id == id, _ct);
            Assert.Equal(OutboxStatus.Sent, row.Status);
            Assert.DoesNotContain(link, row.TextBody);
            Assert.DoesNotContain(link, row.HtmlBody ?? "");
        }
    }
}
