using CoproCommissioning.Domain.Cycles;
using CoproCommissioning.Domain.Monitoring;
using CoproCommissioning.Domain.Procurement;

namespace CoproCommissioning.Domain.Tests.Monitoring;

/// <summary>
/// A cycle in monitoring whose procurement awarded an alliance agreement to an NHS trust and two voluntary providers,
/// and its leadership team, for the alliance tests. The set-up happens the hour before <see cref="Now"/>, when tests act.
/// </summary>
internal static class AllianceSetUp
{
    public static readonly DateTimeOffset Now = Moments.Now;

    /// <summary>The day of <see cref="Now"/>: Monday 2 March 2026.</summary>
    public static readonly DateOnly Today = new(2026, 3, 2);

    public static readonly Guid Trust = Guid.CreateVersion7();
    public static readonly Guid Voluntary = Guid.CreateVersion7();
    public static readonly Guid OtherVoluntary = Guid.CreateVersion7();

    /// <summary>A provider in the cycle that is not in the alliance.</summary>
    public static readonly Guid Outsider = Guid.CreateVersion7();

    public static readonly Guid FirstQuarter = Guid.CreateVersion7();
    public static readonly Guid SecondQuarter = Guid.CreateVersion7();

    public const string TrustLead = "provider-trust";
    public const string VoluntaryLead = "provider-voluntary";
    public const string OtherVoluntaryLead = "provider-other-voluntary";

    public static readonly NamedPerson Commissioner = new(People.Commissioner, CycleRole.Commissioner, null);
    public static readonly NamedPerson TrustPerson = new(TrustLead, CycleRole.Provider, Trust);
    public static readonly NamedPerson VoluntaryPerson = new(VoluntaryLead, CycleRole.Provider, Voluntary);
    public static readonly NamedPerson OtherVoluntaryPerson = new(OtherVoluntaryLead, CycleRole.Provider, OtherVoluntary);

    public static readonly RouteChoice Alliance = new(
        ProcurementRegime.AllianceAgreement, ProcurementRoute.AllianceOfExistingProviders, RouteQuestions.Unanswered,
        "The trust and the two voluntary providers already run crisis support together.");

    private static readonly DateTimeOffset SetUpAt = Now.AddHours(-1);

    /// <summary>
    /// The cycle in monitoring, with its procurement: the alliance's award recorded unless <paramref name="awarded"/> is
    /// false, and the procurement stage signed off unless <paramref name="inMonitoring"/> is false.
    /// </summary>
    public static (CommissioningCycle Cycle, CycleProcurement Procurement) Awarded(
        RouteChoice? choice = null, bool awarded = true, bool inMonitoring = true)
    {
        var cycle = ACycle.AtStage(StageKind.Procurement).Build();
        var procurement = Expect.Success(CycleProcurement.Start(cycle, choice ?? Alliance, People.Commissioner, CycleRole.Commissioner, SetUpAt));
        if (awarded)
        {
            var decision = Expect.Success(cycle.RecordDecision(StageKind.Procurement, ADecision.InMode(DecisionMode.CommissionerLed)
                .WithTitle("Agree the alliance").WithRationale("The three providers already work together.").Build(),
                People.Commissioner, CycleRole.Commissioner, SetUpAt));
            Expect.Success(procurement.RecordAward(cycle, decision.Id, [Trust, Voluntary, OtherVoluntary], [], [Trust, Voluntary, OtherVoluntary, Outsider],
                People.Commissioner, CycleRole.Commissioner, SetUpAt));
        }

        if (inMonitoring)
        {
            SignOff(cycle, StageKind.Procurement, SetUpAt.AddMinutes(1));
        }

        return (cycle, procurement);
    }

    /// <summary>Signs a stage off as a commissioner would: a panel member's input, its answer, then the sign-off.</summary>
    public static void SignOff(CommissioningCycle cycle, StageKind stage, DateTimeOffset at)
    {
        var input = Expect.Success(cycle.AddContribution(
            stage, People.PanelMember(1), CycleRole.PanelMember, Voice.LivedExperience, Channel.Workshop, ContributionVisibility.Everyone,
            "Keep the café open at weekends", "", at));
        Expect.Success(cycle.Respond(input.Id, People.Commissioner, CycleRole.Commissioner, ResponseType.Adopted, "It opens on Saturdays.", at));
        Expect.Success(cycle.SignOff(stage, People.Commissioner, CycleRole.Commissioner, $"{stage} agreed with the panel", at, stageConditions: []));
    }

    /// <summary>A team started on an alliance in monitoring, with no members yet.</summary>
    public static AnAlliance Started()
    {
        var (cycle, procurement) = Awarded();
        var team = Expect.Success(AllianceLeadershipTeam.Start(cycle, procurement, People.Commissioner, CycleRole.Commissioner, SetUpAt.AddMinutes(2)));
        return new AnAlliance(cycle, procurement, team);
    }

    /// <summary>A complete team: the trust, the two voluntary providers and the commissioner, each with its named person.</summary>
    public static AnAlliance Complete()
    {
        var alliance = Started();
        alliance.Add(AllianceParty.Provider, Trust, TrustPerson);
        alliance.Add(AllianceParty.Provider, Voluntary, VoluntaryPerson);
        alliance.Add(AllianceParty.Provider, OtherVoluntary, OtherVoluntaryPerson);
        alliance.Add(AllianceParty.Commissioner, null, Commissioner);
        return alliance;
    }

    /// <summary>The four named people of <see cref="Complete"/>, in the order they joined.</summary>
    public static readonly string[] Everyone = [TrustLead, VoluntaryLead, OtherVoluntaryLead, People.Commissioner];

    public static readonly RiskDraft ReferralsRisk = new(
        "Referrals from the trust's crisis line drop while the café moves.", null, 3, 4, "Weekly referral figures shared by the trust.", Today.AddDays(28));
}

/// <summary>A cycle in monitoring, its alliance procurement and the alliance's leadership team.</summary>
internal sealed record AnAlliance(CommissioningCycle Cycle, CycleProcurement Procurement, AllianceLeadershipTeam Team)
{
    public AllianceMember Add(AllianceParty party, Guid? organisationId, NamedPerson person) =>
        Expect.Success(Team.AddMember(Cycle, Procurement, party, organisationId, person, People.Commissioner, CycleRole.Commissioner, AllianceSetUp.Now));

    public AllianceMember MemberOf(string userId) => Team.MemberFor(userId)!;

    public AllianceDecision Proposed(string title = "Move the crisis café to the town centre") =>
        Expect.Success(Team.Propose(Cycle, Procurement, title, "The bus station site is closing in June; the library has space.",
            AllianceSetUp.TrustLead, AllianceSetUp.Now));

    public DomainOutcome Vote(AllianceDecision decision, string userId, bool? agrees, string? reason = null) =>
        Team.Vote(Cycle, decision.Id, agrees, reason, userId, AllianceSetUp.Now);

    /// <summary>The referrals risk, owned by the trust.</summary>
    public AllianceRisk Risk(DateOnly? reviewOn = null) =>
        Expect.Success(Team.AddRisk(Cycle, AllianceSetUp.ReferralsRisk with
        {
            OwnerMemberId = MemberOf(AllianceSetUp.TrustLead).Id,
            ReviewOn = reviewOn ?? AllianceSetUp.ReferralsRisk.ReviewOn,
        }, AllianceSetUp.VoluntaryLead, AllianceSetUp.Now));
}
