using CoproCommissioning.Domain.Monitoring;

namespace CoproCommissioning.Web.Pages.Cycles.Monitoring.Returns;

/// <summary>
/// A provider's own organisation's return for one period: start it, save it as a draft, submit it from the period's last
/// day, and correct it once submitted by starting a new revision that says why (or stop correcting, dropping that revision). The organisation is the signed-in member's in this cycle, never
/// the form's or the address's, and the return is found only among those the member may read
/// (<see cref="ReturnsPageModel.LoadReadableReturnsAsync"/>), so no request reaches another organisation's return.
/// </summary>
[CyclePermission(CycleOperation.SubmitProviderReturn)]
public sealed class MineModel(CoproDbContext db, TimeProvider clock, ILogger<MineModel> logger) : ReturnsPageModel
{
    public const string ConflictMessage =
        "Your changes have not been saved: someone in your organisation saved the return while you were writing. What you typed is below. Read the return as it is saved now, then save again.";

    public const string StartFirstMessage = "Your organisation has no return for this period to change. Start your return first.";

    private CommissioningCycle _cycle = null!;

    [BindProperty]
    public ReturnForm Form { get; set; } = new();

    public CycleMonitoring Monitoring { get; private set; } = null!;

    public ReportingPeriod Period { get; private set; } = null!;

    /// <summary>The KPIs this period's return gives a value for.</summary>
    public IReadOnlyList<Kpi> Kpis { get; private set; } = [];

    /// <summary>The organisation's return for the period; null until someone starts it.</summary>
    public ProviderReturn? Return { get; private set; }

    public bool IsReturningParty { get; private set; }

    public bool HasStarted { get; private set; }

    /// <summary>The period's last day has come, so the return can be submitted (<see cref="ReportingPeriod.HasReachedLastDay"/>).</summary>
    public bool MaySubmitYet { get; private set; }

    /// <summary>After a clash with a colleague's save: show the link to the return as it is saved now.</summary>
    public bool Clashed { get; private set; }

    public PeopleNames Names { get; private set; } = PeopleNames.None;

    /// <summary>The return can be started, written or corrected: a party to the contract, a period begun, the stage not signed off.</summary>
    public bool MayWrite => IsReturningParty && HasStarted && !IsSignedOff;

    /// <summary>A draft or a correction is being written, rather than the return standing as submitted.</summary>
    public bool IsWriting => Return is { Latest.IsSubmitted: false };

    public async Task<IActionResult> OnGetAsync(Guid periodId, CancellationToken ct)
    {
        if (await LoadAsync(periodId, forChange: false, ct) is { } elsewhere)
        {
            return elsewhere;
        }

        if (Return is not null)
        {
            Form = ReturnForm.From(Return);
        }

        return Page();
    }

    [CyclePermission(CycleOperation.SubmitProviderReturn)]
    public async Task<IActionResult> OnPostStartAsync(Guid periodId, CancellationToken ct)
    {
        if (await LoadAsync(periodId, forChange: false, ct) is { } elsewhere)
        {
            return elsewhere;
        }

        var now = clock.GetUtcNow();
        var started = ProviderReturn.Start(_cycle, Monitoring, Period.Id, OrganisationId, Return is not null, UserId, Role, now);
        ModelState.AddErrors(started, nameof(Form));
        if (!started.Succeeded)
        {
            return await ShowAgainAsync(periodId, keepTyped: false, ct);
        }

        db.ProviderReturns.Add(started.Value);
        var saved = await SaveIntoStageAsync(db, _cycle, now, ct);
        if (!saved.Succeeded)
        {
            // Two colleagues starting at once: one return is started, and the other is shown it.
            var own = OrganisationId;
            if (saved.Status == SaveStatus.Conflict)
            {
                if (await db.ProviderReturns.AnyAsync(r => r.MonitoringId == Monitoring.Id && r.PeriodId == Period.Id && r.OrganisationId == own, ct))
                {
                    ModelState.AddErrors([new Refusal(MonitoringRules.OrganisationHasReturn)], nameof(Form));
                }
                else
                {
                    ModelState.AddConcurrencyError();
                }
            }

            return await ShowAgainAsync(periodId, keepTyped: false, ct);
        }

        logger.LogInformation("Return {ReturnId} started for period {PeriodId} of cycle {CycleId}", started.Value.Id, Period.Id, CycleId);
        TempData.SetSuccess("Your return is started. Only people from your organisation can read it until it is submitted.");
        return Redirect(ReturnsUrls.Mine(CycleId, Period.Id));
    }

    [CyclePermission(CycleOperation.SubmitProviderReturn)]
    public Task<IActionResult> OnPostSaveAsync(Guid periodId, CancellationToken ct) => ChangeAsync(
        periodId,
        (providerReturn, now) => providerReturn.Save(_cycle, Monitoring, Draft(), UserId, Role, OrganisationId, now),
        () => "Your return is saved as a draft. Submit it when it is complete.",
        keepTyped: true,
        ct);

    /// <summary>Saves what was typed and submits it, both or neither.</summary>
    [CyclePermission(CycleOperation.SubmitProviderReturn)]
    public Task<IActionResult> OnPostSubmitAsync(Guid periodId, CancellationToken ct) => ChangeAsync(
        periodId,
        (providerReturn, now) =>
        {
            var saved = providerReturn.Save(_cycle, Monitoring, Draft(), UserId, Role, OrganisationId, now);
            return saved.Succeeded ? providerReturn.Submit(_cycle, Monitoring, UserId, Role, OrganisationId, now) : saved;
        },
        () => Monitoring.IsAlliance
            ? $"Your return for period {Period.Number} is submitted. The commissioning team and the other alliance members can now read it."
            : $"Your return for period {Period.Number} is submitted. The commissioning team can now read it.",
        keepTyped: true,
        ct);

    /// <summary>Starts a correction of the submitted return, a copy of it to change, with the reason it is needed.</summary>
    [CyclePermission(CycleOperation.SubmitProviderReturn)]
    public Task<IActionResult> OnPostCorrectAsync(Guid periodId, CancellationToken ct) => ChangeAsync(
        periodId,
        (providerReturn, now) => providerReturn.StartCorrection(_cycle, Monitoring, Form.Reason, UserId, Role, OrganisationId, now),
        () => "Your correction is started from what you submitted. Change what needs correcting, then submit it. Until then the return stands as submitted.",
        keepTyped: false,
        ct);

    /// <summary>Drops the correction being written; the return stands as last submitted.</summary>
    [CyclePermission(CycleOperation.SubmitProviderReturn)]
    public Task<IActionResult> OnPostStopCorrectingAsync(Guid periodId, CancellationToken ct) => ChangeAsync(
        periodId,
        (providerReturn, now) => providerReturn.StopCorrection(_cycle, Monitoring, UserId, Role, OrganisationId, now),
        () => "Your correction is stopped and what was saved in it is dropped. The return stands as you submitted it.",
        keepTyped: false,
        ct);

    /// <summary>
    /// One change to the return, saved only if nobody changed it since the person opened it. <paramref name="keepTyped"/>:
    /// the form posted the return's text, to be shown again as typed when the change is refused.
    /// </summary>
    private async Task<IActionResult> ChangeAsync(
        Guid periodId, Func<ProviderReturn, DateTimeOffset, DomainOutcome> change, Func<string> success, bool keepTyped, CancellationToken ct)
    {
        if (await LoadAsync(periodId, forChange: true, ct) is { } elsewhere)
        {
            return elsewhere;
        }

        if (Return is not { } providerReturn)
        {
            ModelState.AddModelError("", StartFirstMessage);
            return await ShowAgainAsync(periodId, keepTyped: false, ct);
        }

        db.Entry(providerReturn).Property(r => r.Version).OriginalValue = Form.Version;
        var now = clock.GetUtcNow();
        var outcome = change(providerReturn, now);
        ModelState.AddErrors(outcome.Refusals.Select(BesideItsField), nameof(Form));
        if (!ModelState.IsValid)
        {
            return await ShowAgainAsync(periodId, keepTyped, ct);
        }

        var saved = await SaveIntoStageAsync(db, _cycle, now, ct);
        if (!saved.Succeeded)
        {
            if (saved.Status == SaveStatus.Conflict)
            {
                ModelState.AddModelError("", ConflictMessage);
                Clashed = true;
            }

            var shown = await ShowAgainAsync(periodId, keepTyped, ct);
            Form = Form with { Version = Return?.Version ?? Form.Version };
            return shown;
        }

        logger.LogInformation("Return {ReturnId} of cycle {CycleId} saved at revision {Revision}, submitted {Submitted}",
            providerReturn.Id, CycleId, providerReturn.Latest.Number, providerReturn.Latest.IsSubmitted);
        TempData.SetSuccess(success());
        return Redirect(ReturnsUrls.Mine(CycleId, Period.Id));
    }

    /// <summary>
    /// What was typed, for the contract's outcomes and this period's KPIs only: anything else posted is not part of this
    /// return and is left out. A value that is not a number is refused here, beside it: the domain never sees it.
    /// </summary>
    private ReturnDraft Draft()
    {
        var outcomes = Monitoring.Outcomes.ToDictionary(
            o => o.OutcomeId,
            o => Form.Outcomes.GetValueOrDefault(o.OutcomeId) is { } typed ? new OutcomeReport(typed.Rating, typed.Evidence) : new OutcomeReport(null, null));
        var kpis = new Dictionary<Guid, KpiReport>();
        foreach (var kpi in Kpis)
        {
            var typed = Form.Kpis.GetValueOrDefault(kpi.Id) ?? new KpiEntry();
            var value = typed.Number();
            if (value is null && !typed.IsBlank)
            {
                ModelState.AddModelError($"{nameof(Form)}.{ReturnForm.KpiField(kpi.Id, nameof(KpiEntry.Value))}", ReturnForm.NotANumberMessage);
            }

            kpis[kpi.Id] = new KpiReport(value, typed.Note);
        }

        return new ReturnDraft(outcomes, kpis, Form.CoProductionEvidence, Form.ForumMinutes, Form.Exceptions);
    }

    /// <summary>A refusal about one outcome's or KPI's answer goes beside that answer; one about something not on the form, above it.</summary>
    private Refusal BesideItsField(Refusal refusal) => refusal switch
    {
        { SubjectId: { } id, Rule.Field: { } field } when Monitoring.FindOutcome(id) is not null => refusal with { Field = ReturnForm.OutcomeField(id, field) },
        { SubjectId: { } id, Rule.Field: { } field } when Kpis.Any(k => k.Id == id) => refusal with { Field = ReturnForm.KpiField(id, field) },
        { SubjectId: not null } => refusal with { Field = null },
        _ => refusal,
    };

    /// <summary>The page again with the return as it is saved now, and the form as typed or, if it posted no text, as saved.</summary>
    private async Task<IActionResult> ShowAgainAsync(Guid periodId, bool keepTyped, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        if (await LoadAsync(periodId, forChange: false, ct) is { } elsewhere)
        {
            return elsewhere;
        }

        if (!keepTyped && Return is not null)
        {
            Form = ReturnForm.From(Return) with { Reason = Form.Reason };
        }

        return Page();
    }

    /// <summary>Loads the contract, the period (another contract's is not found) and the organisation's return for it.</summary>
    private async Task<IActionResult?> LoadAsync(Guid periodId, bool forChange, CancellationToken ct)
    {
        if (await LoadCycleAsync(db, ct) is not { } cycle
            || await LoadMonitoringAsync(db, forChange: false, ct) is not { } monitoring
            || monitoring.FindPeriod(periodId) is not { } period)
        {
            return NotFound();
        }

        _cycle = cycle;
        Monitoring = monitoring;
        Period = period;
        Kpis = monitoring.KpisReportedIn(period);
        IsReturningParty = monitoring.IsReturningParty(OrganisationId);
        var today = TodayOf(clock.GetUtcNow());
        HasStarted = period.HasStarted(today);
        MaySubmitYet = period.HasReachedLastDay(today);
        Return = (await LoadReadableReturnsAsync(db, monitoring, period.Id, forChange, ct))
            .SingleOrDefault(r => r.OrganisationId == OrganisationId);
        Names = Return is null ? PeopleNames.None : await PeopleNames.LoadAsync(db,
            Return.Revisions.SelectMany(v => new[] { v.LastSavedByUserId, v.SubmittedByUserId }), UserId, ct);
        return null;
    }
}
