using System.Reflection;
using System.Text.RegularExpressions;
using CoproCommissioning.Domain.Cycles;

namespace CoproCommissioning.Web.Tests.Pages.Forms;

/// <summary>
/// Every text box whose answer the domain limits shows the NHS.UK character count, so people see the limit while they
/// type rather than after the domain refuses it. The test signs in as each demo role, follows every link it can reach
/// (one page for each kind of address) and checks every text input and textarea whose name has a domain limit
/// (a <c>…MaxLength</c> constant in the domain with the same name).
/// </summary>
public sealed partial class CharacterCountTests(CyclePagesFixture fixture) : IClassFixture<CyclePagesFixture>
{
    private const int MostPagesEachRole = 300;

    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;


    [Fact]
    public async Task Every_text_box_with_a_domain_limit_shows_the_character_count_on_every_page_each_role_reaches()
    {
        await fixture.CreateCycleAsync(c => c.ReadyToSignOff());
        var limited = typeof(CommissioningCycle).Assembly.GetTypes()
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static))
            .Where(f => f.IsLiteral && f.FieldType == typeof(int) && f.Name.EndsWith("MaxLength", StringComparison.Ordinal))
            .Select(f => f.Name == "MaxLength" ? f.DeclaringType!.Name : f.Name[..^"MaxLength".Length])
            .ToHashSet(StringComparer.Ordinal);

        List<string> missing = [];
        HashSet<string> checkedFields = [];
        HashSet<string> templates = [];
        foreach (var email in new[] { CyclePeople.CommissionerEmail, CyclePeople.ChampionEmail, CyclePeople.PanelEmail, CyclePeople.ProviderEmail, "admin@demo.copro.test" })
        {
            var client = await fixture.SignedInAsync(email);
            Queue<string> queue = new(["/", "/cycles", "/admin"]);
            HashSet<string> seen = [];
            int visited = 0;
            while (queue.Count > 0 && visited < MostPagesEachRole)
            {
                var url = queue.Dequeue();
                var template = Template(url);
                if (!seen.Add(template))
                {
                    continue;
                }

                var page = await client.GetAsync(url, _ct);
                visited++;
                if ((int)page.Status != 200)
                {
                    continue;
                }

                templates.Add(template);
                foreach (var field in page.Document.QuerySelectorAll("input, textarea"))
                {
                    var name = field.GetAttribute("name") ?? "";
                    var type = (field.GetAttribute("type") ?? "text").ToLowerInvariant();
                    var last = LastName().Match(name).Groups["last"].Value;
                    if (field.LocalName == "input" && type is not ("text" or "email" or "url" or "tel"))
                    {
                        continue;
                    }

                    if (!limited.Contains(last))
                    {
                        continue;
                    }

                    var key = $"{template} {Regex.Replace(name, @"\[\d+\]", "[n]")}";
                    checkedFields.Add(key);
                    var counted = field.Closest(".nhsuk-character-count[data-maxlength]") is not null
                        && field.ClassList.Contains("nhsuk-js-character-count")
                        && page.Document.GetElementById($"{field.Id}-info") is not null;
                    if (!counted && field.GetAttribute("maxlength") is null)
                    {
                        missing.Add(key);
                    }
                }

                foreach (var link in page.Document.QuerySelectorAll("a[href]").Select(a => a.GetAttribute("href")!))
                {
                    if (link.StartsWith('/') && !link.StartsWith("//", StringComparison.Ordinal) && !Skipped().IsMatch(link))
                    {
                        queue.Enqueue(link.Split('#')[0]);
                    }
                }
            }
        }

        // The walk must have reached the forms it is about, or it proves nothing.
        string[] reached =
        [
            "/cycles/new Form.Title",
            "/cycles/{id}/settings Form.Title",
            "/cycles/{id}/needs-assessment/evidence/add Form.Source",
            "/cycles/{id}/needs-assessment/inequalities/add Form.Description",
            "/cycles/{id}/specification/sections/{id} Form.Summary",
            "/admin/organisations/new Form.Name",
        ];
        Assert.True(reached.All(checkedFields.Contains), "Fields checked:\n" + string.Join('\n', checkedFields.Order()));
        Assert.True(missing.Count == 0, "Text boxes without the character count:\n" + string.Join('\n', missing.Distinct()));
    }

    // One page for each kind of address: ids and numbers stand for any, and stage names for any stage.
    private static string Template(string url)
    {
        var path = url.Split('?')[0];
        path = Guid().Replace(path, "{id}");
        path = Regex.Replace(path, @"/\d+(?=/|$)", "/{n}");
        return Regex.Replace(path, "/stages/[a-z-]+", "/stages/{stage}");
    }

    [GeneratedRegex(@"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", RegexOptions.IgnoreCase)]
    private static partial Regex Guid();

    [GeneratedRegex(@"(?<last>[A-Za-z]+)(\[[^\]]*\])?$")]
    private static partial Regex LastName();

    // Signing out, downloads and the demo's benchmark pages are not forms.
    [GeneratedRegex(@"sign-out|logout|\.csv|\.pdf|/export|/benchmark|/status/", RegexOptions.IgnoreCase)]
    private static partial Regex Skipped();
}
