using CoproCommissioning.Domain.Monitoring;

namespace CoproCommissioning.Web.Pages.Cycles.Monitoring.Contract;

/// <summary>
/// A reporting period: its dates and due day, where each party's return stands (as far as the signed-in member may
/// know), the commissioner's results on its commitments, and why a party's return is missing. Recording a result and
/// explaining a missing return are the commissioner's, and both count towards signing off monitoring. A period, a
/// commitment or a party of another cycle's contract is not found here.
/// </summary>
[CyclePermission(CycleOperation.View)]
public sealed class PeriodModel(CoproDbContext db, TimeProvider clock, ILogger<PeriodModel> logger) : MonitoringPageModel
{
    [BindProperty]
    public PeriodForm Form { get; set; } = new();

    public CycleMonitoring Monitoring { get; private set; } = null!;

    public ReportingPeriod Period { get; private set; } = null!;

    public IReadOnlyList<PartyReturns> Returns { get; private set; } = [];

    public PeopleNames Names { get; private set; } = PeopleNames.None;

    public bool HasStarted { get; private set; }

    public bool IsDue { get; private set; }

    /// <summary>The commissioner records results and explanations once the period has begun, until monitoring is signed off.</summary>
    public bool MayRecord => IsCommissioner && HasStarted && !IsSignedOff;

    /// <summary>Why a return is missing can be about the people of a service, so it is shown to the team that reads returns and to that provider.</summary>
    public bool MayReadExplanation(Guid organisationId) =>
        CyclePermissions.Allows(Role, CycleOperation.ReadProviderReturns) || organisationId == OrganisationId;

    /// <summary>Returns are read on their own page by the commissioning team and the contract's own providers.</summary>
    public bool MayUseReturns =>
        CyclePermissions.Allows(Role, CycleOperation.ReadProviderReturns)
        || (CyclePermissions.Allows(Role, CycleOperation.SubmitProviderReturn) && Monitoring.IsReturningParty(OrganisationId));

    public async Task<IActionResult> OnGetAsync(Guid periodId, CancellationToken ct)
    {
        if (!await ShowAsync(periodId, ct))
        {
            return NotFound();
        }

        Form = new PeriodForm { Version = Monitoring.Version };
        return Page();
    }

    /// <summary>The commitment is named by the form and looked up in this contract only, so one from elsewhere is not found.</summary>
    [CyclePermission(CycleOperation.ManageCycle)]
    public async Task<IActionResult> OnPostResultAsync(Guid periodId, Guid kpiId, CancellationToken ct)
    {
        var input = Form.Results.GetValueOrDefault(kpiId) ?? new ResultInput();
        var prefix = $"{nameof(Form)}.{nameof(PeriodForm.Results)}[{kpiId}]";
        return await ChangeAsync(periodId, m => m.FindKpi(kpiId) is { Owner: KpiOwner.Commissioner }, prefix, (monitoring, cycle, now) =>
        {
            var (value, read) = ContractLabels.ReadNumber(input.Value);
            if (!read)
            {
                // Not a number at all: the result's own rule, which the contract could not be asked about.
                ModelState.AddErrors([new Refusal(MonitoringRules.ResultValueRequired)], prefix);
            }

            return monitoring.RecordCommitmentResult(cycle, periodId, kpiId, value, input.Note, UserId, Role, now);
        }, "The result is recorded.", ct);
    }

    /// <summary>The party is named by the form and must be a party to this contract, so an organisation from elsewhere is not found.</summary>
    [CyclePermission(CycleOperation.ManageCycle)]
    public async Task<IActionResult> OnPostExplainAsync(Guid periodId, Guid organisationId, CancellationToken ct)
    {
        var input = Form.Explanations.GetValueOrDefault(organisationId) ?? new ExplanationInput();
        return await ChangeAsync(periodId, m => m.IsReturningParty(organisationId), $"{nameof(Form)}.{nameof(PeriodForm.Explanations)}[{organisationId}]",
            (monitoring, cycle, now) => monitoring.ExplainMissingReturn(cycle, periodId, organisationId, input.Explanation, UserId, Role, now),
            "Why the return is missing is recorded.", ct);
    }

    /// <summary>One form's change: its refusals show beside that form's fields, with what was typed kept.</summary>
    private async Task<IActionResult> ChangeAsync(
        Guid periodId, Func<CycleMonitoring, bool> names, string prefix, Func<CycleMonitoring, CommissioningCycle, DateTimeOffset, DomainOutcome> change,
        string success, CancellationToken ct)
    {
        var cycle = await LoadCycleAsync(db, ct);
        var monitoring = cycle is null ? null : await LoadMonitoringAsync(db, forChange: true, ct);
        if (cycle is null || monitoring?.FindPeriod(periodId) is null || !names(monitoring))
        {
            return NotFound();
        }

        db.Entry(monitoring).Property(m => m.Version).OriginalValue = Form.Version;
        var now = clock.GetUtcNow();
        ModelState.AddErrors(change(monitoring, cycle, now), prefix);
        var conflict = false;
        if (ModelState.IsValid)
        {
            var saved = await SaveIntoStageAsync(db, cycle, now, ct);
            if (saved.Succeeded)
            {
                logger.LogInformation("Period {PeriodId} of the contract of cycle {CycleId} changed", periodId, CycleId);
                TempData.SetSuccess(success);
                return Redirect(ContractUrls.Period(CycleId, periodId));
            }

            conflict = saved.Status == SaveStatus.Conflict;
            if (conflict)
            {
                ModelState.AddConcurrencyError();
            }
        }

        db.ChangeTracker.Clear();
        await ShowAsync(periodId, ct);
        if (conflict)
        {
            Form = Form with { Version = Monitoring.Version };
        }

        return Page();
    }

    private async Task<bool> ShowAsync(Guid periodId, CancellationToken ct)
    {
        var cycle = await LoadCycleAsync(db, ct);
        var monitoring = cycle is null ? null : await LoadMonitoringAsync(db, forChange: false, ct);
        if (monitoring?.FindPeriod(periodId) is not { } period)
        {
            return false;
        }

        Monitoring = monitoring;
        Period = period;
        var now = clock.GetUtcNow();
        // Days as the contract counts them, so the forms show exactly when it would take what they send.
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        HasStarted = period.HasStarted(today);
        IsDue = period.IsDue(today);
        Returns = await ReturnStates.LoadAsync(db, monitoring, Role, OrganisationId, now, ct);
        Names = await PeopleNames.LoadAsync(db,
            [.. monitoring.CommitmentResults.Where(r => r.PeriodId == periodId).Select(r => r.RecordedByUserId),
             .. monitoring.Explanations.Where(e => e.PeriodId == periodId).Select(e => e.RecordedByUserId)],
            UserId, ct);
        return true;
    }
}

/// <summary>
/// The period page's forms, each posting its own entry: a commitment's result by the commitment's id, and why a return
/// is missing by the party's organisation id. The version is the contract's when the page was shown.
/// </summary>
public sealed record PeriodForm
{
    public Dictionary<Guid, ResultInput> Results { get; init; } = [];

    public Dictionary<Guid, ExplanationInput> Explanations { get; init; } = [];

    public uint Version { get; init; }
}

/// <summary>A commitment's result as typed; property names are the domain's fields. The value is kept as typed.</summary>
public sealed record ResultInput
{
    public string Value { get; init; } = "";

    public string Note { get; init; } = "";
}

public sealed record ExplanationInput
{
    public string Explanation { get; init; } = "";
}
