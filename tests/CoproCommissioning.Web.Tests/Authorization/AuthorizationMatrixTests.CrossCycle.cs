using System.Net;
using CoproCommissioning.Domain.Cycles;
using CoproCommissioning.Domain.Membership;
using CoproCommissioning.Domain.Testing;
using CoproCommissioning.Web.Pages.Invitations;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CoproCommissioning.Web.Tests.Authorization;

/// <summary>
/// Cross-cycle attacks: a commissioner of their own cycle names another cycle in the form or query string of
/// their own cycle's pages, and a member of two cycles puts a real child of one under the other's address.
/// </summary>
public sealed partial class AuthorizationMatrixTests
{
    [Fact]
    public async Task Every_handler_parameter_and_bound_property_named_like_a_route_value_binds_from_the_route_only()
    {
        var loader = fixture.Factory.Services.GetRequiredService<PageLoader>();
        var endpoints = fixture.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>();
        List<string> wrong = [];
        List<string> checkedNames = [];
        foreach (var endpoint in endpoints)
        {
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is not { } descriptor)
            {
                continue;
            }

            var routeValues = endpoint.RoutePattern.Parameters.Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
            var compiled = await loader.LoadAsync(descriptor, endpoint.Metadata);
            var bound = compiled.HandlerMethods.SelectMany(h => h.Parameters.Select(p => (Where: $"{h.Name ?? h.HttpMethod} handler parameter", p.Name, p.BindingInfo)))
                .Concat(compiled.BoundProperties.Select(p => (Where: "bound property", p.Name, p.BindingInfo)));
            foreach (var (where, name, binding) in bound.Where(b => routeValues.Contains(b.Name)))
            {
                checkedNames.Add($"{endpoint.RoutePattern.RawText} {name}");
                if (binding?.BindingSource != BindingSource.Path)
                {
                    wrong.Add($"{endpoint.RoutePattern.RawText}: {where} '{name}' can also be bound from the form or query");
                }
            }
        }

        Assert.Contains(checkedNames, n => n.EndsWith("/members cycleId", StringComparison.Ordinal));
        Assert.True(wrong.Count == 0, string.Join(Environment.NewLine, wrong));
    }

    [Fact]
    public async Task Every_bound_form_binds_from_the_posted_body_under_its_own_name_only()
    {
        var loader = fixture.Factory.Services.GetRequiredService<PageLoader>();
        var endpoints = fixture.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>();
        List<string> wrong = [];
        var forms = 0;
        foreach (var endpoint in endpoints)
        {
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is not { } descriptor)
            {
                continue;
            }

            var compiled = await loader.LoadAsync(descriptor, endpoint.Metadata);
            foreach (var property in compiled.BoundProperties.Where(p => !endpoint.RoutePattern.Parameters.Any(r => string.Equals(r.Name, p.Name, StringComparison.OrdinalIgnoreCase))))
            {
                forms++;
                if (property.BindingInfo?.BindingSource != BindingSource.Form || property.BindingInfo.BinderModelName != property.Name)
                {
                    wrong.Add($"{endpoint.RoutePattern.RawText}: {property.Name} can be bound from the query string or from fields without its prefix");
                }
            }
        }

        Assert.True(forms > 20, $"Only {forms} bound forms were found.");
        Assert.True(wrong.Count == 0, string.Join(Environment.NewLine, wrong));
    }

    [Fact]
    public async Task A_commissioner_of_one_cycle_cannot_act_on_or_read_another_by_naming_it_in_the_form_or_query()
    {
        var client = await SignedInAsync(AuthorizationMatrixFixture.Outsider);
        var secrets = fixture.Secrets;
        var before = await CycleSecrets.FingerprintAsync(fixture, fixture.Cycle.Id, _ct);
        var otherCycle = fixture.Cycle.Id.ToString();
        // Everything a handler of any cycle page might bind, pointed at the other cycle; valid where it can be, so
        // that a handler which did bind it would succeed (an invitation as commissioner, a withdrawal).
        var fields = new Dictionary<string, string>
        {
            [CycleSecrets.CycleIdField] = otherCycle,
            ["invitationId"] = secrets.InvitationId.ToString(),
            ["Form.Email"] = $"attacker-{Guid.NewGuid():N}@example.org",
            ["Form.Role"] = nameof(CycleRole.Commissioner),
        };
        List<string> wrong = [];
        var posts = 0;
        foreach (var page in fixture.Pages.Where(p => p.IsCyclePage))
        {
            var url = page.Url(fixture.OutsiderCycle.Id);
            var get = await client.GetAsync(WithQuery(url, otherCycle), _ct);
            wrong.AddRange(secrets.ShownOn(get).Select(s => $"GET {page.Route}?cycleId=B shows {s}"));
            foreach (var handler in page.PostHandlers)
            {
                var post = await client.PostCraftedAsync(WithQuery(handler.Url(url), otherCycle), fields, "/Identity/Account/Manage", _ct);
                posts++;
                wrong.AddRange(secrets.ShownOn(post).Select(s => $"POST {page.Route} {handler.Name} with cycleId=B shows {s}"));
            }
        }

        var after = await CycleSecrets.FingerprintAsync(fixture, fixture.Cycle.Id, _ct);
        Assert.True(posts > 10, $"Only {posts} handlers were tried.");
        Assert.True(wrong.Count == 0, string.Join(Environment.NewLine, wrong));
        Assert.Equal(before, after);
    }

    [Fact]
    public async Task A_member_of_two_cycles_gets_not_found_for_a_real_child_of_one_under_the_address_of_the_other()
    {
        // Each page is tried by a member of both cycles whose role may use it, so the answer is about the child.
        var clients = new Dictionary<string, (BrowserLikeClient Client, IReadOnlyDictionary<string, Guid> ChildIds)>();
        List<string> wrong = [];
        var tried = 0;
        foreach (var page in fixture.Pages.Where(p => p.IsCyclePage && p.OtherParameters.Any(CycleSecrets.IsChildId)))
        {
            foreach (var (method, handler, operation) in page.PostHandlers.Select(h => ("POST", (HandlerUnderTest?)h, (h.Permission ?? page.CyclePermission!).Operation))
                .Prepend(("GET", null, page.CyclePermission!.Operation)))
            {
                var member = MemberAccounts.First(m => CyclePermissions.Allows(m.Role, operation)).Email;
                if (!clients.TryGetValue(member, out var signedIn))
                {
                    signedIn = (await SignedInAsync(member), await CycleSecrets.RealChildIdsOutsideAsync(fixture, fixture.Cycle.Id, member, _ct));
                    clients[member] = signedIn;
                }

                var values = new Dictionary<string, string>();
                foreach (var parameter in page.OtherParameters.Where(CycleSecrets.IsChildId))
                {
                    var kind = CycleSecrets.ChildKind(page.Route, parameter);
                    if (signedIn.ChildIds.TryGetValue(kind, out var id))
                    {
                        values[parameter] = id.ToString();
                    }
                    else
                    {
                        wrong.Add($"{page.Route}: the demo data has no {kind} in another cycle of {member}");
                    }
                }

                var url = page.Url(fixture.Cycle.Id, values);
                var response = handler is null
                    ? await signedIn.Client.GetAsync(url, _ct)
                    : await signedIn.Client.PostCraftedAsync(handler.Url(url), new Dictionary<string, string>(), "/Identity/Account/Manage", _ct);
                tried++;
                Check(wrong, $"{method} {page.Route} {handler?.Name} as {member}", response.Status, HttpStatusCode.NotFound);
            }
        }

        Assert.True(tried > 20, $"Only {tried} requests with a child id were tried.");
        Assert.True(wrong.Count == 0, string.Join(Environment.NewLine, wrong));
    }

    private static string WithQuery(string url, string otherCycle) =>
        $"{url}{(url.Contains('?', StringComparison.Ordinal) ? '&' : '?')}{CycleSecrets.CycleIdField}={otherCycle}";
}

/// <summary>Things planted in a cycle that no one outside it may see, and a way to tell whether the cycle changed.</summary>
public sealed record CycleSecrets(string Title, string MemberName, string AccessNeeds, Guid InvitationId, string InvitationEmail)
{
    public const string CycleIdField = "cycleId";

    /// <summary>Route parameters that name something inside a cycle (versions are numbered per cycle: not an id).</summary>
    public static bool IsChildId(string parameter) => parameter.EndsWith("Id", StringComparison.Ordinal);

    /// <summary>What a child id names: a section and an outcome share the parameter name partId.</summary>
    public static string ChildKind(string route, string parameter) => parameter switch
    {
        "partId" when route.Contains("/outcomes/", StringComparison.Ordinal) => "outcomeId",
        "partId" => "sectionId",
        _ => parameter,
    };

    public static async Task<CycleSecrets> PlantAsync(DatabaseFixture fixture, Guid cycleId)
    {
        await using var scope = fixture.Db();
        var db = scope.Context;
        var title = $"Secret cycle {Guid.NewGuid():N}";
        await db.Database.ExecuteSqlAsync($"update commissioning_cycles set title = {title} where id = {cycleId}");

        var champion = await db.Users.SingleAsync(u => u.Email == "champion@demo.copro.test");
        var accessNeeds = $"Secret access need {Guid.NewGuid():N}";
        champion.AccessNeeds = accessNeeds;

        var email = $"invited-{Guid.NewGuid():N}@example.org";
        var invitation = Expect.Success(Invitation.Create(cycleId, email, CycleRole.PanelMember, Voice.LivedExperience, null,
            InvitationTokens.Create().Hash, champion.Id, DateTimeOffset.UtcNow));
        db.Invitations.Add(invitation);
        await db.SaveChangesAsync();
        return new CycleSecrets(title, champion.NameShownToOthers, accessNeeds, invitation.Id, email);
    }

    /// <summary>Which of the secrets this page shows.</summary>
    public IEnumerable<string> ShownOn(BrowserLikeClient.Page page) =>
        new[] { ("the title", Title), ("a member's name", MemberName), ("access needs", AccessNeeds), ("an invitation", InvitationEmail) }
            .Where(s => page.Html.Contains(s.Item2, StringComparison.Ordinal))
            .Select(s => s.Item1);

    /// <summary>
    /// Every row of the cycle and of what it owns (found by column name, so new tables are covered), with the
    /// transaction that last wrote it: any insert, update or delete changes the result.
    /// </summary>
    public static async Task<string> FingerprintAsync(DatabaseFixture fixture, Guid cycleId, CancellationToken ct)
    {
        var owners = new Dictionary<string, string>
        {
            ["cycle_id"] = "@cycle",
            ["stage_id"] = "select id from stages where cycle_id = @cycle",
            ["specification_id"] = "select id from specifications where cycle_id = @cycle",
            ["specification_version_id"] = "select v.id from specification_versions v join specifications s on s.id = v.specification_id where s.cycle_id = @cycle",
            ["contribution_id"] = "select c.id from contributions c join stages s on s.id = c.stage_id where s.cycle_id = @cycle",
            ["decision_id"] = "select d.id from decisions d join stages s on s.id = d.stage_id where s.cycle_id = @cycle",
        };
        await using var connection = new NpgsqlConnection(fixture.ConnectionString);
        await connection.OpenAsync(ct);
        List<(string Table, string Column)> columns = [];
        await using (var command = new NpgsqlCommand(
            "select table_name, column_name from information_schema.columns where table_schema = 'public' and column_name = any(@names) order by 1, 2",
            connection))
        {
            command.Parameters.AddWithValue("names", owners.Keys.ToArray());
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                columns.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        var parts = columns.Select(c => c.Column == "cycle_id"
                ? $"select '{c.Table}:' || count(*) || ':' || coalesce(string_agg(xmin::text, ',' order by xmin::text), '') from \"{c.Table}\" where cycle_id = @cycle"
                : $"select '{c.Table}.{c.Column}:' || count(*) || ':' || coalesce(string_agg(xmin::text, ',' order by xmin::text), '') from \"{c.Table}\" where {c.Column} in ({owners[c.Column]})")
            .Append("select 'cycle:' || xmin::text || title from commissioning_cycles where id = @cycle");
        await using var fingerprint = new NpgsqlCommand(string.Join(" union all ", parts), connection);
        fingerprint.Parameters.AddWithValue("cycle", cycleId);
        List<string> lines = [];
        await using (var reader = await fingerprint.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                lines.Add(reader.GetString(0));
            }
        }

        lines.Sort(StringComparer.Ordinal);
        return string.Join(Environment.NewLine, lines);
    }

    /// <summary>One real id of each kind of child, from cycles other than <paramref name="except"/> that the person is a member of.</summary>
    public static async Task<IReadOnlyDictionary<string, Guid>> RealChildIdsOutsideAsync(DatabaseFixture fixture, Guid except,
        string memberEmail, CancellationToken ct)
    {
        await using var scope = fixture.Db();
        var userId = await scope.Context.Users.Where(u => u.Email == memberEmail).Select(u => u.Id).SingleAsync(ct);
        var cycles = await scope.Context.Memberships.Where(m => m.UserId == userId && m.CycleId != except)
            .Select(m => m.CycleId).ToArrayAsync(ct);
        return await RealChildIdsAsync(fixture, cycles, ct);
    }

    /// <summary>One real id of each kind of child found in any of <paramref name="cycles"/>.</summary>
    public static async Task<IReadOnlyDictionary<string, Guid>> RealChildIdsAsync(DatabaseFixture fixture, Guid[] cycles, CancellationToken ct)
    {
        const string stageOf = "join stages s on s.id = x.stage_id where s.cycle_id = any(@cycles)";
        const string versionOf = "join specification_versions v on v.id = x.specification_version_id join specifications sp on sp.id = v.specification_id where sp.cycle_id = any(@cycles)";
        var queries = new Dictionary<string, string>
        {
            ["needId"] = "select x.id from identified_needs x where x.cycle_id = any(@cycles)",
            ["groupId"] = "select x.id from inequality_groups x where x.cycle_id = any(@cycles)",
            ["evidenceId"] = "select x.id from evidence_items x where x.cycle_id = any(@cycles)",
            ["sessionId"] = "select x.id from co_design_sessions x where x.cycle_id = any(@cycles)",
            ["proposalId"] = "select x.id from provider_proposals x where x.cycle_id = any(@cycles)",
            ["termId"] = "select x.id from glossary_terms x where x.cycle_id = any(@cycles)",
            ["decisionId"] = $"select x.id from decisions x {stageOf}",
            ["contributionId"] = $"select x.id from contributions x {stageOf}",
            ["sectionId"] = $"select x.section_id from specification_sections x {versionOf}",
            ["outcomeId"] = $"select x.outcome_id from specification_outcomes x {versionOf}",
            ["evaluatorId"] = "select x.id from procurement_evaluators x join procurements p on p.id = x.procurement_id where p.cycle_id = any(@cycles)",
            ["criterionId"] = "select x.id from procurement_criteria x join procurements p on p.id = x.procurement_id where p.cycle_id = any(@cycles)",
            ["bidId"] = "select x.id from procurement_bids x where x.cycle_id = any(@cycles)",
            ["reviewId"] = "select x.id from monitoring_reviews x join monitoring_contracts m on m.id = x.monitoring_id where m.cycle_id = any(@cycles)",
        };
        await using var connection = new NpgsqlConnection(fixture.ConnectionString);
        await connection.OpenAsync(ct);
        var ids = new Dictionary<string, Guid>();
        foreach (var (kind, sql) in queries)
        {
            await using var command = new NpgsqlCommand(sql + " limit 1", connection);
            command.Parameters.AddWithValue("cycles", cycles);
            if (await command.ExecuteScalarAsync(ct) is Guid id)
            {
                ids[kind] = id;
            }
        }

        return ids;
    }
}
