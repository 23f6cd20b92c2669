using System.Net;
using Microsoft.EntityFrameworkCore;

namespace CoproCommissioning.Web.Tests.Authorization;

public sealed partial class AuthorizationMatrixTests
{
    /// <summary>
    /// R7 and issue 12: someone shown as "Panel member" can't be linked across pages or cycles by an id. An account id
    /// is the same everywhere, so no page may carry another person's: forms name people by their per-cycle member id.
    /// Every cycle page of every cycle each member belongs to (the demo cycles have sessions, decisions, specification
    /// versions and comments), with real child ids, as each member.
    /// </summary>
    [Fact]
    public async Task No_page_of_a_cycle_carries_another_persons_account_id()
    {
        List<(string Id, string Email)> accounts;
        await using (var scope = fixture.Db())
        {
            accounts = [.. (await scope.Context.Users.Select(u => new { u.Id, u.Email }).ToListAsync(_ct)).Select(u => (u.Id, u.Email ?? ""))];
        }

        List<string> wrong = [];
        var read = 0;
        foreach (var (email, _) in MemberAccounts)
        {
            var client = await SignedInAsync(email);
            var me = accounts.Single(a => a.Email == email).Id;
            var others = accounts.Where(a => a.Id != me).ToList();
            Guid[] cycles;
            await using (var scope = fixture.Db())
            {
                cycles = await scope.Context.Memberships.Where(m => m.UserId == me).Select(m => m.CycleId).ToArrayAsync(_ct);
            }

            foreach (var cycleId in cycles)
            {
                var childIds = await CycleSecrets.RealChildIdsAsync(fixture, [cycleId], _ct);
                foreach (var page in fixture.Pages.Where(p => p.IsCyclePage))
                {
                    var values = page.OtherParameters.Where(CycleSecrets.IsChildId)
                        .Select(p => (p, Kind: CycleSecrets.ChildKind(page.Route, p)))
                        .Where(p => childIds.ContainsKey(p.Kind))
                        .ToDictionary(p => p.p, p => childIds[p.Kind].ToString());
                    var response = await client.GetAsync(page.Url(cycleId, values), _ct);
                    if (response.Status != HttpStatusCode.OK)
                    {
                        continue;
                    }

                    read++;
                    wrong.AddRange(others.Where(o => response.Html.Contains(o.Id, StringComparison.OrdinalIgnoreCase))
                        .Select(o => $"{page.Route} in cycle {cycleId}, read by {email}, carries the account id of {o.Email}"));
                }
            }
        }

        Assert.True(read > 100, $"Only {read} pages were read.");
        Assert.True(wrong.Count == 0, string.Join(Environment.NewLine, wrong.Distinct()));
    }
}
