using CoproCommissioning.Domain.Monitoring;

namespace CoproCommissioning.Web.Pages.Cycles.Monitoring.Contract;

/// <summary>
/// A commissioner makes the contract from the procurement's award (value, dates, extension options, how often the
/// providers report and, when the award names several providers outside an alliance, which of them leads), and later
/// changes its terms: its value, its end (an extension or a variation) and the extension options.
/// </summary>
[CyclePermission(CycleOperation.ManageCycle)]
public sealed class IndexModel(CoproDbContext db, TimeProvider clock, ILogger<IndexModel> logger) : MonitoringPageModel
{
    [BindProperty]
    public ContractForm Form { get; set; } = new();

    /// <summary>The contract once made: the page changes its terms.</summary>
    public CycleMonitoring? Monitoring { get; private set; }

    /// <summary>Before the contract: what stops it being made whatever is typed, in the contract's words.</summary>
    public IReadOnlyList<Refusal> WhyNot { get; private set; } = [];

    /// <summary>The providers the award names, by name, to choose the lead from when there are several outside an alliance.</summary>
    public IReadOnlyList<Choice> Leads { get; private set; } = [];

    public IReadOnlyList<string> AwardedTo { get; private set; } = [];

    public bool IsAlliance { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var cycle = await LoadCycleAsync(db, ct);
        if (cycle is null)
        {
            return NotFound();
        }

        Monitoring = await LoadMonitoringAsync(db, forChange: false, ct);
        if (Monitoring is not null)
        {
            Form = ContractForm.From(Monitoring);
            return Page();
        }

        await ShowAwardAsync(cycle, await ContractAward.LoadAsync(db, CycleId, ct), ct);
        return Page();
    }

    [CyclePermission(CycleOperation.ManageCycle)]
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var cycle = await LoadCycleAsync(db, ct);
        if (cycle is null)
        {
            return NotFound();
        }

        var value = ReadValue();
        var startsOn = ReadDate(Form.StartsOn, nameof(ContractForm.StartsOn));
        var endsOn = ReadDate(Form.EndsOn, nameof(ContractForm.EndsOn));
        var now = clock.GetUtcNow();
        var monitoring = await LoadMonitoringAsync(db, forChange: true, ct);
        ContractAward? award = null;
        DomainOutcome outcome;
        if (monitoring is null)
        {
            award = await ContractAward.LoadAsync(db, CycleId, ct);
            var lead = award.NeedsLead ? Form.LeadOrganisationId : null;
            var started = CycleMonitoring.Start(cycle, award.Procurement, award.Specification,
                new ContractDraft(value, startsOn, endsOn, Form.ExtensionOptions, lead, Form.Frequency), cycleHasContract: false, UserId, Role, now);
            outcome = started;
            if (started.Succeeded)
            {
                monitoring = started.Value;
                db.Monitorings.Add(monitoring);
            }
        }
        else
        {
            db.Entry(monitoring).Property(m => m.Version).OriginalValue = Form.Version;
            outcome = monitoring.ChangeTerms(cycle, new ContractTerms(value, endsOn, Form.ExtensionOptions), UserId, Role, now);
        }

        ModelState.AddErrors(outcome, nameof(Form));
        var conflict = false;
        if (ModelState.IsValid)
        {
            var saved = await SaveIntoStageAsync(db, cycle, now, ct);
            if (saved.Succeeded)
            {
                logger.LogInformation("Contract {MonitoringId} of cycle {CycleId} saved", monitoring!.Id, CycleId);
                TempData.SetSuccess(award is null
                    ? "The contract's terms are saved."
                    : "The contract is made. Next, add its KPIs and your commitments.");
                return Redirect(MonitoringUrls.Overview(CycleId));
            }

            conflict = saved.Status == SaveStatus.Conflict;
            if (conflict)
            {
                ModelState.AddConcurrencyError();
            }
        }

        db.ChangeTracker.Clear();
        await ShowAgainAsync(cycle, award, conflict, ct);
        return Page();
    }

    /// <summary>
    /// The page again with what was typed. After a clash the form carries the contract's version as it is now, with the
    /// other person's terms shown beside it, so saving again is a choice made knowing them (R8).
    /// </summary>
    private async Task ShowAgainAsync(CommissioningCycle cycle, ContractAward? award, bool conflict, CancellationToken ct)
    {
        Monitoring = await LoadMonitoringAsync(db, forChange: false, ct);
        if (Monitoring is not null)
        {
            if (conflict)
            {
                Form = Form with { Version = Monitoring.Version };
            }

            return;
        }

        await ShowAwardAsync(cycle, award ?? await ContractAward.LoadAsync(db, CycleId, ct), ct);
    }

    private async Task ShowAwardAsync(CommissioningCycle cycle, ContractAward award, CancellationToken ct)
    {
        WhyNot = award.WhyNot(cycle, UserId, Role, clock.GetUtcNow());
        IsAlliance = award.IsAlliance;
        var awarded = award.AwardedOrganisationIds;
        var names = await db.Organisations.AsNoTracking().Where(o => awarded.Contains(o.Id)).OrderBy(o => o.Name)
            .Select(o => new { o.Id, o.Name }).ToListAsync(ct);
        AwardedTo = [.. names.Select(o => o.Name)];
        Leads = award.NeedsLead ? [.. names.Select(o => new Choice(o.Id.ToString(), o.Name, Form.LeadOrganisationId == o.Id))] : [];
    }

    private decimal? ReadValue()
    {
        var (pounds, read) = Cycles.NewModel.Input.ReadBudget(Form.Value);
        if (!read)
        {
            // Not a number of pounds at all: the contract's own rule for its value, which it could not be asked about.
            ModelState.AddErrors([new Refusal(MonitoringRules.ValueNotValid)], nameof(Form));
        }

        return pounds;
    }

    private DateOnly? ReadDate(DateParts parts, string field)
    {
        if (parts.TryGetDate(out var date))
        {
            return date;
        }

        if (!parts.IsEmpty)
        {
            ModelState.AddModelError($"{nameof(Form)}.{field}", ContractLabels.DateUnreadable);
        }

        return null;
    }
}

/// <summary>The contract's terms as typed; property names are the domain's fields. The value is kept as typed.</summary>
public sealed record ContractForm
{
    public string Value { get; init; } = "";

    public DateParts StartsOn { get; init; } = new();

    public DateParts EndsOn { get; init; } = new();

    public string ExtensionOptions { get; init; } = "";

    public ReportingFrequency? Frequency { get; init; } = ReportingFrequency.Quarterly;

    public Guid? LeadOrganisationId { get; init; }

    /// <summary>The contract's version when the page was shown (PostgreSQL xmin); 0 before it is made.</summary>
    public uint Version { get; init; }

    public static ContractForm From(CycleMonitoring monitoring)
    {
        ArgumentNullException.ThrowIfNull(monitoring);
        return new()
        {
            Value = ContractLabels.Typed(monitoring.Value),
            StartsOn = DateParts.From(monitoring.StartsOn),
            EndsOn = DateParts.From(monitoring.EndsOn),
            ExtensionOptions = monitoring.ExtensionOptions,
            Frequency = monitoring.Frequency,
            Version = monitoring.Version,
        };
    }
}
