namespace CoproCommissioning.Web.Pages.Cycles.Monitoring.Outcomes;

/// <summary>
/// All that panel members said about one outcome in one period, a page at a time, with how many said something in each
/// of the other periods: the outcomes and review pages show the first few beside each chart and link here for the rest.
/// Who reads which words is <see cref="PanelSaid.Readable"/>'s rule, the same as beside the charts.
/// </summary>
[CyclePermission(CycleOperation.View)]
public sealed class SaidModel(CoproDbContext db, TimeProvider clock) : MonitoringPageModel
{
    public Guid OutcomeId { get; private set; }

    public string Statement { get; private set; } = "";

    public PeriodColumn Period { get; private set; } = null!;

    public PageOf<PanelWords> Said { get; private set; } = null!;

    /// <summary>The periods that have started, in order, each with how many panel members said something about the outcome.</summary>
    public IReadOnlyList<(PeriodColumn Period, int Said)> Periods { get; private set; } = [];

    /// <summary>Whether the member reads the words shared with the commissioning team only too.</summary>
    public bool SeesTeamOnly => CyclePermissions.Allows(Role, CycleOperation.ReadTeamOnlyInput);

    public async Task<IActionResult> OnGetAsync(Guid outcomeId, int periodNumber, int pageNumber = 1, CancellationToken ct = default)
    {
        if (await LoadCycleAsync(db, ct) is null)
        {
            return NotFound();
        }

        // The outcome's words and the periods' dates are all this page reads of the contract.
        var contract = await db.Monitorings.AsNoTracking()
            .Where(m => m.CycleId == CycleId)
            .Select(m => new
            {
                m.Id,
                Statement = m.Outcomes.Where(o => o.OutcomeId == outcomeId).Select(o => o.Statement).FirstOrDefault(),
                Periods = m.Periods.Select(p => new { p.Id, p.Number, p.StartsOn, p.EndsOn }).ToList(),
            })
            .SingleOrDefaultAsync(ct);
        var today = UkTime.Today(clock.GetUtcNow());
        var started = contract?.Periods.Where(p => today >= p.StartsOn).OrderBy(p => p.StartsOn)
            .Select(p => new PeriodColumn(p.Id, p.Number, p.StartsOn, p.EndsOn)).ToList() ?? [];
        if (contract?.Statement is not { } statement || started.SingleOrDefault(p => p.Number == periodNumber) is not { } period)
        {
            return NotFound();
        }

        OutcomeId = outcomeId;
        Statement = statement;
        Period = period;
        var viewer = new Viewer(UserId, Role, OrganisationId);
        var startedIds = started.Select(p => p.Id).ToList();
        var counts = await PanelSaid.Readable(db, contract.Id, startedIds, viewer)
            .Where(w => w.OutcomeId == outcomeId)
            .GroupBy(w => w.PeriodId)
            .Select(g => new { PeriodId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.PeriodId, g => g.Count, ct);
        Periods = [.. started.Select(p => (p, counts.GetValueOrDefault(p.Id)))];
        var page = await PanelSaid.Readable(db, contract.Id, [period.Id], viewer)
            .Where(w => w.OutcomeId == outcomeId)
            .InOrder()
            .ToPageAsync(pageNumber, ct, PanelSaid.PageSize);
        Said = page.With([.. page.Items.Select(w => w.ToWords(viewer))]);
        return Page();
    }

    public string OutcomesUrl => $"{MonitoringUrls.Outcomes(CycleId)}#outcome-{OutcomeId}";

    public string PageUrl(int pageNumber) => PanelSaid.Url(CycleId, OutcomeId, Period.Number, pageNumber);

    public string PeriodUrl(PeriodColumn period)
    {
        ArgumentNullException.ThrowIfNull(period);
        return PanelSaid.Url(CycleId, OutcomeId, period.Number);
    }
}
