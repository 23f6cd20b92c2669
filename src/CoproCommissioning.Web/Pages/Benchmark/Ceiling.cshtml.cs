using CoproCommissioning.Domain.Organisations;

namespace CoproCommissioning.Web.Pages.Benchmark;

/// <summary>
/// The benchmark's ceiling: one small query rendered through the same layout and middleware as every page, for a
/// signed-in person, like TechEmpower's Fortunes test. scripts/bench.sh reports each page's throughput as a share of
/// this page's in the same run. It has no route unless Benchmark:Enabled is on (BenchmarkSetup).
/// </summary>
public sealed class CeilingModel(CoproDbContext db) : PageModel
{
    public const int Shown = 10;

    public IReadOnlyList<Row> Organisations { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) =>
        Organisations = await db.Organisations.AsNoTracking()
            .OrderBy(o => o.Name)
            .Take(Shown)
            .Select(o => new Row(o.Name, o.Kind))
            .ToListAsync(ct);

    public sealed record Row(string Name, OrganisationKind Kind);
}
