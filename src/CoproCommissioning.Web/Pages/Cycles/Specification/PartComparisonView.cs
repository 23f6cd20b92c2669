namespace CoproCommissioning.Web.Pages.Cycles.Specification;

/// <summary>What the _PartComparison partial shows for one section or outcome.</summary>
public sealed record PartComparisonView(CompareModel.PartComparison Part, string StatusText, string TagClass, string Url);
