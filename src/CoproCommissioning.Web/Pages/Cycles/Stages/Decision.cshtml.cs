namespace CoproCommissioning.Web.Pages.Cycles.Stages;

/// <summary>One decision with everything that shaped it; the people who may change it can revise it here.</summary>
[CyclePermission(CycleOperation.View)]
public sealed class DecisionModel(CoproDbContext db, TimeProvider clock, ILogger<DecisionModel> logger)
    : DecisionFormPageModel(db, clock)
{
    private Guid _decisionId;
    private DecisionForm.Choices? _choices;

    public DecisionSummary Summary { get; private set; } = null!;

    /// <summary>What this decision still needs before its stage can be signed off (R2).</summary>
    public IReadOnlyList<string> StillNeeded { get; private set; } = [];

    /// <summary>What the form offers, for those who may revise this decision now; null for everyone else.</summary>
    public DecisionForm.Choices? Choices { get; private set; }

    public bool CanRevise => Choices is not null;

    public async Task<IActionResult> OnGetAsync(Guid decisionId, CancellationToken ct)
    {
        _decisionId = decisionId;
        if (await LoadCycleAsync(forChange: false, ct) is not { } cycle || !await ShowAsync(cycle, ct))
        {
            return NotFound();
        }

        Form = DecisionForm.From(cycle.FindDecision(decisionId)!, Choices?.Members ?? []);
        return Page();
    }

    [CyclePermission(CycleOperation.RecordDecision)]
    public Task<IActionResult> OnPostAsync(Guid decisionId, CancellationToken ct)
    {
        _decisionId = decisionId;

        return ChangeAsync(
            (cycle, now) => cycle.ReviseDecision(decisionId, Details(_choices!), User.UserId(), Member.Role, now),
            _ =>
            {
                logger.LogInformation("Decision {DecisionId} in cycle {CycleId} revised", decisionId, CycleId);
                TempData.SetSuccess("Decision updated");
                return RedirectToPage("/Cycles/Stages/Decision", new { cycleId = CycleId, stage = StageSlug, decisionId });
            },
            ct);
    }

    protected override bool ChangedSinceShown(CommissioningCycle cycle) =>
        DecisionForm.LastChange(cycle.FindDecision(_decisionId)!) != Form.SeenChange;

    protected override void ShowingLatest(CommissioningCycle latest)
    {
        ModelState.Remove($"{nameof(Form)}.{nameof(DecisionForm.Input.SeenChange)}");
        Form = Form with { SeenChange = DecisionForm.LastChange(latest.FindDecision(_decisionId)!) };
    }

    protected override async Task<bool> ShowAsync(CommissioningCycle cycle, CancellationToken ct)
    {
        var decision = cycle.FindDecision(_decisionId);
        if (decision is null || decision.StageKind != Stage)
        {
            return false;
        }

        var stage = cycle.StageOf(Stage);

        // What shaped the decision is read with the viewer's filter, not from the aggregate: team-only input (R7) is left out.
        var contributions = await ReadableContributions.ReadableByIdAsync(
            Db, CycleId, decision.Influences.Select(i => i.ContributionId), User.UserId(), Member.Role, ct);
        var names = await PeopleNames.LoadAsync(Db,
            decision.Participants.Select(p => p.UserId)
                .Append(decision.RecordedByUserId)
                .Append(decision.LastRevisedByUserId)
                .Concat(decision.Influences.SelectMany(i => contributions.TryGetValue(i.ContributionId, out var c)
                    ? new[] { c.AuthorUserId, c.RecordedByUserId }
                    : [])),
            User.UserId(), ct);
        var shapedBy = decision.Influences
            .Where(i => contributions.ContainsKey(i.ContributionId))
            .Select(i =>
            {
                var c = contributions[i.ContributionId];
                return new ShapedByRow(c.Id, c.StageKind, c.Voice, c.Summary, ContributionRow.WhoFrom(c, names), i.Note);
            })
            .ToList();
        Summary = new DecisionSummary(
            decision.Id,
            decision.Title,
            decision.WhatWasDecided,
            decision.Mode,
            decision.Rationale,
            decision.Rung,
            decision.DecidedAt,
            [.. decision.Participants.Select(p => $"{names.Of(p.UserId)}, {Labels.Of(p.Role).ToLowerInvariant()}"),
                .. decision.Groups.Select(g => $"{g.Count} {g.Description}: {Labels.Of(g.Voice).ToLowerInvariant()} voice, without an account")],
            Provenance.Describe(shapedBy.Select(s => s.Voice)),
            shapedBy,
            names.Of(decision.RecordedByUserId),
            decision.RecordedAt,
            decision.LastRevisedByUserId is null ? null : names.Of(decision.LastRevisedByUserId),
            decision.LastRevisedAt);

        StillNeeded = stage.IsSignedOff
            ? []
            : [.. cycle.SignOffBlockers(Stage).Where(r => r.SubjectId == decision.Id).Select(r => r.Rule.Message)];

        // Someone who may not revise it now is not shown the form; if they send it anyway, the cycle says why.
        _choices = CyclePermissions.Allows(Member.Role, CycleOperation.RecordDecision) ? await LoadChoicesAsync(cycle, ct) : null;
        Choices = !stage.IsSignedOff && CyclePermissions.AllowsDecision(Member.Role, decision.Mode) ? _choices : null;
        return await base.ShowAsync(cycle, ct);
    }

    public sealed record DecisionSummary(
        Guid Id,
        string Title,
        string WhatWasDecided,
        DecisionMode Mode,
        string Rationale,
        CoProductionLadderRung Rung,
        DateTimeOffset DecidedAt,
        IReadOnlyList<string> Participants,
        string ShapedByInWords,
        IReadOnlyList<ShapedByRow> ShapedBy,
        string RecordedBy,
        DateTimeOffset RecordedAt,
        string? LastRevisedBy,
        DateTimeOffset? LastRevisedAt);

    public sealed record ShapedByRow(Guid ContributionId, StageKind StageKind, Voice Voice, string Summary, string FromWhom, string Note);
}
