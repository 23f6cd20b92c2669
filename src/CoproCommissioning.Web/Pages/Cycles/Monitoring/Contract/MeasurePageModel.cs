using CoproCommissioning.Domain.Monitoring;

namespace CoproCommissioning.Web.Pages.Cycles.Monitoring.Contract;

/// <summary>
/// What adding and changing a KPI or one of the commissioner's commitments share: the form, reading its target, and
/// saving with the contract's and the cycle's version checks (R8). A KPI is the providers' to report; a commitment is
/// the commissioner's own, recorded on each period's page.
/// </summary>
[CyclePermission(CycleOperation.ManageCycle)]
public abstract class MeasurePageModel(CoproDbContext db, TimeProvider clock) : MonitoringPageModel
{
    [BindProperty]
    public MeasureForm Form { get; set; } = new();

    public KpiOwner Owner { get; protected set; }

    /// <summary>"KPI" or "commitment", as the page's words need it.</summary>
    public string Noun => Owner == KpiOwner.Provider ? "KPI" : "commitment";

    public bool HasContract { get; protected set; }

    protected CoproDbContext Db => db;

    protected TimeProvider Clock => clock;

    /// <summary>
    /// Loads the contract for a change, applies <paramref name="change"/> (given the target as read, null when it could
    /// not be) and saves; on a refusal or a clash the page shows again with what was typed, and after a clash with the
    /// contract's version as it is now. Returns null when the change was saved.
    /// </summary>
    protected async Task<IActionResult?> ChangeAsync(
        Func<CycleMonitoring, CommissioningCycle, decimal?, DateTimeOffset, DomainOutcome> change, CancellationToken ct)
    {
        var cycle = await LoadCycleAsync(db, ct);
        if (cycle is null)
        {
            return NotFound();
        }

        var monitoring = await LoadMonitoringAsync(db, forChange: true, ct);
        HasContract = monitoring is not null;
        if (monitoring is null)
        {
            return Page();
        }

        db.Entry(monitoring).Property(m => m.Version).OriginalValue = Form.Version;
        var (target, read) = ContractLabels.ReadNumber(Form.Target);
        if (!read)
        {
            // Not a number at all: the measure's own rule for its target, which it could not be asked about.
            ModelState.AddErrors([new Refusal(MonitoringRules.KpiTargetRequired)], nameof(Form));
        }

        var now = clock.GetUtcNow();
        ModelState.AddErrors(change(monitoring, cycle, target, now), nameof(Form));
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var saved = await SaveIntoStageAsync(db, cycle, now, ct);
        if (saved.Status == SaveStatus.Conflict)
        {
            ModelState.AddConcurrencyError();
            var latest = await LoadMonitoringAsync(db, forChange: false, ct);
            Form = Form with { Version = latest?.Version ?? Form.Version };
        }

        return saved.Succeeded ? null : Page();
    }
}

/// <summary>A KPI or a commitment as typed; property names are the domain's fields. The target is kept as typed.</summary>
public sealed record MeasureForm
{
    public string Name { get; init; } = "";

    public string Definition { get; init; } = "";

    public string Target { get; init; } = "";

    public string Unit { get; init; } = "";

    public KpiDirection? Direction { get; init; }

    public ReportingFrequency? Frequency { get; init; }

    public string DataSource { get; init; } = "";

    /// <summary>The contract's version when the page was shown (PostgreSQL xmin).</summary>
    public uint Version { get; init; }

    public KpiDraft ToDraft(decimal? target) => new(Name, Definition, target, Unit, Direction, Frequency, DataSource);

    public static MeasureForm From(Kpi kpi, uint version)
    {
        ArgumentNullException.ThrowIfNull(kpi);
        return new()
        {
            Name = kpi.Name,
            Definition = kpi.Definition,
            Target = ContractLabels.Typed(kpi.Target),
            Unit = kpi.Unit,
            Direction = kpi.Direction,
            Frequency = kpi.Frequency,
            DataSource = kpi.DataSource,
            Version = version,
        };
    }
}
