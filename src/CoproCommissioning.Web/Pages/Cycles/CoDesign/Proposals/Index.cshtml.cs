namespace CoproCommissioning.Web.Pages.Cycles.CoDesign.Proposals;

/// <summary>
/// Provider proposals. A provider sees only its own organisation's (R7): the filter is in the query, so other
/// providers' proposals never leave the database for them.
/// </summary>
[CyclePermission(CycleOperation.SeeProviderProposals)]
public sealed class IndexModel(CoproDbContext db) : CoDesignPageModel(db)
{
    public PageOf<ProposalRow> Proposals { get; private set; } = new([], 1, PageSize, 0);

    public Task<IActionResult> OnGetAsync(int pageNumber = 1, CancellationToken ct = default) => ShowAsync(
        async () => Proposals = await VisibleProposals
            .OrderByDescending(p => p.SubmittedAt).ThenBy(p => p.Id)
            .Join(Db.Organisations, p => p.OrganisationId, o => o.Id, (p, o) => new ProposalRow(p.Id, p.Title, o.Name, p.SubmittedAt))
            .ToPageAsync(pageNumber, ct, PageSize),
        ct);

    public string PageUrl(int number) => Url.Page("/Cycles/CoDesign/Proposals/Index", new { cycleId = CycleId, pageNumber = number })!;

    public sealed record ProposalRow(Guid Id, string Title, string Organisation, DateTimeOffset SubmittedAt);
}
