using CoproCommissioning.Domain.Cycles;
using CoproCommissioning.Domain.Membership;
using CoproCommissioning.Domain.Tests.Builders;
using Microsoft.EntityFrameworkCore;

namespace CoproCommissioning.Web.Tests.Infrastructure;

/// <summary>Puts a cycle in a test database with real accounts (the demo ones) as its members.</summary>
public static class TestCycles
{
    public static async Task<CommissioningCycle> CreateAsync(DatabaseFixture fixture, params (string Email, CycleRole Role)[] members)
    {
        await using var scope = fixture.Db();
        var cycle = ACycle.New().Build();
        scope.Context.Cycles.Add(cycle);
        foreach (var (email, role) in members)
        {
            var userId = await scope.Context.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
            var membership = CycleMembership.Create(cycle.Id, userId, role,
                role == CycleRole.PanelMember ? Voice.LivedExperience : null, null, null, Moments.Now);
            scope.Context.Memberships.Add(Expect.Success(membership));
        }

        await scope.Context.SaveChangesAsync();
        return cycle;
    }
}
