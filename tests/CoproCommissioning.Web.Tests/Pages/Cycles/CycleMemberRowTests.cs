using CoproCommissioning.Data.Identity;
using CoproCommissioning.Domain.Cycles;
using CoproCommissioning.Domain.Membership;
using CoproCommissioning.Domain.Testing;
using CoproCommissioning.Web.Pages.Cycles;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace CoproCommissioning.Web.Tests.Pages.Cycles;

/// <summary>How people are named on forms that choose members (R7): pseudonyms numbered without giving anyone away.</summary>
public sealed class CycleMemberRowTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Panel_members_shown_as_Panel_member_are_numbered_in_the_order_they_joined_not_by_their_names()
    {
        var cycle = ACycle.New().Build();
        string viewer, zoe, adam, yusuf;
        await using (var scope = fixture.Db())
        {
            scope.Context.Cycles.Add(cycle);
            viewer = await AccountAsync(scope, "Cora Commissioner", showAsPanelMember: false);
            zoe = await AccountAsync(scope, "Zoe Zephaniah", showAsPanelMember: true);
            adam = await AccountAsync(scope, "Adam Abbott", showAsPanelMember: true);
            yusuf = await AccountAsync(scope, "Yusuf Young", showAsPanelMember: true);
            var joined = Moments.Now;
            foreach (var (userId, role, days) in new[]
                     {
                         (viewer, CycleRole.Commissioner, 0), (zoe, CycleRole.PanelMember, 1), (adam, CycleRole.PanelMember, 2), (yusuf, CycleRole.PanelMember, 3),
                     })
            {
                scope.Context.Memberships.Add(Expect.Success(CycleMembership.Create(cycle.Id, userId, role,
                    role == CycleRole.PanelMember ? Voice.LivedExperience : null, null, null, joined.AddDays(days))));
            }

            await scope.Context.SaveChangesAsync(_ct);
        }

        IReadOnlyList<CycleMemberRow> members;
        await using (var scope = fixture.Db())
        {
            members = await CycleMemberRow.LoadAsync(scope.Context, cycle.Id, viewer, _ct);
        }

        Assert.Equal(
            [("Panel member 1", zoe), ("Panel member 2", adam), ("Panel member 3", yusuf)],
            members.Where(m => m.Role == CycleRole.PanelMember).OrderBy(m => m.Name, StringComparer.Ordinal).Select(m => (m.Name, m.UserId)));
        Assert.Equal("Cora Commissioner (you)", members.Single(m => m.UserId == viewer).Name);
        Assert.Equal(4, members.Select(m => m.MemberId).Distinct().Count());
    }

    private static async Task<string> AccountAsync(DatabaseFixture.DbScope scope, string name, bool showAsPanelMember)
    {
        var email = $"{Guid.NewGuid():N}@example.org";
        var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name, ShowAsPanelMember = showAsPanelMember };
        Assert.True((await scope.Services.GetRequiredService<UserManager<AppUser>>().CreateAsync(user)).Succeeded);
        return user.Id;
    }
}
