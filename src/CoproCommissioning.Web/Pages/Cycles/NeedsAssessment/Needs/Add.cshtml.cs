using CoproCommissioning.Data;
using CoproCommissioning.Domain.Cycles;
using CoproCommissioning.Domain.Membership;
using CoproCommissioning.Domain.NeedsAssessment;
using CoproCommissioning.Web.Infrastructure;
using CoproCommissioning.Web.Infrastructure.Authorization;
using CoproCommissioning.Web.Infrastructure.Pages;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CoproCommissioning.Web.Pages.Cycles.NeedsAssessment.Needs;

/// <summary>A commissioner or the champion records a need the evidence shows, its priority and the evidence behind it.</summary>
[CyclePermission(CycleOperation.LogOnBehalf)]
public sealed class AddModel(CoproDbContext db, IValidator<AddModel.Input> validator, TimeProvider clock, ILogger<AddModel> logger)
    : StageContentPageModel(StageKind.NeedsAssessment)
{
    public const string UnknownEvidenceMessage = "Choose evidence from the list. Some of what you chose is no longer there.";

    public static readonly IReadOnlyDictionary<string, string> FieldsByCode = new Dictionary<string, string>
    {
        [NeedsAssessmentRules.NeedStatementRequired.Code] = "Form.Statement",
        [NeedsAssessmentRules.NeedStatementTooLong.Code] = "Form.Statement",
    };

    [BindProperty]
    public Input Form { get; set; } = new();

    public IReadOnlyList<EvidenceOption> EvidenceOptions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) =>
        await LoadAsync(ct) ? Page() : NotFound();

    [CyclePermission(CycleOperation.LogOnBehalf)]
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var check = await validator.ValidateAsync(Form, ct);
        if (!check.IsValid)
        {
            ModelState.AddErrors(check, nameof(Form));
            return await LoadAsync(ct) ? Page() : NotFound();
        }

        var cycle = await LoadCycleAsync(db, ct);
        if (cycle is null)
        {
            return NotFound();
        }

        var evidence = await FindEvidenceAsync(db, CycleId, Form.EvidenceIds, ct);
        if (evidence is null)
        {
            ModelState.AddModelError("Form.EvidenceIds", UnknownEvidenceMessage);
            return await LoadAsync(ct) ? Page() : NotFound();
        }

        var outcome = IdentifiedNeed.Identify(cycle, Form.Statement, Form.Priority!.Value, evidence, User.UserId(),
            HttpContext.CycleMember().Role, clock.GetUtcNow());
        if (!outcome.Succeeded)
        {
            ModelState.AddErrors(outcome.Refusals, FieldsByCode);
            return await LoadAsync(ct) ? Page() : NotFound();
        }

        db.IdentifiedNeeds.Add(outcome.Value);
        if (await SaveStageContentAsync(db, cycle, clock.GetUtcNow(), ct) != StageContentSave.Saved)
        {
            return await LoadAsync(ct) ? Page() : NotFound();
        }

        logger.LogInformation("Need {NeedId} identified in cycle {CycleId}", outcome.Value.Id, CycleId);
        TempData.SetSuccess("Need added.");
        return RedirectToPage("/Cycles/NeedsAssessment/Needs/Index", new { cycleId = CycleId });
    }

    /// <summary>The chosen evidence items, all of this cycle; null when any id is not (gone, or a hand-made request).</summary>
    public static async Task<IReadOnlyList<EvidenceItem>?> FindEvidenceAsync(
        CoproDbContext db, Guid cycleId, IReadOnlyCollection<Guid> ids, CancellationToken ct)
    {
        var wanted = ids.Distinct().ToList();
        var found = await db.EvidenceItems.AsNoTracking().Where(e => e.CycleId == cycleId && wanted.Contains(e.Id)).ToListAsync(ct);
        return found.Count == wanted.Count ? [.. wanted.Select(id => found.Single(e => e.Id == id))] : null;
    }

    public static Task<List<EvidenceOption>> EvidenceOptionsAsync(CoproDbContext db, Guid cycleId, CancellationToken ct) =>
        db.EvidenceItems.AsNoTracking()
            .Where(e => e.CycleId == cycleId)
            .OrderBy(e => e.Source).ThenBy(e => e.AddedAt)
            .Select(e => new EvidenceOption(e.Id, e.Source, e.Kind))
            .ToListAsync(ct);

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        EvidenceOptions = await EvidenceOptionsAsync(db, CycleId, ct);
        return await LoadHeadingAsync(db, ct);
    }

    public sealed record EvidenceOption(Guid Id, string Source, EvidenceKind Kind);

    public sealed record Input
    {
        public string Statement { get; init; } = "";

        public NeedPriority? Priority { get; init; }

        public List<Guid> EvidenceIds { get; init; } = [];

        /// <summary>The version the person started editing from (edit only).</summary>
        public uint Version { get; init; }
    }

    public sealed class InputValidator : AbstractValidator<Input>
    {
        public InputValidator()
        {
            RuleFor(x => x.Statement)
                .NotEmpty().WithMessage(NeedsAssessmentRules.NeedStatementRequired.Message)
                .MaximumLength(IdentifiedNeed.StatementMaxLength).WithMessage(NeedsAssessmentRules.NeedStatementTooLong.Message);
            RuleFor(x => x.Priority)
                .NotNull().WithMessage("Choose how high a priority this need is.")
                .IsInEnum().WithMessage("Choose how high a priority this need is.");
        }
    }
}
