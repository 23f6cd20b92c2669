using CoproCommissioning.Domain.Cycles;
using CoproCommissioning.Domain.Membership;
using CoproCommissioning.Domain.Organisations;
using CoproCommissioning.Domain.Testing;
using Microsoft.EntityFrameworkCore;

namespace CoproCommissioning.Web.Testing;

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
            var user = await scope.Context.Users.SingleAsync(u => u.Email == email);
            if (role == CycleRole.Provider && user.OrganisationId is null)
            {
                var organisation = new Organisation($"Provider organisation {Guid.NewGuid():N}", OrganisationKind.VoluntaryOrCommunityOrganisation);
                scope.Context.Organisations.Add(organisation);
                user.OrganisationId = organisation.Id;
            }

            var membership = CycleMembership.Create(cycle.Id, user.Id, role,
                role == CycleRole.PanelMember ? Voice.LivedExperience : null,
                role == CycleRole.Provider ? user.OrganisationId : null, null, Moments.Now);
            scope.Context.Memberships.Add(Expect.Success(membership));
        }

        await scope.Context.SaveChangesAsync();
        return cycle;
    }
}
