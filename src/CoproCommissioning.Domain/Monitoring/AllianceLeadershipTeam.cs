using CoproCommissioning.Domain.Membership;
using CoproCommissioning.Domain.Procurement;

namespace CoproCommissioning.Domain.Monitoring;

/// <summary>
/// The leadership team of an alliance, in the monitoring stage of a cycle whose procurement awarded an alliance agreement:
/// one member for each provider in the alliance and one for the commissioner, each with a named person and an equal say.
/// The team's decisions are unanimous, and it keeps a joint risk register, its disputes and a health check each period.
/// Kept apart from the cycle, like the procurement, so the team's work never clashes with other work in the cycle;
/// every change checks the cycle's monitoring stage.
/// </summary>
public sealed partial class AllianceLeadershipTeam
{
    /// <summary>The scale for a risk's likelihood and impact and for the health check's questions.</summary>
    public const int LowestScore = 1;
    public const int HighestScore = 5;

    private readonly List<AllianceMember> _members = [];

    private AllianceLeadershipTeam() { }

    private AllianceLeadershipTeam(Guid cycleId, string createdByUserId, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7();
        CycleId = cycleId;
        CreatedByUserId = createdByUserId;
        CreatedAt = now;
        LastChangedAt = now;
    }

    public Guid Id { get; private set; }

    public Guid CycleId { get; private set; }

    public string CreatedByUserId { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>Set by every change, so saving any change updates this row and <see cref="Version"/> catches two people saving at once.</summary>
    public DateTimeOffset LastChangedAt { get; private set; }

    /// <summary>Concurrency token, mapped to PostgreSQL xmin; the domain never sets it.</summary>
    public uint Version { get; private set; }

    public IReadOnlyList<AllianceMember> Members => _members;

    public AllianceMember? FindMember(Guid id) => _members.SingleOrDefault(m => m.Id == id);

    /// <summary>The member <paramref name="userId"/> speaks for; null when they are not on the team.</summary>
    public AllianceMember? MemberFor(string userId) => _members.SingleOrDefault(m => m.UserId == userId);

    /// <summary>
    /// Whether every party to the alliance has its member: the commissioner and each provider the alliance was awarded to.
    /// Until then the team takes no decisions, since a decision needs every party's agreement.
    /// </summary>
    public bool IsComplete(CycleProcurement procurement)
    {
        ArgumentNullException.ThrowIfNull(procurement);
        return _members.Any(m => m.Party == AllianceParty.Commissioner)
            && procurement.AwardedOrganisationIds.All(id => _members.Any(m => m.OrganisationId == id));
    }

    /// <summary>A commissioner sets up the team, once the procurement has awarded an alliance agreement.</summary>
    public static DomainOutcome<AllianceLeadershipTeam> Start(
        CommissioningCycle cycle, CycleProcurement procurement, string actorUserId, CycleRole actorRole, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actorUserId);
        var refusals = CheckCommissioner(cycle, procurement, actorRole, now);
        if (refusals.Count > 0)
        {
            return DomainOutcome.Refused<AllianceLeadershipTeam>(refusals);
        }

        var team = new AllianceLeadershipTeam(cycle.Id, actorUserId, now);
        var changed = team.Changed(cycle, now);
        return changed.Succeeded ? DomainOutcome.Success(team) : DomainOutcome.Refused<AllianceLeadershipTeam>(changed.Refusals);
    }

    /// <summary>
    /// A commissioner adds a party to the team with its named person: a provider the alliance was awarded to, named by
    /// one of its own staff in the cycle, or the commissioner, named by a commissioner of the cycle. Each party once.
    /// <paramref name="person"/> is null when the person chosen is not a member of the cycle.
    /// </summary>
    public DomainOutcome<AllianceMember> AddMember(
        CommissioningCycle cycle, CycleProcurement procurement, AllianceParty? party, Guid? organisationId, NamedPerson? person,
        string actorUserId, CycleRole actorRole, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actorUserId);
        StageContent.CheckCycle(cycle, CycleId);
        var refusals = CheckCommissioner(cycle, procurement, actorRole, now);
        if (ChoiceInput.Check(refusals, party, AllianceRules.PartyRequired))
        {
            var organisation = party == AllianceParty.Provider ? organisationId : null;
            if (party == AllianceParty.Provider && (organisation is null || !procurement.AwardedOrganisationIds.Contains(organisation.Value)))
            {
                refusals.Add(new Refusal(AllianceRules.OrganisationNotInAlliance));
            }
            else if (_members.Any(m => m.Party == party && m.OrganisationId == organisation))
            {
                refusals.Add(new Refusal(AllianceRules.PartyAlreadyMember));
            }

            CheckPerson(refusals, party.Value, organisation, person, null);
        }

        if (refusals.Count > 0)
        {
            return DomainOutcome.Refused<AllianceMember>(refusals);
        }

        var member = new AllianceMember(party!.Value, party == AllianceParty.Provider ? organisationId : null, person!.UserId, actorUserId, now);
        _members.Add(member);
        var changed = Changed(cycle, now);
        return changed.Succeeded ? DomainOutcome.Success(member) : DomainOutcome.Refused<AllianceMember>(changed.Refusals);
    }

    /// <summary>
    /// A commissioner changes who speaks for a party, for example when someone leaves the provider. The party's votes and
    /// ratings stay its own: they were the party's, given by whoever spoke for it then.
    /// </summary>
    public DomainOutcome ChangeNamedPerson(
        CommissioningCycle cycle, CycleProcurement procurement, Guid memberId, NamedPerson? person, CycleRole actorRole, DateTimeOffset now)
    {
        StageContent.CheckCycle(cycle, CycleId);
        var refusals = CheckCommissioner(cycle, procurement, actorRole, now);
        var member = FindMember(memberId);
        if (member is null)
        {
            refusals.Add(new Refusal(AllianceRules.MemberNotFound));
        }
        else
        {
            CheckPerson(refusals, member.Party, member.OrganisationId, person, member.Id);
        }

        if (refusals.Count > 0)
        {
            return DomainOutcome.Refused(refusals);
        }

        member!.Rename(person!.UserId);
        return Changed(cycle, now);
    }

    private void CheckPerson(List<Refusal> refusals, AllianceParty party, Guid? organisationId, NamedPerson? person, Guid? memberId)
    {
        if (person is null)
        {
            refusals.Add(new Refusal(AllianceRules.PersonRequired));
            return;
        }

        var ofParty = party == AllianceParty.Commissioner
            ? person.Role == CycleRole.Commissioner
            : person.Role == CycleRole.Provider && organisationId is not null && person.OrganisationId == organisationId;
        if (!ofParty)
        {
            refusals.Add(new Refusal(AllianceRules.PersonNotOfParty));
        }

        if (_members.Any(m => m.UserId == person.UserId && m.Id != memberId))
        {
            refusals.Add(new Refusal(AllianceRules.PersonAlreadyNamed));
        }
    }

    private static List<Refusal> CheckCommissioner(CommissioningCycle cycle, CycleProcurement procurement, CycleRole actorRole, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(procurement);
        Guard.Defined(actorRole);
        var refusals = CheckStage(cycle, now);
        StageContent.CheckCycle(cycle, procurement.CycleId);
        if (!CyclePermissions.Allows(actorRole, CycleOperation.ManageMembers))
        {
            refusals.Add(new Refusal(CycleRules.CommissionerOnly));
        }

        if (procurement.Regime != ProcurementRegime.AllianceAgreement || !procurement.IsAwardRecorded)
        {
            refusals.Add(new Refusal(AllianceRules.NotAnAlliance));
        }

        return refusals;
    }

    /// <summary>The monitoring stage must be under way and not signed off.</summary>
    private static List<Refusal> CheckStage(CommissioningCycle cycle, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(cycle);
        Guard.Utc(now);
        List<Refusal> refusals = [];
        if (cycle.StageOf(StageKind.Monitoring).Status == StageStatus.NotStarted)
        {
            refusals.Add(new Refusal(CycleRules.StageNotOpen));
        }

        StageContent.CheckStageOpen(refusals, cycle, StageKind.Monitoring, now);
        return refusals;
    }

    /// <summary>
    /// The stage checks, and who the actor speaks for: only the named people on the team act in its decisions, register,
    /// disputes and health checks, and each acts for their own party.
    /// </summary>
    private (List<Refusal> Refusals, AllianceMember? Member) CheckMember(CommissioningCycle cycle, string actorUserId, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actorUserId);
        StageContent.CheckCycle(cycle, CycleId);
        var refusals = CheckStage(cycle, now);
        var member = MemberFor(actorUserId);
        if (member is null)
        {
            refusals.Add(new Refusal(AllianceRules.TeamMembersOnly));
        }

        return (refusals, member);
    }

    private static bool CheckScore(List<Refusal> refusals, int? score, DomainRule rule)
    {
        if (score is >= LowestScore and <= HighestScore)
        {
            return true;
        }

        refusals.Add(new Refusal(rule));
        return false;
    }

    /// <summary>Marks this and the cycle changed, so the save checks both versions and races a sign-off fairly (R8).</summary>
    private DomainOutcome Changed(CommissioningCycle cycle, DateTimeOffset now)
    {
        StageContent.CheckCycle(cycle, CycleId);
        LastChangedAt = now;
        return cycle.RecordStageContentChange(StageKind.Monitoring, now);
    }
}
