namespace CoproCommissioning.Web.Pages.Cycles.Monitoring.Contract;

/// <summary>The contract's pages other than its entry page (<see cref="MonitoringUrls.Contract"/>): its measures and its periods.</summary>
public static class ContractUrls
{
    /// <summary>Adding a KPI the providers report in their returns.</summary>
    public static string AddKpi(Guid cycleId) => $"{MonitoringUrls.Contract(cycleId)}/kpis/add";

    /// <summary>Adding one of the commissioner's own commitments, monitored like a KPI.</summary>
    public static string AddCommitment(Guid cycleId) => $"{MonitoringUrls.Contract(cycleId)}/commitments/add";

    /// <summary>Changing or removing a KPI or a commitment.</summary>
    public static string Measure(Guid cycleId, Guid kpiId) => $"{MonitoringUrls.Contract(cycleId)}/kpis/{kpiId}";

    /// <summary>A reporting period: its returns, the commissioner's results on its commitments, and why a return is missing.</summary>
    public static string Period(Guid cycleId, Guid periodId) => $"{MonitoringUrls.Overview(cycleId)}/periods/{periodId}";
}
