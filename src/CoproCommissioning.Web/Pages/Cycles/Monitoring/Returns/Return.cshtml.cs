using CoproCommissioning.Domain.Monitoring;

namespace CoproCommissioning.Web.Pages.Cycles.Monitoring.Returns;

/// <summary>
/// One return, for those who may read it (<see cref="ReturnsPageModel.LoadReadableReturnsAsync"/>; any other id, or a
/// return nobody outside its organisation may read yet, is not found): what it says now, and each earlier revision with
/// the reason it was corrected. Its own organisation reads its draft and a correction being written too; others read
/// only what was submitted.
/// </summary>
[CyclePermission(CycleOperation.View)]
public sealed class ReturnModel(CoproDbContext db) : ReturnsPageModel
{
    public CycleMonitoring Monitoring { get; private set; } = null!;

    public ReportingPeriod Period { get; private set; } = null!;

    public ProviderReturn Return { get; private set; } = null!;

    public string Organisation { get; private set; } = "";

    public bool IsOwn { get; private set; }

    /// <summary>The revisions the member may read, first to latest: every one for the organisation, the submitted ones for others.</summary>
    public IReadOnlyList<ReturnRevision> Revisions { get; private set; } = [];

    /// <summary>The revision shown: the one asked for, else what the return says now (or, for its organisation, the latest).</summary>
    public ReturnRevision Shown { get; private set; } = null!;

    public PeopleNames Names { get; private set; } = PeopleNames.None;

    public async Task<IActionResult> OnGetAsync(Guid returnId, int? revision, CancellationToken ct)
    {
        // Without a contract there is no return with this id in the cycle: not found, like any id from elsewhere.
        if (await LoadCycleAsync(db, ct) is null || await LoadMonitoringAsync(db, forChange: false, ct) is not { } monitoring)
        {
            return NotFound();
        }

        if ((await LoadReadableReturnsAsync(db, monitoring, periodId: null, forChange: false, ct)).SingleOrDefault(r => r.Id == returnId)
            is not { } providerReturn)
        {
            return NotFound();
        }

        IsOwn = providerReturn.OrganisationId == OrganisationId;
        Revisions = [.. providerReturn.Revisions.Where(v => IsOwn || v.IsSubmitted)];
        var shown = revision is { } number ? Revisions.SingleOrDefault(v => v.Number == number) : IsOwn ? providerReturn.Latest : providerReturn.Submitted;
        if (shown is null)
        {
            return NotFound();
        }

        Monitoring = monitoring;
        Period = monitoring.FindPeriod(providerReturn.PeriodId)!;
        Return = providerReturn;
        Shown = shown;
        Organisation = (await OrganisationNamesAsync(db, [providerReturn.OrganisationId], ct)).GetValueOrDefault(providerReturn.OrganisationId, "A provider");
        Names = await PeopleNames.LoadAsync(db, Revisions.SelectMany(v => new[] { v.StartedByUserId, v.LastSavedByUserId, v.SubmittedByUserId }), UserId, ct);
        return Page();
    }
}
