using CoproCommissioning.Data;
using CoproCommissioning.Domain.CoDesign;
using CoproCommissioning.Domain.Cycles;
using CoproCommissioning.Domain.Membership;
using CoproCommissioning.Web.Infrastructure;
using CoproCommissioning.Web.Infrastructure.Authorization;
using CoproCommissioning.Web.Infrastructure.Pages;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CoproCommissioning.Web.Pages.Cycles.CoDesign.Proposals;

/// <summary>A provider submits a service model for its organisation. Only providers: everyone else gets 403.</summary>
[CyclePermission(CycleOperation.SubmitProviderProposal)]
public sealed class SubmitModel(CoproDbContext db, IValidator<SubmitModel.Input> validator, TimeProvider clock, ILogger<SubmitModel> logger)
    : StageContentPageModel(StageKind.CoDesign)
{
    public static readonly IReadOnlyDictionary<string, string> FieldsByCode = new Dictionary<string, string>
    {
        [CoDesignRules.ProposalTitleRequired.Code] = "Form.Title",
        [CoDesignRules.ProposalTitleTooLong.Code] = "Form.Title",
        [CoDesignRules.ProposalSummaryRequired.Code] = "Form.Summary",
        [CoDesignRules.ProposalSummaryTooLong.Code] = "Form.Summary",
        [CoDesignRules.ProposalModelRequired.Code] = "Form.ProposedModel",
        [CoDesignRules.ProposalModelTooLong.Code] = "Form.ProposedModel",
    };

    [BindProperty]
    public Input Form { get; set; } = new();

    public string Organisation { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (HttpContext.CycleMember().Role != CycleRole.Provider)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        return await LoadAsync(ct) ? Page() : NotFound();
    }

    [CyclePermission(CycleOperation.SubmitProviderProposal)]
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var member = HttpContext.CycleMember();
        if (member.Role != CycleRole.Provider)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

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

        var outcome = ProviderProposal.Submit(cycle, Form.Title, Form.Summary, Form.ProposedModel, User.UserId(), member.Role,
            member.OrganisationId, clock.GetUtcNow());
        if (!outcome.Succeeded)
        {
            ModelState.AddErrors(outcome.Refusals, FieldsByCode);
            return await LoadAsync(ct) ? Page() : NotFound();
        }

        db.ProviderProposals.Add(outcome.Value);
        if (await SaveStageContentAsync(db, cycle, clock.GetUtcNow(), ct) != StageContentSave.Saved)
        {
            return await LoadAsync(ct) ? Page() : NotFound();
        }

        logger.LogInformation("Proposal {ProposalId} submitted to cycle {CycleId}", outcome.Value.Id, CycleId);
        TempData.SetSuccess("Your proposal was submitted. You can change it until co-design is signed off.");
        return RedirectToPage("/Cycles/CoDesign/Proposals/Details", new { cycleId = CycleId, proposalId = outcome.Value.Id });
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var organisationId = HttpContext.CycleMember().OrganisationId;
        Organisation = await db.Organisations.Where(o => o.Id == organisationId).Select(o => o.Name).SingleOrDefaultAsync(ct) ?? "";
        return await LoadHeadingAsync(db, ct);
    }

    public sealed record Input
    {
        public string Title { get; init; } = "";

        public string Summary { get; init; } = "";

        public string ProposedModel { get; init; } = "";

        /// <summary>The version the person started editing from (edit only).</summary>
        public uint Version { get; init; }
    }

    public sealed class InputValidator : AbstractValidator<Input>
    {
        public InputValidator()
        {
            RuleFor(x => x.Title)
                .NotEmpty().WithMessage(CoDesignRules.ProposalTitleRequired.Message)
                .MaximumLength(ProviderProposal.TitleMaxLength).WithMessage(CoDesignRules.ProposalTitleTooLong.Message);
            RuleFor(x => x.Summary)
                .NotEmpty().WithMessage(CoDesignRules.ProposalSummaryRequired.Message)
                .MaximumLength(ProviderProposal.SummaryMaxLength).WithMessage(CoDesignRules.ProposalSummaryTooLong.Message);
            RuleFor(x => x.ProposedModel)
                .NotEmpty().WithMessage(CoDesignRules.ProposalModelRequired.Message)
                .MaximumLength(ProviderProposal.ProposedModelMaxLength).WithMessage(CoDesignRules.ProposalModelTooLong.Message);
        }
    }
}
