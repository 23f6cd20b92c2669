namespace CoproCommissioning.Web.Infrastructure.Benchmarking;

/// <summary>
/// The "Benchmark" settings section: scripts/bench.sh turns it on to measure the app (docs/benchmarks.md,
/// docs/decisions/0014-benchmark-ceiling-page-and-sql-counters.md). Off, nothing of it exists: no ceiling page, no counters.
/// </summary>
public sealed class BenchmarkOptions
{
    public const string Section = "Benchmark";

    /// <summary>Adds the ceiling page (<c>/benchmark/ceiling</c>) and the per-request SQL counters.</summary>
    public bool Enabled { get; set; }

    /// <summary>
    /// Outside Development and the test host, <see cref="Enabled"/> is refused unless this says the install is not a live
    /// one: the counters tell whoever asks how many rows a page read, team-only input included (R7).
    /// </summary>
    public bool NotALiveInstall { get; set; }
}
