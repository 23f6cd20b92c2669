using CoproCommissioning.Domain.CoDesign;

namespace CoproCommissioning.Web.Pages.Cycles.CoDesign.Proposals;

/// <summary>A provider submits a service model for its organisation. Only providers: everyone else gets 403.</summary>
[CyclePermission(CycleOperation.SubmitProviderProposal)]
public sealed class SubmitModel(CoproDbContext db, TimeProvider clock, ILogger<SubmitModel> logger) : ProposalFormPageModel(db, clock)
{
    /// <summary>The organisation the proposal is submitted for.</summary>
    public string Organisation { get; private set; } = "";

    public Task<IActionResult> OnGetAsync(CancellationToken ct) => ShowNewAsync(ct);

    [CyclePermission(CycleOperation.SubmitProviderProposal)]
    public Task<IActionResult> OnPostAsync(CancellationToken ct) => AddAsync(
        (cycle, now) => ProviderProposal.Submit(cycle, Form.Title, Form.Summary, Form.ProposedModel, User.UserId(), Role, OrganisationId, now),
        proposal =>
        {
            logger.LogInformation("Proposal {ProposalId} submitted to cycle {CycleId}", proposal.Id, CycleId);
            TempData.SetSuccess("Your proposal was submitted. You can change it until co-design is signed off.");
            return RedirectToPage("/Cycles/CoDesign/Proposals/Details", new { cycleId = CycleId, proposalId = proposal.Id });
        },
        ct);

    protected override async Task LoadChoicesAsync(CancellationToken ct)
    {
        var organisationId = OrganisationId;
        Organisation = await Db.Organisations.Where(o => o.Id == organisationId).Select(o => o.Name).SingleOrDefaultAsync(ct) ?? "";
    }
}
