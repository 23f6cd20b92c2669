using CoproCommissioning.Domain.Procurement;
using CoproCommissioning.Domain.Specification;
using CoproCommissioning.Web.Pages.Cycles.Procurement;
using CoproCommissioning.Web.Infrastructure.Specification;

namespace CoproCommissioning.Web.Pages.Cycles.Stages;

/// <summary>
/// R5: what still stops a stage being signed off, each with a link to where it is fixed; when nothing does, a
/// commissioner writes a statement, checks what they are about to sign off (who took part, the input, the decisions)
/// and confirms. A signed-off stage can be reopened with a reason. The commissioning
/// team sees what is missing (panel members and providers are shown their own tasks); only commissioners sign off or reopen.
/// </summary>
[CyclePermission(CycleOperation.FollowSignOff)]
public sealed class SignOffModel(CoproDbContext db, TimeProvider clock, ILogger<SignOffModel> logger) : StagePageModel
{
    public const string ChangedWhileSigningOff =
        "Someone changed this stage or the cycle while you were signing it off, so it has not been signed off. Check what still needs to happen below, then sign it off again.";

    public const string CannotSignOffYet = "You cannot sign off this stage yet. Do the things listed under What still needs to happen first.";

    [BindProperty]
    public Input Form { get; set; } = new();

    [BindProperty]
    public ReopenInput ReopenForm { get; set; } = new();

    /// <summary>
    /// The most contributions awaiting a response and decisions to fix that the page lists one by one; the rest are
    /// counted, with a link to the workspace, so a stage with hundreds of them still shows a page people can read.
    /// </summary>
    public const int MostItemsListed = 20;

    public IReadOnlyList<Blocker> Blockers { get; private set; } = [];

    /// <summary>Everything that stops the sign-off, listed or not.</summary>
    public int BlockerCount { get; private set; }

    /// <summary>Contributions awaiting a response and decisions to fix beyond the first <see cref="MostItemsListed"/>.</summary>
    public int UnlistedCount { get; private set; }

    public IReadOnlyList<StageEventRow> History { get; private set; } = [];

    public bool CanSignOff { get; private set; }

    /// <summary>What is about to be signed off, shown on the check step; otherwise null.</summary>
    public SignOffSummary? Summary { get; private set; }

    /// <summary>The check step: the statement has been written and nothing stands in the way; confirming signs off.</summary>
    public bool Checking => Summary is not null;

    private CycleRole Role => HttpContext.CycleMember().Role;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var cycle = await db.CycleWithStageStatusesAsync(CycleId, ct);
        if (cycle is null)
        {
            return NotFound();
        }

        await ShowAsync(cycle, ct);
        return Page();
    }

    /// <summary>
    /// The check step. The same rules as signing off are asked without changing anything; when none refuses, the page
    /// shows what is about to be signed off and the statement, against the version of the cycle read now.
    /// </summary>
    [CyclePermission(CycleOperation.SignOff)]
    public async Task<IActionResult> OnPostCheckAsync(CancellationToken ct)
    {
        var cycle = await db.CycleWithStageStatusesAsync(CycleId, ct);
        if (cycle is null)
        {
            return NotFound();
        }

        var refusals = cycle.CheckSignOff(Stage, User.UserId(), Role, Form.Statement,
            await StageConditions.ForStageAsync(db, CycleId, Stage, clock, ct), await db.SignOffFactsAsync(cycle.StageOf(Stage), User.UserId(), ct));
        if (refusals.Count > 0)
        {
            ShowRefusals(refusals);
            await ShowAsync(cycle, ct);
            return Page();
        }

        await ShowAsync(cycle, ct);
        Summary = await SignOffSummary.LoadAsync(db, CycleId, cycle.StageOf(Stage).Id, User.UserId(), MostItemsListed, ct);
        return Page();
    }

    /// <summary>Back from the check step to the statement, keeping what was written.</summary>
    [CyclePermission(CycleOperation.SignOff)]
    public async Task<IActionResult> OnPostChangeAsync(CancellationToken ct)
    {
        var cycle = await db.CycleWithStageStatusesAsync(CycleId, ct);
        if (cycle is null)
        {
            return NotFound();
        }

        await ShowAsync(cycle, ct);
        return Page();
    }

    /// <summary>
    /// Signs off when nothing stands in the way. The specification's own changes are saved with the cycle's version check
    /// (<see cref="StageContentSaving"/>), so the version the person saw covers the conditions they were shown too (R8).
    /// </summary>
    [CyclePermission(CycleOperation.SignOff)]
    public Task<IActionResult> OnPostAsync(CancellationToken ct) => ChangeAsync(
        Form.Version,
        async (cycle, now) =>
        {
            var conditions = await StageConditions.ForStageAsync(db, CycleId, Stage, clock, ct);
            var facts = await db.SignOffFactsAsync(cycle.StageOf(Stage), User.UserId(), ct);
            var outcome = cycle.SignOff(Stage, User.UserId(), Role, Form.Statement, now, conditions, facts);
            ShowRefusals(outcome.Refusals);
            return outcome;
        },
        ChangedWhileSigningOff,
        cycle =>
        {
            logger.LogInformation("Stage {Stage} of cycle {CycleId} signed off", Stage, CycleId);
            var next = cycle.Stages.Where(s => s.Kind > Stage).OrderBy(s => s.Kind).FirstOrDefault();
            TempData.SetSuccess(next is { IsInProgress: true }
                ? $"{StageTitle} signed off. {next.Kind.ToTitle()} is open."
                : $"{StageTitle} signed off.");
            return RedirectToPage("/Cycles/Details", new { cycleId = CycleId });
        },
        ct);

    [CyclePermission(CycleOperation.SignOff)]
    public Task<IActionResult> OnPostReopenAsync(CancellationToken ct) => ChangeAsync(
        ReopenForm.Version,
        (cycle, now) =>
        {
            var outcome = cycle.Reopen(Stage, User.UserId(), Role, ReopenForm.Reason, now);
            ModelState.AddErrors(outcome, nameof(ReopenForm));
            return Task.FromResult(outcome);
        },
        ModelStateExtensions.ConcurrencyMessage,
        _ =>
        {
            logger.LogInformation("Stage {Stage} of cycle {CycleId} reopened", Stage, CycleId);
            TempData.SetSuccess($"{StageTitle} reopened. Sign it off again when the changes are made.");
            return RedirectToPage("/Cycles/Stages/Workspace", new { cycleId = CycleId, stage = StageSlug });
        },
        ct);

    /// <summary>
    /// Makes the change against the version of the cycle the person saw (R8) and saves it. On a refusal the page shows
    /// the latest blockers and keeps that version, so a later change by someone else is still noticed; when someone
    /// else's change won, it shows <paramref name="changedFirst"/> and the version now on screen.
    /// </summary>
    private async Task<IActionResult> ChangeAsync(
        uint seenVersion,
        Func<CommissioningCycle, DateTimeOffset, Task<DomainOutcome>> change,
        string changedFirst,
        Func<CommissioningCycle, IActionResult> changed,
        CancellationToken ct)
    {
        // The rules read the stage's input and decisions as facts the database works out, so only the cycle and its
        // stages' statuses are loaded to change; the version check still covers everything the person saw (R8).
        var cycle = await db.Cycles.IncludeStageStatuses().SingleOrDefaultAsync(c => c.Id == CycleId, ct);
        if (cycle is null)
        {
            return NotFound();
        }

        db.Entry(cycle).Property(c => c.Version).OriginalValue = seenVersion;
        var outcome = await change(cycle, clock.GetUtcNow());
        var saved = outcome.Succeeded ? await db.TrySaveAsync(ct) : null;
        if (saved is { Succeeded: true })
        {
            return changed(cycle);
        }

        db.ChangeTracker.Clear();
        if (saved is { Status: SaveStatus.Conflict })
        {
            ModelState.AddModelError("", changedFirst);
        }
        else if (saved?.Refusal is { } refusal)
        {
            ModelState.AddErrors(new[] { refusal }, "");
        }

        await ShowAsync(await db.CycleWithStageStatusesAsync(CycleId, ct)
            ?? throw new InvalidOperationException("The cycle this request read has gone."), ct, keepVersion: saved is null);
        return Page();
    }

    /// <summary>The statement beside its box; everything else is listed with its fix under What still needs to happen.</summary>
    private void ShowRefusals(IReadOnlyList<Refusal> refusals)
    {
        ModelState.AddErrors(refusals.Where(r => r.Field == nameof(Input.Statement)), nameof(Form));
        var others = refusals.Where(r => r.Field != nameof(Input.Statement)).ToList();
        if (others.Any(r => r.Rule == CycleRules.CommissionerOnly))
        {
            ModelState.AddModelError("", CycleRules.CommissionerOnly.Message);
        }

        if (others.Any(r => r.Rule == CycleRules.StageSignedOff))
        {
            ModelState.AddModelError("", CycleRules.StageSignedOff.Message);
        }
        else if (others.Any(r => r.Rule != CycleRules.CommissionerOnly))
        {
            ModelState.AddModelError("", CannotSignOffYet);
        }
    }

    private async Task ShowAsync(CommissioningCycle cycle, CancellationToken ct, bool keepVersion = false)
    {
        var stage = cycle.StageOf(Stage);
        CycleTitle = cycle.Title;
        Status = stage.Status;
        CanSignOff = CyclePermissions.Allows(Role, CycleOperation.SignOff);

        var kind = Stage;
        var history = await db.Cycles.AsNoTracking().Where(c => c.Id == CycleId)
            .SelectMany(c => c.Stages).Where(s => s.Kind == kind).SelectMany(s => s.History)
            .OrderByDescending(e => e.At)
            .ToListAsync(ct);
        var names = await PeopleNames.LoadAsync(db, history.Select(e => e.ByUserId), User.UserId(), ct);
        History = [.. history.Select(e => StageEventRow.From(e, names, Stage))];
        IReadOnlyList<Refusal> refusals = stage.IsSignedOff
            ? []
            : cycle.SignOffBlockers(Stage, await db.SignOffFactsAsync(stage, Signer, ct, unansweredListed: MostItemsListed),
                await StageConditions.ForStageAsync(db, CycleId, Stage, clock, ct));
        // Every rule is listed; of the contributions and decisions that each break one, the first few. Only the oldest of
        // the unanswered input are read by id: the rest are counted, after them, so they are never among those listed.
        var items = 0;
        var listed = refusals.Where(r => !IsAboutOneItem(r) || items++ < MostItemsListed).ToList();
        BlockerCount = refusals.Count;
        UnlistedCount = refusals.Count - listed.Count;

        // The rules count every contribution; what the page says about one awaiting a response is read with the viewer's
        // filter, so a member who may not read team-only input (R7) is told only that it exists.
        var readable = await ReadableContributions.ReadableByIdAsync(db, CycleId,
            listed.Where(r => r.Rule.Code == CycleRules.InputAwaitingResponse.Code).Select(r => r.SubjectId!.Value),
            User.UserId(), Role, ct);
        var decisionIds = listed.Where(r => IsAboutOneItem(r) && r.Rule.Code != CycleRules.InputAwaitingResponse.Code)
            .Select(r => r.SubjectId!.Value).Distinct().ToList();
        var decisionTitles = decisionIds.Count == 0
            ? new Dictionary<Guid, string>()
            : await db.Cycles.AsNoTracking().Where(c => c.Id == CycleId).SelectMany(c => c.Stages).SelectMany(s => s.Decisions)
                .Where(d => decisionIds.Contains(d.Id)).ToDictionaryAsync(d => d.Id, d => d.Title, ct);
        Blockers = [.. listed.Select(r => Describe(cycle, r, readable, decisionTitles))];

        // After a conflict the next attempt is made against the version now on screen; after a refusal the
        // version stays as the person first saw it, so a later change by someone else is still noticed.
        if (!keepVersion)
        {
            ModelState.Remove("Form.Version");
            ModelState.Remove("ReopenForm.Version");
            Form = Form with { Version = cycle.Version };
            ReopenForm = ReopenForm with { Version = cycle.Version };
        }
    }

    private static bool IsAboutOneItem(Refusal refusal) => refusal.Rule.Code is var code
        && (code == CycleRules.InputAwaitingResponse.Code
            || code == CycleRules.DecisionNeedsParticipants.Code
            || code == CycleRules.CoProducedDecisionNeedsLivedExperience.Code
            || code == CycleRules.DecisionNeedsRationale.Code);

    /// <summary>Whoever would sign off: a commissioner sees the rules that would refuse them (R1: not alone).</summary>
    private string? Signer => CanSignOff ? User.UserId() : null;

    private Blocker Describe(
        CommissioningCycle cycle, Refusal refusal, IReadOnlyDictionary<Guid, ContributionView> readable, IReadOnlyDictionary<Guid, string> decisionTitles)
    {
        var role = Role;
        var workspace = Url.Page("/Cycles/Stages/Workspace", new { cycleId = CycleId, stage = StageSlug });
        switch (refusal.Rule.Code)
        {
            case var code when code == CycleRules.EarlierStageOpen.Code:
                var earlier = cycle.Stages.Single(s => s.Id == refusal.SubjectId).Kind;
                return new Blocker(refusal.Rule.Message, null,
                    $"Go to {earlier.ToPlainWords()} sign-off", Url.Page("/Cycles/Stages/SignOff", new { cycleId = CycleId, stage = earlier.ToSlug() }));
            case var code when code == CycleRules.ChampionRequired.Code:
                return new Blocker(refusal.Rule.Message, null,
                    CyclePermissions.Allows(role, CycleOperation.ManageMembers) ? "Invite a co-production champion" : "See the cycle's members",
                    $"/cycles/{CycleId}/members");
            case var code when code == CycleRules.LivedExperienceInputRequired.Code || code == CycleRules.DistinctContributorsRequired.Code:
                return LivedExperienceInputBlocker(refusal, role);
            case var code when code == CycleRules.InputNotOnlyFromSigner.Code:
                return CyclePermissions.Allows(role, CycleOperation.ManageMembers)
                    ? new Blocker(refusal.Rule.Message, null, "Invite panel members or a co-production champion", $"/cycles/{CycleId}/members")
                    : new Blocker(refusal.Rule.Message, null, "See this stage's input", workspace);
            case var code when code == CycleRules.InputAwaitingResponse.Code:
                if (!readable.TryGetValue(refusal.SubjectId!.Value, out var contribution))
                {
                    return new Blocker($"{refusal.Rule.Message} (This input was shared with the commissioning team only.)", null, null, null);
                }

                return CyclePermissions.Allows(role, CycleOperation.Respond)
                    ? new Blocker(refusal.Rule.Message, contribution.Summary, "Respond to this input",
                        Url.Page("/Cycles/Stages/Respond", new { cycleId = CycleId, stage = StageSlug, contributionId = contribution.Id }))
                    : new Blocker(refusal.Rule.Message, contribution.Summary, "See this input", $"{workspace}#contribution-{contribution.Id}");
            case var code when code == CycleRules.DecisionNeedsParticipants.Code
                || code == CycleRules.CoProducedDecisionNeedsLivedExperience.Code
                || code == CycleRules.DecisionNeedsRationale.Code:
                var decisionId = refusal.SubjectId!.Value;
                return new Blocker(refusal.Rule.Message, decisionTitles[decisionId], "Go to this decision",
                    Url.Page("/Cycles/Stages/Decision", new { cycleId = CycleId, stage = StageSlug, decisionId }));
            case var code when code == SpecificationRules.NotWritten.Code:
                return CyclePermissions.Allows(role, CycleOperation.ManageCycle)
                    ? new Blocker(refusal.Rule.Message, null, "Write the specification", SpecificationUrls.Edit(CycleId))
                    : new Blocker(refusal.Rule.Message, null, "Go to the specification", SpecificationUrls.Overview(CycleId));
            case var code when code == SpecificationRules.NotApproved.Code || code == SpecificationRules.ChangedSinceApproval.Code:
                return CyclePermissions.Allows(role, CycleOperation.ManageCycle)
                    ? new Blocker(refusal.Rule.Message, null, "Approve the specification", SpecificationUrls.Approve(CycleId))
                    : new Blocker(refusal.Rule.Message, null, "Go to the specification", SpecificationUrls.Overview(CycleId));
            case var code when code == ProcurementRules.RouteNotRecorded.Code:
                return CyclePermissions.Allows(role, CycleOperation.ManageCycle)
                    ? new Blocker(refusal.Rule.Message, null, "Record the route", ProcurementUrls.Route(CycleId))
                    : new Blocker(refusal.Rule.Message, null, "Go to the procurement", ProcurementUrls.Overview(CycleId));
            case var code when code == ProcurementRules.BiddingNotOpened.Code
                || code == ProcurementRules.DeadlineNotPassed.Code || code == ProcurementRules.NoBids.Code:
                return new Blocker(refusal.Rule.Message, null, "Go to the procurement", $"{ProcurementUrls.Overview(CycleId)}#bidding");
            case var code when code == ProcurementRules.ScorecardsNotSubmitted(0).Code || code == ProcurementRules.ScoresNotModerated(0).Code
                || code == ProcurementRules.NoLivedExperienceScores.Code:
                return ProcurementBlocker(refusal, role, "Go to moderation", ProcurementUrls.Moderation(CycleId));
            case var code when code == ProcurementRules.AwardNotRecorded.Code:
                return ProcurementBlocker(refusal, role, "Record the award", ProcurementUrls.Award(CycleId));
            case var code when code == ProcurementRules.IntentionNotPublished.Code || code == ProcurementRules.StandstillNotEnded.Code
                || code == ProcurementRules.RepresentationsUnanswered.Code:
                return ProcurementBlocker(refusal, role, "Go to the standstill", ProcurementUrls.Standstill(CycleId));
            default:
                return MonitoringConditions.LinkFor(refusal, CycleId, role) is { } link
                    ? new Blocker(refusal.Rule.Message, null, link.Text, link.Url)
                    : new Blocker(refusal.Rule.Message, null, null, null);
        }
    }

    /// <summary>Commissioners go straight to the procurement page that fixes it; the rest of the team to the overview, which they can read.</summary>
    private Blocker ProcurementBlocker(Refusal refusal, CycleRole role, string action, string url) =>
        CyclePermissions.Allows(role, CycleOperation.ManageCycle)
            ? new Blocker(refusal.Rule.Message, null, action, url)
            : new Blocker(refusal.Rule.Message, null, "Go to the procurement", ProcurementUrls.Overview(CycleId));

    private Blocker LivedExperienceInputBlocker(Refusal refusal, CycleRole role)
    {
        List<(string Text, string Url)> links = [];
        if (CyclePermissions.Allows(role, CycleOperation.LogOnBehalf))
        {
            links.Add(("Log input on someone's behalf", Url.Page("/Cycles/Stages/LogOnBehalf", new { cycleId = CycleId, stage = StageSlug })!));
        }
        else if (CyclePermissions.Allows(role, CycleOperation.GiveLivedExperienceInput))
        {
            links.Add(("Add your input", Url.Page("/Cycles/Stages/AddContribution", new { cycleId = CycleId, stage = StageSlug })!));
        }

        if (Stage == StageKind.CoDesign)
        {
            links.Add(("Log input from a co-design session", $"/cycles/{CycleId}/co-design/sessions"));
        }

        return new Blocker(refusal.Rule.Message, null, links.Select(l => l.Text).FirstOrDefault(), links.Select(l => l.Url).FirstOrDefault())
        {
            MoreLinks = [.. links.Skip(1)],
        };
    }

    /// <summary>One unmet rule: the domain's plain words, what it is about, and where it is fixed.</summary>
    public sealed record Blocker(string Message, string? About, string? LinkText, string? LinkUrl)
    {
        public IReadOnlyList<(string Text, string Url)> MoreLinks { get; init; } = [];
    }

    public sealed record Input
    {
        public string Statement { get; init; } = "";

        /// <summary>The cycle's version when the page was shown (PostgreSQL xmin).</summary>
        public uint Version { get; init; }
    }

    public sealed record ReopenInput
    {
        public string Reason { get; init; } = "";

        public uint Version { get; init; }
    }
}
