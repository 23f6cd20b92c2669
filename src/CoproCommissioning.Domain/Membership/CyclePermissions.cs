using CoproCommissioning.Domain.Cycles;

namespace CoproCommissioning.Domain.Membership;

/// <summary>
/// Which cycle roles may attempt each operation. The cycle's own methods still check the finer rules
/// (a provider can't speak in a lived-experience voice; a clinical adviser records only clinically led decisions).
/// </summary>
public static class CyclePermissions
{
    private static readonly Dictionary<CycleOperation, CycleRole[]> Allowed = new()
    {
        [CycleOperation.View] = Enum.GetValues<CycleRole>(),
        [CycleOperation.Contribute] =
            [CycleRole.Commissioner, CycleRole.CoProductionChampion, CycleRole.PanelMember, CycleRole.Provider, CycleRole.ClinicalAdviser],
        [CycleOperation.LogOnBehalf] = [CycleRole.Commissioner, CycleRole.CoProductionChampion],
        [CycleOperation.ManageStageContent] = [CycleRole.Commissioner, CycleRole.CoProductionChampion],
        [CycleOperation.Respond] = [CycleRole.Commissioner, CycleRole.CoProductionChampion, CycleRole.ClinicalAdviser],
        [CycleOperation.RecordDecision] = [CycleRole.Commissioner, CycleRole.ClinicalAdviser],
        [CycleOperation.SignOff] = [CycleRole.Commissioner],
        [CycleOperation.ManageCycle] = [CycleRole.Commissioner],
        [CycleOperation.ManageMembers] = [CycleRole.Commissioner],
        // Access needs are health information: only the people who arrange support see them.
        [CycleOperation.SeeAccessNeeds] = [CycleRole.Commissioner, CycleRole.CoProductionChampion],
        // Observers follow the cycle's decisions, not providers' commercial proposals.
        [CycleOperation.SeeProviderProposals] =
            [CycleRole.Commissioner, CycleRole.CoProductionChampion, CycleRole.PanelMember, CycleRole.Provider, CycleRole.ClinicalAdviser],
        [CycleOperation.SubmitProviderProposal] = [CycleRole.Provider],
    };

    public static bool Allows(CycleRole role, CycleOperation operation) =>
        Allowed.TryGetValue(operation, out var roles)
            ? roles.Contains(role)
            : throw new ArgumentOutOfRangeException(nameof(operation), operation, "No roles are listed for this operation.");
}
