namespace CoproCommissioning.Domain.Membership;

/// <summary>
/// Which cycle roles may do what: the one table the cycle's methods and the pages both consult. The cycle's own
/// methods still check what no role table can (a stage that is signed off, a statement left blank).
/// </summary>
public static class CyclePermissions
{
    private static readonly Dictionary<CycleOperation, CycleRole[]> Allowed = new()
    {
        [CycleOperation.View] = Enum.GetValues<CycleRole>(),
        [CycleOperation.Contribute] =
            [CycleRole.Commissioner, CycleRole.CoProductionChampion, CycleRole.PanelMember, CycleRole.Provider, CycleRole.ClinicalAdviser],
        // Lived-experience input is what unlocks sign-off (R1), so staff and providers cannot supply it as their own.
        [CycleOperation.GiveLivedExperienceInput] = [CycleRole.PanelMember],
        [CycleOperation.ReadTeamOnlyInput] = [CycleRole.Commissioner, CycleRole.CoProductionChampion, CycleRole.ClinicalAdviser],
        [CycleOperation.LogOnBehalf] = [CycleRole.Commissioner, CycleRole.CoProductionChampion],
        [CycleOperation.ManageStageContent] = [CycleRole.Commissioner, CycleRole.CoProductionChampion],
        // The people who gave the input must not be able to mark it answered themselves (R3).
        [CycleOperation.Respond] = [CycleRole.Commissioner, CycleRole.CoProductionChampion, CycleRole.ClinicalAdviser],
        [CycleOperation.RecordDecision] = [CycleRole.Commissioner, CycleRole.ClinicalAdviser],
        [CycleOperation.SignOff] = [CycleRole.Commissioner],
        // Panel members and providers are shown their own tasks; what stops a sign-off is the team's to fix, and a
        // checklist of it reads to them as something they must do.
        [CycleOperation.FollowSignOff] = [CycleRole.Commissioner, CycleRole.CoProductionChampion, CycleRole.ClinicalAdviser],
        [CycleOperation.ManageCycle] = [CycleRole.Commissioner],
        [CycleOperation.ManageMembers] = [CycleRole.Commissioner],
        // Access needs are health information: only the people who arrange support see them.
        [CycleOperation.SeeAccessNeeds] = [CycleRole.Commissioner, CycleRole.CoProductionChampion],
        // Observers follow the cycle's decisions, not providers' commercial proposals.
        [CycleOperation.SeeProviderProposals] =
            [CycleRole.Commissioner, CycleRole.CoProductionChampion, CycleRole.PanelMember, CycleRole.Provider, CycleRole.ClinicalAdviser],
        [CycleOperation.SubmitProviderProposal] = [CycleRole.Provider],
        [CycleOperation.SubmitBid] = [CycleRole.Provider],
        // Who may sit on an evaluation panel; the procurement's panel says who does. Providers may bid, so never.
        [CycleOperation.EvaluateBids] = [CycleRole.Commissioner, CycleRole.CoProductionChampion, CycleRole.PanelMember, CycleRole.ClinicalAdviser],
        [CycleOperation.SubmitProviderReturn] = [CycleRole.Provider],
        // A return reports a provider's own performance and may name people, so it goes to the team that monitors the
        // contract, not to every member; the panel gives its own view by rating the same outcomes.
        [CycleOperation.ReadProviderReturns] = [CycleRole.Commissioner, CycleRole.CoProductionChampion, CycleRole.ClinicalAdviser],
    };

    // Of those who may record decisions, who may record or change one made in each mode: a clinical adviser records
    // clinically led decisions, and everything else is the commissioner's.
    private static readonly Dictionary<DecisionMode, CycleRole[]> DecidesInMode = new()
    {
        [DecisionMode.CoProduced] = [CycleRole.Commissioner],
        [DecisionMode.CommissionerLed] = [CycleRole.Commissioner],
        [DecisionMode.ClinicallyLed] = [CycleRole.Commissioner, CycleRole.ClinicalAdviser],
        [DecisionMode.StatutoryRequirement] = [CycleRole.Commissioner],
    };

    public static bool Allows(CycleRole role, CycleOperation operation) =>
        Allowed.TryGetValue(operation, out var roles)
            ? roles.Contains(role)
            : throw new ArgumentOutOfRangeException(nameof(operation), operation, "No roles are listed for this operation.");

    /// <summary>Whether this role may record a decision made in <paramref name="mode"/>, or change one that was.</summary>
    public static bool AllowsDecision(CycleRole role, DecisionMode mode) =>
        Allows(role, CycleOperation.RecordDecision)
        && (DecidesInMode.TryGetValue(mode, out var roles)
            ? roles.Contains(role)
            : throw new ArgumentOutOfRangeException(nameof(mode), mode, "No roles are listed for this mode."));

    /// <summary>The modes this role may record decisions in, in the order they are offered.</summary>
    public static IReadOnlyList<DecisionMode> DecisionModesFor(CycleRole role) =>
        [.. Enum.GetValues<DecisionMode>().Where(mode => AllowsDecision(role, mode))];
}
