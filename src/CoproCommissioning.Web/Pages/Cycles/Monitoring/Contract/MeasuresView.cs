using CoproCommissioning.Domain.Monitoring;

namespace CoproCommissioning.Web.Pages.Cycles.Monitoring.Contract;

/// <summary>A list of the contract's KPIs or of the commissioner's commitments, for <c>_Measures</c>.</summary>
public sealed record MeasuresView(
    Guid CycleId, string Id, string Heading, string Description, IReadOnlyList<Kpi> Measures, bool MayChange, string AddUrl, string AddText);
