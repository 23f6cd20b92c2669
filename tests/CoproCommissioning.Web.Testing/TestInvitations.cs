using CoproCommissioning.Domain.Cycles;
using CoproCommissioning.Domain.Membership;
using CoproCommissioning.Domain.Testing;
using CoproCommissioning.Web.Pages.Invitations;

namespace CoproCommissioning.Web.Testing;

/// <summary>An invitation to a new cycle, straight into the database, and the token its emailed link would carry.</summary>
public static class TestInvitations
{
    public static async Task<(CommissioningCycle Cycle, string Token)> CreateAsync(DatabaseFixture fixture, string email)
    {
        var cycle = await TestCycles.CreateAsync(fixture);
        var (token, hash) = InvitationTokens.Create();
        await using var scope = fixture.Db();
        scope.Context.Invitations.Add(Expect.Success(
            Invitation.Create(cycle.Id, email, CycleRole.PanelMember, Voice.LivedExperience, null, hash, "commissioner-1", DateTimeOffset.UtcNow)));
        await scope.Context.SaveChangesAsync();
        return (cycle, token);
    }
}
