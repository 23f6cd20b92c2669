using CoproCommissioning.Domain.Monitoring;
using CoproCommissioning.Domain.Procurement;

namespace CoproCommissioning.Web.Pages.Cycles.Monitoring.Alliance;

/// <summary>
/// A page of the alliance leadership team, which exists only where the procurement awarded an alliance agreement: any
/// other route answers 404, and before a route is recorded the pages say what the team is for and when it can start.
/// Who reads the team's work, decided here once for every alliance page: the commissioning team (commissioners, the
/// champion and clinical advisers, who follow the stage's sign-off), the named people on the team, and the staff of
/// every provider in the alliance, who share its risk and reward. Panel members and observers do not: the register and
/// the disputes are the partners' commercial business, and the panel gives its view through its own ratings. The team's
/// rules (who acts for which party, unanimity) are the domain's; every change saves with the cycle (R8).
/// </summary>
public abstract class AlliancePageModel(CoproDbContext db, TimeProvider clock) : MonitoringPageModel
{
    protected CoproDbContext Db => db;

    protected TimeProvider Clock => clock;

    protected CommissioningCycle Cycle { get; private set; } = null!;

    /// <summary>The cycle's procurement; null until a route is recorded.</summary>
    public CycleProcurement? Procurement { get; private set; }

    /// <summary>The team; null until a commissioner sets it up.</summary>
    public AllianceLeadershipTeam? Team { get; private set; }

    /// <summary>The contract, for its reporting periods; null until it is made.</summary>
    public CycleMonitoring? Monitoring { get; private set; }

    /// <summary>The alliance was awarded, so the team can be set up and its work read.</summary>
    public bool IsAwarded => Procurement is { Regime: ProcurementRegime.AllianceAgreement, IsAwardRecorded: true };

    /// <summary>The member the signed-in person speaks for; null when they are not on the team.</summary>
    public AllianceMember? Me => Team?.MemberFor(UserId);

    /// <summary>Commissioners set up the team and name each party's person.</summary>
    public bool CanSetUp => CyclePermissions.Allows(Role, CycleOperation.ManageMembers);

    /// <summary>Every party has its member, so the team can take decisions.</summary>
    public bool IsComplete => Team is not null && Procurement is not null && Team.IsComplete(Procurement);

    /// <summary>The names of the alliance's providers, by organisation id.</summary>
    public IReadOnlyDictionary<Guid, string> Organisations { get; private set; } = new Dictionary<Guid, string>();

    public PeopleNames Names { get; private set; } = PeopleNames.None;

    public string AllianceUrl => MonitoringUrls.Alliance(CycleId);

    /// <summary>
    /// Reads the cycle, its procurement, the team (tracked when <paramref name="forChange"/>) and the contract. Returns
    /// what to answer instead of the page: 404 for a cycle that is not there or not an alliance, 403 for a member of the
    /// cycle who may not read the team's work.
    /// </summary>
    protected async Task<IActionResult?> LoadAsync(bool forChange, CancellationToken ct)
    {
        if (await LoadCycleAsync(db, ct) is not { } cycle)
        {
            return NotFound();
        }

        Cycle = cycle;
        Procurement = await db.Procurements.AsNoTracking().AsSplitQuery().SingleOrDefaultAsync(p => p.CycleId == CycleId, ct);
        if (Procurement is not null && Procurement.Regime != ProcurementRegime.AllianceAgreement)
        {
            return NotFound();
        }

        var teams = db.AllianceTeams.AsSplitQuery().Where(t => t.CycleId == CycleId);
        Team = await (forChange ? teams : teams.AsNoTracking()).SingleOrDefaultAsync(ct);
        if (IsAwarded && !MayRead())
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        Monitoring = await LoadMonitoringAsync(db, forChange: false, ct);
        await LoadNamesAsync(ct);
        return null;
    }

    /// <summary>
    /// <see cref="ChangeAsync"/> for a change that adds something to the team (a decision, risk, dispute or member):
    /// <c>Added</c> is what it added once saved; with <c>Answer</c> set, nothing was added and that is the page to show.
    /// </summary>
    protected async Task<(IActionResult? Answer, T? Added)> AddAsync<T>(
        Func<AllianceLeadershipTeam, DateTimeOffset, DomainOutcome<T>> add, string prefix, CancellationToken ct, Func<string, string>? fieldFor = null)
        where T : class
    {
        T? added = null;
        var answer = await ChangeAsync((team, now) =>
        {
            var outcome = add(team, now);
            added = outcome.Succeeded ? outcome.Value : null;
            return outcome;
        }, prefix, null, ct, fieldFor);
        return (answer, answer is null ? added : null);
    }

    /// <summary>
    /// The change, its refusals beside the form's fields under <paramref name="prefix"/> (with what was typed kept), and
    /// the save with the cycle. <paramref name="seenVersion"/> is the team's version the form showed, for changes to
    /// something already there (a risk, a dispute, a named person): when someone else changed the team since, nothing is
    /// saved and the person is told (R8). Returns null when the change was saved.
    /// </summary>
    protected async Task<IActionResult?> ChangeAsync(
        Func<AllianceLeadershipTeam, DateTimeOffset, DomainOutcome> change, string prefix, uint? seenVersion, CancellationToken ct,
        Func<string, string>? fieldFor = null)
    {
        if (Team is null)
        {
            // No team yet: there is nothing to change, and the page says how the team starts.
            return Page();
        }

        if (seenVersion is { } version)
        {
            db.Entry(Team).Property(t => t.Version).OriginalValue = version;
        }

        var now = clock.GetUtcNow();
        var outcome = change(Team, now);
        ModelState.AddErrors(fieldFor is null ? outcome.Refusals : outcome.Refusals.Select(r => r.Field is { } field ? r with { Field = fieldFor(field) } : r), prefix);
        if (ModelState.IsValid)
        {
            var saved = await SaveIntoStageAsync(db, Cycle, now, ct);
            if (saved.Succeeded)
            {
                return null;
            }

            if (saved.Status == SaveStatus.Conflict)
            {
                ModelState.AddConcurrencyError();
                // The next attempt is checked against the team now on screen.
                ModelState.Remove($"{prefix}.Version");
                Conflicted = true;
            }
        }

        db.ChangeTracker.Clear();
        Team = await db.AllianceTeams.AsNoTracking().AsSplitQuery().SingleOrDefaultAsync(t => t.CycleId == CycleId, ct);
        await LoadNamesAsync(ct);
        return Page();
    }

    /// <summary>Someone else changed the team first: a form showing its version takes the team's version now.</summary>
    protected bool Conflicted { get; private set; }

    /// <summary>"Harbour Lights Sanctuary" or "The commissioner": who a member speaks for, starting a sentence or on its own.</summary>
    public string PartyOf(AllianceMember member) => PartyOf(member, startsSentence: true);

    /// <summary>"Harbour Lights Sanctuary" or "the commissioner": who a member speaks for, inside a sentence.</summary>
    public string PartyInSentence(AllianceMember member) => PartyOf(member, startsSentence: false);

    /// <summary>A member as a page names them: the person who speaks for them, and their party.</summary>
    public string MemberName(Guid memberId) => Team?.FindMember(memberId) is { } member
        ? AllianceLabels.Member(Names.Of(member.UserId), PartyInSentence(member))
        : "A member no longer on the team";

    private string PartyOf(AllianceMember member, bool startsSentence) => AllianceLabels.Party(member.Party,
        member.OrganisationId is { } id && Organisations.TryGetValue(id, out var name) ? name : null, startsSentence);

    /// <summary>A day the team's work happened on, in the UK.</summary>
    public DateOnly Today => UkTime.Today(clock.GetUtcNow());

    private bool MayRead() =>
        CyclePermissions.Allows(Role, CycleOperation.FollowSignOff)
        || Me is not null
        || (CyclePermissions.Allows(Role, CycleOperation.SubmitProviderReturn)
            && OrganisationId is { } organisation && Procurement!.AwardedOrganisationIds.Contains(organisation));

    private async Task LoadNamesAsync(CancellationToken ct)
    {
        var awarded = Procurement?.AwardedOrganisationIds ?? [];
        Organisations = awarded.Count == 0
            ? new Dictionary<Guid, string>()
            : await db.Organisations.AsNoTracking().Where(o => awarded.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        Names = await PeopleNames.LoadAsync(db, Team?.Members.Select(m => m.UserId) ?? [], UserId, ct);
    }
}

/// <summary>The alliance pages' addresses besides the team's page (<see cref="MonitoringUrls.Alliance"/>).</summary>
public static class AllianceUrls
{
    public static string AddMember(Guid cycleId) => $"{MonitoringUrls.Alliance(cycleId)}/members/new";

    public static string Member(Guid cycleId, Guid memberId) => $"{MonitoringUrls.Alliance(cycleId)}/members/{memberId}";

    public static string Propose(Guid cycleId) => $"{MonitoringUrls.Alliance(cycleId)}/decisions/new";

    public static string Decision(Guid cycleId, Guid decisionId) => $"{MonitoringUrls.Alliance(cycleId)}/decisions/{decisionId}";

    public static string AddRisk(Guid cycleId) => $"{MonitoringUrls.Alliance(cycleId)}/risks/new";

    public static string Risk(Guid cycleId, Guid riskId) => $"{MonitoringUrls.Alliance(cycleId)}/risks/{riskId}";

    public static string RaiseDispute(Guid cycleId) => $"{MonitoringUrls.Alliance(cycleId)}/disputes/new";

    public static string Dispute(Guid cycleId, Guid disputeId) => $"{MonitoringUrls.Alliance(cycleId)}/disputes/{disputeId}";

    public static string Health(Guid cycleId, Guid periodId) => $"{MonitoringUrls.Alliance(cycleId)}/health/{periodId}";
}
