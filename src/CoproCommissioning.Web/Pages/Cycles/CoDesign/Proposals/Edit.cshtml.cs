namespace CoproCommissioning.Web.Pages.Cycles.CoDesign.Proposals;

/// <summary>
/// A provider changes its organisation's proposal until co-design is signed off; another organisation's is not found.
/// Two colleagues editing at once: the second is told and keeps what they typed (R8).
/// </summary>
[CyclePermission(CycleOperation.SubmitProviderProposal)]
public sealed class EditModel(CoproDbContext db, TimeProvider clock, ILogger<EditModel> logger) : ProposalFormPageModel(db, clock)
{
    public Task<IActionResult> OnGetAsync(Guid proposalId, CancellationToken ct) => ShowAsync(proposalId, ct);

    [CyclePermission(CycleOperation.SubmitProviderProposal)]
    public Task<IActionResult> OnPostAsync(Guid proposalId, CancellationToken ct) => ReviseAsync(
        proposalId,
        (proposal, cycle, now) => proposal.Revise(cycle, Form.Title, Form.Summary, Form.ProposedModel, User.UserId(), Role, OrganisationId, now),
        proposal =>
        {
            logger.LogInformation("Proposal {ProposalId} of cycle {CycleId} changed", proposal.Id, CycleId);
            TempData.SetSuccess("Your changes to the proposal were saved.");
            return RedirectToPage("/Cycles/CoDesign/Proposals/Details", new { cycleId = CycleId, proposalId });
        },
        ct);
}
