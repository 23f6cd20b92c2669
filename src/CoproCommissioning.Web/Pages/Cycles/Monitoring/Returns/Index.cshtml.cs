using CoproCommissioning.Domain.Monitoring;

namespace CoproCommissioning.Web.Pages.Cycles.Monitoring.Returns;

/// <summary>
/// The returns, period by period, newest first, as far as the signed-in member may read them
/// (<see cref="ReturnsPageModel.LoadReadableReturnsAsync"/>): a provider its own organisation's and, in an alliance, the
/// other members' submitted ones; the commissioning team every party's submitted ones. Everyone else is told where the
/// returns go and pointed to the panel's ratings and the outcomes.
/// </summary>
[CyclePermission(CycleOperation.View)]
public sealed class IndexModel(CoproDbContext db, TimeProvider clock) : ReturnsPageModel
{
    public CycleMonitoring? Monitoring { get; private set; }

    /// <summary>The signed-in provider's organisation reports on this contract.</summary>
    public bool IsReturningParty { get; private set; }

    /// <summary>The periods that have begun, newest first, each with the parties the member sees.</summary>
    public IReadOnlyList<PeriodReturns> Periods { get; private set; } = [];

    public PeopleNames Names { get; private set; } = PeopleNames.None;

    public DateOnly Today { get; private set; }

    public bool MayGiveRatings => CyclePermissions.Allows(Role, CycleOperation.GiveLivedExperienceInput);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await LoadCycleAsync(db, ct) is null)
        {
            return NotFound();
        }

        if (!IsProvider && !IsTeam)
        {
            return Page();
        }

        Monitoring = await LoadMonitoringAsync(db, forChange: false, ct);
        if (Monitoring is not { } monitoring)
        {
            return Page();
        }

        Today = TodayOf(clock.GetUtcNow());
        IsReturningParty = monitoring.IsReturningParty(OrganisationId);
        IReadOnlyList<Guid> parties = IsTeam ? monitoring.ReturningOrganisationIds
            : !IsReturningParty ? []
            : monitoring.IsAlliance ? [OrganisationId!.Value, .. monitoring.ReturningOrganisationIds.Where(id => id != OrganisationId)]
            : [OrganisationId!.Value];
        if (parties.Count == 0)
        {
            return Page();
        }

        var returns = await LoadReadableReturnsAsync(db, monitoring, periodId: null, forChange: false, ct);
        var organisations = await OrganisationNamesAsync(db, parties, ct);
        Names = await PeopleNames.LoadAsync(db, returns.SelectMany(r => r.Revisions).Select(v => v.SubmittedByUserId), UserId, ct);
        Periods = [.. monitoring.Periods
            .Where(p => p.HasStarted(Today))
            .OrderByDescending(p => p.StartsOn)
            .Select(p => new PeriodReturns(p, [.. parties.Select(id => new PartyReturn(
                id,
                organisations.GetValueOrDefault(id, "A provider"),
                id == OrganisationId,
                returns.SingleOrDefault(r => r.PeriodId == p.Id && r.OrganisationId == id),
                IsTeam ? monitoring.ExplanationFor(p.Id, id) : null))]))];
        return Page();
    }
}

/// <summary>One period's returns as the member sees them.</summary>
public sealed record PeriodReturns(ReportingPeriod Period, IReadOnlyList<PartyReturn> Parties);

/// <summary>
/// A party's return for a period: null when it has none the member may read. <paramref name="Explanation"/> is the
/// commissioner's reason a missing return is missing, for the team.
/// </summary>
public sealed record PartyReturn(Guid OrganisationId, string Organisation, bool IsOwn, ProviderReturn? Return, ReturnExplanation? Explanation)
{
    /// <summary>Neither submitted nor explained, as far as the member can tell: what makes a period past its due date worth saying so.</summary>
    public bool IsMissing => Return is not { IsSubmitted: true } && Explanation is null;
}
