using CoproCommissioning.Domain.Organisations;
using CoproCommissioning.Web.Infrastructure.Benchmarking;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace CoproCommissioning.Web.Pages.Benchmark;

/// <summary>
/// The benchmark's ceiling: one small query rendered through the same layout and middleware as every page, for a
/// signed-in person, like TechEmpower's Fortunes test. scripts/bench.sh reports each page's throughput as a share of
/// this page's in the same run. Unless Benchmark:Enabled is on it answers 404, as an address that does not exist.
/// </summary>
[Authorize]
public sealed class CeilingModel(CoproDbContext db, IOptions<BenchmarkOptions> options) : PageModel
{
    public const int Shown = 10;

    public IReadOnlyList<Row> Organisations { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!options.Value.Enabled)
        {
            return NotFound();
        }

        Organisations = await db.Organisations.AsNoTracking()
            .OrderBy(o => o.Name)
            .Take(Shown)
            .Select(o => new Row(o.Name, o.Kind))
            .ToListAsync(ct);
        return Page();
    }

    public sealed record Row(string Name, OrganisationKind Kind);
}
