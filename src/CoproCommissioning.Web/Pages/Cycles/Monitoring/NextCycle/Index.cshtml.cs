using CoproCommissioning.Domain.Monitoring;
using CoproCommissioning.Domain.Specification;

namespace CoproCommissioning.Web.Pages.Cycles.Monitoring.NextCycle;

/// <summary>
/// A commissioner signs off monitoring and starts the next cycle for the same service in one go: what still stops the
/// sign-off is listed with where to fix it (the cycle's rules and monitoring's own conditions, <see cref="MonitoringConditions"/>);
/// when nothing does, the sign-off statement and the next cycle's title, start date and budget are saved together with the
/// new cycle, its needs assessment's evidence carried from this one (the lessons, the outcome framework and the glossary,
/// each traced to its source) and its first members: this commissioner, and this cycle's champion if it has one. Nobody
/// else is added: the commissioner invites them from the new cycle's members page, since taking part in a new cycle is
/// each person's own choice. Before the button the page says what signing off leaves behind while the contract still
/// runs (the periods still to come, returns still drafts), as a warning rather than a refusal: a contract can end early,
/// and monitoring's own conditions decide whether it may. Monitoring signed off on the stage's own sign-off page can still
/// start its next cycle here; a cycle that has one links to it.
/// </summary>
[CyclePermission(CycleOperation.SignOff)]
public sealed class IndexModel(CoproDbContext db, TimeProvider clock, ILogger<IndexModel> logger) : MonitoringPageModel
{
    public const string StartDateUnreadable = "The start date must be a real date, for example 1 4 2027";

    public const string CannotSignOffYet =
        "You cannot sign off monitoring yet, so the next cycle has not started. Do the things listed under What still needs to happen first.";

    public const string ChangedWhileSigningOff =
        "Someone changed this cycle while you were signing off monitoring, so it has not been signed off and the next cycle has not started. Check what still needs to happen below, then try again.";

    [BindProperty]
    public Input Form { get; set; } = new();

    public IReadOnlyList<Blocker> Blockers { get; private set; } = [];

    /// <summary>The cycle already started from this one, if any, with its title.</summary>
    public (Guid Id, string Title)? Next { get; private set; }

    /// <summary>What the next cycle's needs assessment would hold: lessons, outcomes of the approved framework, agreed glossary terms.</summary>
    public (int Lessons, int Outcomes, int Terms) Carried { get; private set; }

    /// <summary>The contract, while it runs past today, with the periods whose last day has not come; null when there is none or it has ended.</summary>
    public (DateOnly EndsOn, IReadOnlyList<ReportingPeriod> StillToCome)? RunningContract { get; private set; }

    /// <summary>Returns started and never submitted, and corrections started and not submitted: whose, and for which period.</summary>
    public IReadOnlyList<UnsubmittedReturn> Unsubmitted { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await LoadCycleAsync(db, ct) is not { } cycle)
        {
            return NotFound();
        }

        await ShowAsync(cycle, ct);
        return Page();
    }

    [CyclePermission(CycleOperation.SignOff)]
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        // Tracked, and checked against the version the person saw (R8): the sign-off and the new cycle are one save.
        var cycle = ForHeading(await db.Cycles.IncludeStageStatuses().SingleOrDefaultAsync(c => c.Id == CycleId, ct));
        if (cycle is null)
        {
            return NotFound();
        }

        db.Entry(cycle).Property(c => c.Version).OriginalValue = Form.Version;
        var (budget, budgetRead) = NewModel.Input.ReadBudget(Form.Budget);
        if (!budgetRead)
        {
            ModelState.AddErrors([new Refusal(CycleRules.BudgetInvalid)], nameof(Form));
        }

        DateOnly? startDate = Form.StartDate.TryGetDate(out var date) ? date : null;
        if (startDate is null && !Form.StartDate.IsEmpty)
        {
            ModelState.AddModelError($"{nameof(Form)}.{nameof(Input.StartDate)}", StartDateUnreadable);
        }

        var now = clock.GetUtcNow();
        var monitoring = cycle.StageOf(StageKind.Monitoring);
        List<Refusal> refusals = [];
        if (!monitoring.IsSignedOff)
        {
            var conditions = await MonitoringConditions.LoadAsync(db, CycleId, clock, ct);
            var facts = await db.SignOffFactsAsync(monitoring, UserId, ct);
            refusals.AddRange(cycle.SignOff(StageKind.Monitoring, UserId, Role, Form.Statement, now, conditions, facts).Refusals);
        }

        var lessons = await db.Lessons.AsNoTracking().Where(l => l.CycleId == CycleId).ToListAsync(ct);
        var glossary = await db.GlossaryTerms.AsNoTracking().Where(t => t.CycleId == CycleId).ToListAsync(ct);
        // Only the approved version's outcomes are carried, so only that version is read.
        var approved = await db.Specifications.AsNoTracking().Where(s => s.CycleId == CycleId).Select(s => s.ApprovedVersionNumber).SingleOrDefaultAsync(ct);
        var specification = await db.Specifications.AsNoTracking()
            .Include(s => s.Versions.Where(v => v.Number == approved)).ThenInclude(v => v.Outcomes)
            .AsSplitQuery()
            .SingleOrDefaultAsync(s => s.CycleId == CycleId, ct);
        var started = Domain.Monitoring.NextCycle.Start(cycle, new NextCycleDraft(Form.Title, startDate, budget), lessons, glossary, specification,
            await NextCycleIdAsync(ct), UserId, Role, now);
        // When the sign-off was refused, its own refusals say why; "sign off monitoring first" would only repeat them.
        refusals.AddRange(started.Refusals.Where(r => refusals.Count == 0 || r.Rule != LessonRules.MonitoringNotSignedOff));
        ShowRefusals(refusals);
        if (!ModelState.IsValid)
        {
            return await ShowAgainAsync(ct, keepVersion: true);
        }

        var next = started.Value;
        db.Cycles.Add(next.Cycle);
        db.EvidenceItems.AddRange(next.Evidence);
        db.CarriedEvidence.AddRange(next.Carried);
        db.Memberships.Add(Must(CycleMembership.Create(next.Cycle.Id, UserId, CycleRole.Commissioner, null, null, UserId, now)));
        if (await ChampionAsync(cycle, ct) is { } champion)
        {
            db.Memberships.Add(Must(CycleMembership.Create(next.Cycle.Id, champion, CycleRole.CoProductionChampion, null, null, UserId, now)));
            Must(next.Cycle.SetChampion(champion, CycleRole.Commissioner, now));
        }

        var saved = await db.TrySaveAsync(ct);
        if (!saved.Succeeded)
        {
            db.ChangeTracker.Clear();
            ModelState.AddErrors(saved, nameof(Form));
            if (saved.Status == SaveStatus.Conflict)
            {
                ModelState.Remove("");
                ModelState.AddModelError("", ChangedWhileSigningOff);
            }

            return await ShowAgainAsync(ct, keepVersion: false);
        }

        logger.LogInformation("Monitoring of cycle {CycleId} signed off and cycle {NextCycleId} started from it", CycleId, next.Cycle.Id);
        TempData.SetSuccess(
            $"Monitoring is signed off and {next.Cycle.Title} has started. Its needs assessment holds {Labels.Count(next.Evidence.Count, "piece")} of evidence carried from {cycle.Title}. Nobody else has been invited yet.",
            new NotificationLink("Invite the people who will take part from its members page", MembersUrl(next.Cycle.Id)));
        return Redirect($"{NeedsAssessmentUrl(next.Cycle.Id)}#findings");
    }

    /// <summary>The statement and the next cycle's answers beside their fields; the rest is listed with where to fix it.</summary>
    private void ShowRefusals(IReadOnlyList<Refusal> refusals)
    {
        string[] fields = [nameof(Input.Statement), nameof(Input.Title), nameof(Input.StartDate), nameof(Input.Budget)];
        ModelState.AddErrors(refusals.Where(r => fields.Contains(r.Field)), nameof(Form));
        var others = refusals.Where(r => !fields.Contains(r.Field)).ToList();
        foreach (var rule in new[] { CycleRules.CommissionerOnly, LessonRules.NextCycleAlreadyStarted, CycleRules.StageSignedOff })
        {
            if (others.Any(r => r.Rule.Code == rule.Code))
            {
                ModelState.AddModelError("", rule.Message);
            }
        }

        if (others.Any(r => r.Rule.Code != CycleRules.CommissionerOnly.Code && r.Rule.Code != LessonRules.NextCycleAlreadyStarted.Code
            && r.Rule.Code != CycleRules.StageSignedOff.Code))
        {
            ModelState.AddModelError("", CannotSignOffYet);
        }
    }

    private async Task<IActionResult> ShowAgainAsync(CancellationToken ct, bool keepVersion)
    {
        db.ChangeTracker.Clear();
        if (await LoadCycleAsync(db, ct) is not { } cycle)
        {
            return NotFound();
        }

        await ShowAsync(cycle, ct, keepVersion);
        return Page();
    }

    private async Task ShowAsync(CommissioningCycle cycle, CancellationToken ct, bool keepVersion = false)
    {
        Next = await NextCycleIdAsync(ct) is { } nextId
            ? (nextId, await db.Cycles.AsNoTracking().Where(c => c.Id == nextId).Select(c => c.Title).SingleAsync(ct))
            : null;
        await ShowWhatSigningOffMeansAsync(ct);
        var monitoring = cycle.StageOf(StageKind.Monitoring);
        IReadOnlyList<Refusal> blockers = monitoring.IsSignedOff
            ? []
            : cycle.SignOffBlockers(StageKind.Monitoring, await db.SignOffFactsAsync(monitoring, UserId, ct),
                await MonitoringConditions.LoadAsync(db, CycleId, clock, ct));
        Blockers = [.. blockers.Select(Describe)];
        // After a refusal the version stays as the person first saw it, so a later change by someone else is still noticed.
        if (!keepVersion)
        {
            ModelState.Remove($"{nameof(Form)}.{nameof(Input.Version)}");
            Form = Form with { Version = cycle.Version };
        }
    }

    /// <summary>
    /// What would be carried (counted as <see cref="Domain.Monitoring.NextCycle.Start"/> carries it: the lessons, the approved
    /// version's outcomes, the agreed terms; a removed lesson or term is a deleted row), and what the contract still has to come: its periods whose last day has
    /// not come, and returns still being written. Names of organisations only: a draft's words stay its own organisation's.
    /// </summary>
    private async Task ShowWhatSigningOffMeansAsync(CancellationToken ct)
    {
        var approved = await db.Specifications.AsNoTracking().Where(s => s.CycleId == CycleId).Select(s => s.ApprovedVersionNumber).SingleOrDefaultAsync(ct);
        Carried = (
            await db.Lessons.CountAsync(l => l.CycleId == CycleId, ct),
            approved is null ? 0 : await db.Specifications.Where(s => s.CycleId == CycleId)
                .SelectMany(s => s.Versions).Where(v => v.Number == approved).Select(v => v.Outcomes.Count).SingleOrDefaultAsync(ct),
            await db.GlossaryTerms.CountAsync(t => t.CycleId == CycleId && t.Status == GlossaryTermStatus.Agreed, ct));

        var contract = await db.Monitorings.AsNoTracking().Where(m => m.CycleId == CycleId)
            .Select(m => new { m.Id, m.EndsOn, m.Periods }).SingleOrDefaultAsync(ct);
        if (contract is null)
        {
            return;
        }

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var stillToCome = contract.Periods.Where(p => !p.HasReachedLastDay(today)).OrderBy(p => p.StartsOn).ToList();
        RunningContract = contract.EndsOn >= today ? (contract.EndsOn, stillToCome) : null;
        var unsubmitted = await db.ProviderReturns.AsNoTracking()
            .Where(r => r.MonitoringId == contract.Id && r.Revisions.Any(v => v.SubmittedAt == null))
            .Select(r => new { r.OrganisationId, r.PeriodId, IsCorrection = r.Revisions.Any(v => v.SubmittedAt != null) })
            .ToListAsync(ct);
        var names = await db.Organisations.AsNoTracking().Where(o => unsubmitted.Select(u => u.OrganisationId).Contains(o.Id))
            .ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        var periods = contract.Periods.ToDictionary(p => p.Id, p => p.Number);
        Unsubmitted = [.. unsubmitted
            .Select(u => new UnsubmittedReturn(names.GetValueOrDefault(u.OrganisationId, "A provider"), periods.GetValueOrDefault(u.PeriodId), u.IsCorrection))
            .OrderBy(u => u.PeriodNumber).ThenBy(u => u.Organisation, StringComparer.OrdinalIgnoreCase)];
    }

    /// <summary>Where the commissioner invites people to a cycle.</summary>
    public static string MembersUrl(Guid cycleId) => $"/cycles/{cycleId}/members";

    /// <summary>The needs assessment of a cycle: its stage workspace, where its evidence is listed.</summary>
    public static string NeedsAssessmentUrl(Guid cycleId) => $"/cycles/{cycleId}/stages/{StageKind.NeedsAssessment.ToSlug()}";

    /// <summary>The cycle started from this one: the one its evidence was carried into.</summary>
    private Task<Guid?> NextCycleIdAsync(CancellationToken ct) =>
        db.CarriedEvidence.AsNoTracking().Where(c => c.FromCycleId == CycleId).Select(c => (Guid?)c.CycleId).FirstOrDefaultAsync(ct);

    /// <summary>This cycle's champion, while they are still its champion member.</summary>
    private async Task<string?> ChampionAsync(CommissioningCycle cycle, CancellationToken ct)
    {
        var champion = cycle.ChampionUserId;
        return champion is not null && champion != UserId
            && await db.Memberships.AnyAsync(m => m.CycleId == CycleId && m.UserId == champion && m.Role == CycleRole.CoProductionChampion, ct)
            ? champion
            : null;
    }

    /// <summary>Where each blocker is fixed: monitoring's own parts, or the monitoring stage's workspace for its input and decisions.</summary>
    private Blocker Describe(Refusal refusal)
    {
        var workspace = $"/cycles/{CycleId}/stages/{StageKind.Monitoring.ToSlug()}";
        if (MonitoringConditions.LinkFor(refusal, CycleId, Role) is { } link)
        {
            return new(refusal.Rule.Message, link.Text, link.Url);
        }

        var code = refusal.Rule.Code;
        return code switch
        {
            _ when code == CycleRules.EarlierStageOpen.Code => new(refusal.Rule.Message, "Go to the cycle", $"/cycles/{CycleId}"),
            _ when code == CycleRules.ChampionRequired.Code || code == CycleRules.InputNotOnlyFromSigner.Code =>
                new(refusal.Rule.Message, "Go to the cycle's members", MembersUrl(CycleId)),
            _ when code == CycleRules.LivedExperienceInputRequired.Code || code == CycleRules.DistinctContributorsRequired.Code =>
                new(refusal.Rule.Message, "Log input on someone's behalf", $"{workspace}/log-on-behalf"),
            _ when code == CycleRules.InputAwaitingResponse.Code =>
                new(refusal.Rule.Message, "Respond to this input", $"{workspace}/contributions/{refusal.SubjectId}/respond"),
            _ when code == CycleRules.DecisionNeedsParticipants.Code || code == CycleRules.CoProducedDecisionNeedsLivedExperience.Code
                || code == CycleRules.DecisionNeedsRationale.Code =>
                new(refusal.Rule.Message, "Go to this decision", $"{workspace}/decisions/{refusal.SubjectId}"),
            _ => new(refusal.Rule.Message, "Go to monitoring's sign-off", $"{workspace}/sign-off"),
        };
    }

    private static T Must<T>(DomainOutcome<T> outcome) where T : class =>
        outcome.Succeeded ? outcome.Value : throw new InvalidOperationException($"Starting the next cycle's members was refused: {outcome.Refusals[0].Rule.Code}");

    private static void Must(DomainOutcome outcome)
    {
        if (!outcome.Succeeded)
        {
            throw new InvalidOperationException($"Naming the next cycle's champion was refused: {outcome.Refusals[0].Rule.Code}");
        }
    }

    /// <summary>A return an organisation started for a period and has not submitted: a first draft, or a correction of a submitted one.</summary>
    public sealed record UnsubmittedReturn(string Organisation, int PeriodNumber, bool IsCorrection);

    /// <summary>One unmet rule, in the domain's words, and where it is fixed.</summary>
    public sealed record Blocker(string Message, string LinkText, string LinkUrl);

    /// <summary>The statement (while monitoring is not signed off) and what the next cycle needs; property names are the domain's fields.</summary>
    public sealed record Input
    {
        public string Statement { get; init; } = "";

        public string Title { get; init; } = "";

        public DateParts StartDate { get; init; } = new();

        public string Budget { get; init; } = "";

        /// <summary>The cycle's version when the page was shown (PostgreSQL xmin).</summary>
        public uint Version { get; init; }
    }
}
