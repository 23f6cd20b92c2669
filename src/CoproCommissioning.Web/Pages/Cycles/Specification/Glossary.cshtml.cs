using CoproCommissioning.Data;
using CoproCommissioning.Domain.Membership;
using CoproCommissioning.Domain.Specification;
using CoproCommissioning.Web.Infrastructure;
using CoproCommissioning.Web.Infrastructure.Authorization;
using CoproCommissioning.Web.Infrastructure.Pages;
using CoproCommissioning.Web.Infrastructure.Specification;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CoproCommissioning.Web.Pages.Cycles.Specification;

/// <summary>
/// The cycle's glossary: agreed terms (marked in the specification) and suggestions waiting for a commissioner.
/// Anyone taking part can suggest a term; a commissioner's term is agreed at once.
/// </summary>
[CyclePermission(CycleOperation.View)]
public sealed class GlossaryModel(
    CoproDbContext db, IValidator<GlossaryModel.Input> validator, TimeProvider clock, ILogger<GlossaryModel> logger)
    : SpecificationPageModel
{
    public const int PageSize = 50;

    /// <summary>Where each glossary refusal goes on the add and change forms, which share field names.</summary>
    internal static readonly Dictionary<string, string> FieldsByCode = new()
    {
        [SpecificationRules.TermRequired.Code] = "Form.Term",
        [SpecificationRules.TermTooLong.Code] = "Form.Term",
        [SpecificationRules.TermDuplicate.Code] = "Form.Term",
        [SpecificationRules.MeaningRequired.Code] = "Form.Meaning",
        [SpecificationRules.MeaningTooLong.Code] = "Form.Meaning",
    };

    [BindProperty]
    public Input Form { get; set; } = new();

    public PageOf<TermRow> Agreed { get; private set; } = null!;

    public PageOf<TermRow> Suggested { get; private set; } = null!;

    public bool CanAdd { get; private set; }

    public async Task<IActionResult> OnGetAsync(int termsPage = 1, int suggestionsPage = 1, CancellationToken ct = default) =>
        await ShowAsync(termsPage, suggestionsPage, ct) ? Page() : NotFound();

    [CyclePermission(CycleOperation.Contribute)]
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var cycle = await LoadCycleAsync(db, forChange: false, ct);
        if (cycle is null)
        {
            return NotFound();
        }

        var check = await validator.ValidateAsync(Form, ct);
        if (!check.IsValid)
        {
            ModelState.AddErrors(check, nameof(Form));
            return await ShowPageAsync(ct);
        }

        var others = await db.GlossaryTerms.AsNoTracking().Where(t => t.CycleId == CycleId).Select(t => t.Term).ToListAsync(ct);
        var outcome = GlossaryTerm.Add(cycle, others, Form.Term, Form.Meaning, User.UserId(), HttpContext.CycleMember().Role, clock.GetUtcNow());
        if (!outcome.Succeeded)
        {
            ModelState.AddErrors(outcome.Refusals, FieldsByCode);
            return await ShowPageAsync(ct);
        }

        db.GlossaryTerms.Add(outcome.Value);
        try
        {
            if (await SaveStageContentAsync(db, cycle, clock.GetUtcNow(), ct) != StageContentSave.Saved)
            {
                return await ShowPageAsync(ct);
            }
        }
        catch (DbUpdateException)
        {
            // Someone added the same term a moment before.
            db.ChangeTracker.Clear();
            ModelState.AddModelError("Form.Term", SpecificationRules.TermDuplicate.Message);
            return await ShowPageAsync(ct);
        }

        logger.LogInformation("Glossary term {TermId} added to cycle {CycleId} as {Status}", outcome.Value.Id, CycleId, outcome.Value.Status);
        TempData.SetSuccess(outcome.Value.IsAgreed
            ? $"\u201c{outcome.Value.Term}\u201d added to the glossary. It is explained wherever it appears in the specification."
            : $"Thank you. \u201c{outcome.Value.Term}\u201d is suggested: a commissioner will agree it with the panel.");
        return Redirect(SpecificationUrls.Glossary(CycleId));
    }

    private async Task<IActionResult> ShowPageAsync(CancellationToken ct) => await ShowAsync(1, 1, ct) ? Page() : NotFound();

    private async Task<bool> ShowAsync(int page, int suggestionsPage, CancellationToken ct)
    {
        var cycle = await LoadCycleAsync(db, forChange: false, ct);
        if (cycle is null)
        {
            return false;
        }

        CanAdd = CyclePermissions.Allows(Role, CycleOperation.Contribute) && !IsFrozen;
        var terms = db.GlossaryTerms.AsNoTracking().Where(t => t.CycleId == CycleId).OrderBy(t => t.Term);
        Agreed = await terms.Where(t => t.Status == GlossaryTermStatus.Agreed)
            .Select(t => new TermRow(t.Id, t.Term, t.Meaning)).ToPageAsync(page, ct, PageSize);
        Suggested = await terms.Where(t => t.Status == GlossaryTermStatus.Proposed)
            .Select(t => new TermRow(t.Id, t.Term, t.Meaning)).ToPageAsync(suggestionsPage, ct, PageSize);
        return true;
    }

    public sealed record TermRow(Guid Id, string Term, string Meaning);

    public sealed record Input
    {
        public string Term { get; init => field = value ?? ""; } = "";

        public string Meaning { get; init => field = value ?? ""; } = "";
    }

    public sealed class InputValidator : AbstractValidator<Input>
    {
        public InputValidator()
        {
            RuleFor(x => x.Term).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage(SpecificationRules.TermRequired.Message)
                .MaximumLength(GlossaryTerm.TermMaxLength).WithMessage(SpecificationRules.TermTooLong.Message);
            RuleFor(x => x.Meaning).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage(SpecificationRules.MeaningRequired.Message)
                .MaximumLength(GlossaryTerm.MeaningMaxLength).WithMessage(SpecificationRules.MeaningTooLong.Message);
        }
    }
}
