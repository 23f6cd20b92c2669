using CoproCommissioning.Domain.Cycles;
using CoproCommissioning.Domain.Procurement;

namespace CoproCommissioning.Domain.Tests.Procurement;

/// <summary>A cycle at its procurement stage, and a procurement started on it, for the procurement tests.</summary>
internal static class ProcurementSetUp
{
    public static readonly DateTimeOffset Now = Moments.Now;

    public static readonly RouteChoice Competitive = new(
        ProcurementRegime.ProviderSelectionRegime, ProcurementRoute.CompetitiveProcess,
        new RouteQuestions(ExistingProvider: false, null, UnrestrictedChoice: false, null),
        "Three providers said at the market event that they could run it.");

    public static CommissioningCycle Cycle() => ACycle.AtStage(StageKind.Procurement).Build();

    public static CycleProcurement Started(CommissioningCycle cycle, RouteChoice? choice = null) =>
        Expect.Success(CycleProcurement.Start(cycle, choice ?? Competitive, People.Commissioner, CycleRole.Commissioner, Now));

    /// <summary>The starting set of criteria and a briefed, declared lived-experience evaluator and officer on every criterion.</summary>
    public static CycleProcurement ReadyToOpen(CommissioningCycle cycle, RouteChoice? choice = null)
    {
        var procurement = Started(cycle, choice);
        Expect.Success(procurement.AddStartingSet(cycle, People.Commissioner, CycleRole.Commissioner, Now));
        var all = procurement.Criteria.Select(c => c.Id).ToList();
        Expect.Success(procurement.AddEvaluator(cycle, People.PanelMember(1), CycleRole.PanelMember, EvaluatorRole.LivedExperience, all,
            People.Commissioner, CycleRole.Commissioner, Now));
        Expect.Success(procurement.AddEvaluator(cycle, People.Champion, CycleRole.CoProductionChampion, EvaluatorRole.Officer, all,
            People.Commissioner, CycleRole.Commissioner, Now));
        return procurement;
    }
}
