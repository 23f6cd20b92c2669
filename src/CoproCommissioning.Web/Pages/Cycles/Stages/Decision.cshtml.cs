using CoproCommissioning.Data;
using CoproCommissioning.Domain.Cycles;
using CoproCommissioning.Domain.Membership;
using CoproCommissioning.Web.Infrastructure;
using CoproCommissioning.Web.Infrastructure.Authorization;
using CoproCommissioning.Web.Infrastructure.Pages;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CoproCommissioning.Web.Pages.Cycles.Stages;

/// <summary>One decision with everything that shaped it; the people who may change it can revise it here.</summary>
[CyclePermission(CycleOperation.View)]
public sealed class DecisionModel(
    CoproDbContext db, IValidator<DecisionForm.Input> validator, TimeProvider clock, ILogger<DecisionModel> logger)
    : StagePageModel
{
    [BindProperty]
    public DecisionForm.Input Form { get; set; } = new();

    public DecisionSummary Summary { get; private set; } = null!;

    /// <summary>What this decision still needs before its stage can be signed off (R2).</summary>
    public IReadOnlyList<string> StillNeeded { get; private set; } = [];

    public DecisionForm.Choices? Choices { get; private set; }

    public bool CanRevise => Choices is not null;

    public async Task<IActionResult> OnGetAsync(Guid decisionId, CancellationToken ct)
    {
        var cycle = await db.Cycles.IncludeStages().AsNoTracking().SingleOrDefaultAsync(c => c.Id == CycleId, ct);
        var decision = cycle?.FindDecision(decisionId);
        if (cycle is null || decision is null || decision.StageKind != Stage)
        {
            return NotFound();
        }

        await ShowAsync(cycle, decision, ct);
        Form = DecisionForm.From(decision, Choices?.Members ?? []);
        return Page();
    }

    [CyclePermission(CycleOperation.RecordDecision)]
    public async Task<IActionResult> OnPostAsync(Guid decisionId, CancellationToken ct)
    {
        var cycle = await db.Cycles.IncludeStages().SingleOrDefaultAsync(c => c.Id == CycleId, ct);
        var decision = cycle?.FindDecision(decisionId);
        if (cycle is null || decision is null || decision.StageKind != Stage)
        {
            return NotFound();
        }

        await ShowAsync(cycle, decision, ct);
        if (DecisionForm.LastChange(decision) != Form.SeenChange)
        {
            return await ConflictAsync(decisionId, ct);
        }

        var choices = Choices ?? await DecisionForm.LoadChoicesAsync(db, cycle, Stage, User.UserId(), clinicallyLedOnly: false, ct);
        ModelState.AddErrors(await validator.ValidateAsync(Form, ct), nameof(Form));
        DecisionForm.CheckChoices(ModelState, Form, choices);
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var member = HttpContext.CycleMember();
        var outcome = cycle.ReviseDecision(decisionId, DecisionForm.ToDetails(Form, choices), User.UserId(), member.Role, clock.GetUtcNow());
        if (!outcome.Succeeded)
        {
            DecisionForm.AddErrors(ModelState, outcome.Refusals);
            return Page();
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return await ConflictAsync(decisionId, ct);
        }

        logger.LogInformation("Decision {DecisionId} in cycle {CycleId} revised", decisionId, CycleId);
        TempData.SetSuccess("Decision updated");
        return RedirectToPage("/Cycles/Stages/Decision", new { cycleId = CycleId, stage = StageSlug, decisionId });
    }

    private async Task<IActionResult> ConflictAsync(Guid decisionId, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var latest = await db.Cycles.IncludeStages().AsNoTracking().SingleAsync(c => c.Id == CycleId, ct);
        var decision = latest.FindDecision(decisionId)!;
        ModelState.AddConcurrencyError();
        ModelState.Remove("Form.SeenChange");
        Form = Form with { SeenChange = DecisionForm.LastChange(decision) };
        await ShowAsync(latest, decision, ct);
        return Page();
    }

    private async Task ShowAsync(CommissioningCycle cycle, Decision decision, CancellationToken ct)
    {
        var stage = cycle.StageOf(Stage);
        CycleTitle = cycle.Title;
        Status = stage.Status;

        // What shaped the decision is read with the viewer's filter, not from the aggregate: team-only input (R7) is left out.
        var contributions = await ReadableContributions.ReadableByIdAsync(
            db, CycleId, decision.Influences.Select(i => i.ContributionId), User.UserId(), HttpContext.CycleMember().Role, ct);
        var names = await PeopleNames.LoadAsync(db,
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
            [.. decision.Participants.Select(p => $"{names.Of(p.UserId)}, {Labels.Of(p.Role).ToLowerInvariant()}")],
            Provenance.Describe(shapedBy.Select(s => s.Voice)),
            shapedBy,
            names.Of(decision.RecordedByUserId),
            decision.RecordedAt,
            decision.LastRevisedByUserId is null ? null : names.Of(decision.LastRevisedByUserId),
            decision.LastRevisedAt);

        StillNeeded = stage.IsSignedOff
            ? []
            : [.. cycle.SignOffBlockers(Stage).Where(r => r.SubjectId == decision.Id).Select(r => r.Rule.Message)];

        var role = HttpContext.CycleMember().Role;
        bool mayRevise = !stage.IsSignedOff
            && CyclePermissions.Allows(role, CycleOperation.RecordDecision)
            && (role == CycleRole.Commissioner || decision.Mode == DecisionMode.ClinicallyLed);
        Choices = mayRevise
            ? await DecisionForm.LoadChoicesAsync(db, cycle, Stage, User.UserId(), role == CycleRole.ClinicalAdviser, ct)
            : null;
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
