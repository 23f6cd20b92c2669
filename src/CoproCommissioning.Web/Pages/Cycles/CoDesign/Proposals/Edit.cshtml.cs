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

/// <summary>
/// A provider changes its organisation's proposal until co-design is signed off. Two colleagues editing at once:
/// the second is told and keeps what they typed (R8).
/// </summary>
[CyclePermission(CycleOperation.SubmitProviderProposal)]
public sealed class EditModel(CoproDbContext db, IValidator<SubmitModel.Input> validator, TimeProvider clock, ILogger<EditModel> logger)
    : StageContentPageModel(StageKind.CoDesign)
{
    public const string ConflictMessage =
        "Someone changed this proposal while you were editing. Your changes are below but have not been saved: check the latest version, then save again.";

    [BindProperty]
    public SubmitModel.Input Form { get; set; } = new();

    /// <summary>What is saved now, shown after a conflict so the person can compare.</summary>
    public ProviderProposal? Latest { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid proposalId, CancellationToken ct)
    {
        if (HttpContext.CycleMember().Role != CycleRole.Provider)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        var proposal = await FindAsync(proposalId, ct);
        if (proposal is null || !await LoadHeadingAsync(db, ct))
        {
            return NotFound();
        }

        Form = new SubmitModel.Input
        {
            Title = proposal.Title,
            Summary = proposal.Summary,
            ProposedModel = proposal.ProposedModel,
            Version = proposal.Version,
        };
        return Page();
    }

    [CyclePermission(CycleOperation.SubmitProviderProposal)]
    public async Task<IActionResult> OnPostAsync(Guid proposalId, CancellationToken ct)
    {
        var member = HttpContext.CycleMember();
        if (member.Role != CycleRole.Provider)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        var proposal = await FindAsync(proposalId, ct);
        if (proposal is null)
        {
            return NotFound();
        }

        var check = await validator.ValidateAsync(Form, ct);
        if (!check.IsValid)
        {
            ModelState.AddErrors(check, nameof(Form));
            return await LoadHeadingAsync(db, ct) ? Page() : NotFound();
        }

        var cycle = await LoadCycleAsync(db, ct);
        if (cycle is null)
        {
            return NotFound();
        }

        db.Entry(proposal).Property(p => p.Version).OriginalValue = Form.Version;
        var outcome = proposal.Revise(cycle, Form.Title, Form.Summary, Form.ProposedModel, User.UserId(), member.Role, member.OrganisationId,
            clock.GetUtcNow());
        if (!outcome.Succeeded)
        {
            ModelState.AddErrors(outcome.Refusals, SubmitModel.FieldsByCode);
            return await LoadHeadingAsync(db, ct) ? Page() : NotFound();
        }

        var saved = await SaveStageContentAsync(db, cycle, clock.GetUtcNow(), ct, reportConflict: false);
        if (saved == StageContentSave.StageSignedOff)
        {
            return await LoadHeadingAsync(db, ct) ? Page() : NotFound();
        }

        if (saved == StageContentSave.Conflict)
        {
            Latest = await FindAsync(proposalId, ct);
            if (Latest is null)
            {
                return NotFound();
            }

            Form = Form with { Version = Latest.Version };
            ModelState.AddModelError("", ConflictMessage);
            return await LoadHeadingAsync(db, ct) ? Page() : NotFound();
        }

        logger.LogInformation("Proposal {ProposalId} of cycle {CycleId} changed", proposal.Id, CycleId);
        TempData.SetSuccess("Your changes to the proposal were saved.");
        return RedirectToPage("/Cycles/CoDesign/Proposals/Details", new { cycleId = CycleId, proposalId });
    }

    /// <summary>The proposal if it is this provider's organisation's; anyone else's is 404, as on the details page.</summary>
    private Task<ProviderProposal?> FindAsync(Guid proposalId, CancellationToken ct)
    {
        var member = HttpContext.CycleMember();
        var cycleId = CycleId;
        return db.ProviderProposals
            .Where(p => p.Id == proposalId && p.CycleId == cycleId)
            .Where(ProviderProposal.VisibleTo(member.Role, member.OrganisationId))
            .SingleOrDefaultAsync(ct);
    }
}
