using System.Globalization;

namespace CoproCommissioning.Web.Infrastructure.Specification;

/// <summary>The specification's addresses, under /cycles/{id}/specification: readable and stable.</summary>
public static class SpecificationUrls
{
    public static string Overview(Guid cycleId, int? version = null) =>
        version is { } number ? $"/cycles/{cycleId}/specification?version={number}" : $"/cycles/{cycleId}/specification";

    public static string Edit(Guid cycleId) => $"/cycles/{cycleId}/specification/edit";

    public static string Comments(Guid cycleId) => $"/cycles/{cycleId}/specification/comments";

    public static string Section(Guid cycleId, Guid sectionId, int? version = null) =>
        $"/cycles/{cycleId}/specification/sections/{sectionId}{VersionQuery(version)}";

    public static string Outcomes(Guid cycleId) => $"/cycles/{cycleId}/specification/outcomes";

    public static string Outcome(Guid cycleId, Guid outcomeId, int? version = null) =>
        $"/cycles/{cycleId}/specification/outcomes/{outcomeId}{VersionQuery(version)}";

    public static string EditOutcome(Guid cycleId, Guid? outcomeId = null) =>
        outcomeId is { } id ? $"/cycles/{cycleId}/specification/outcomes/edit/{id}" : $"/cycles/{cycleId}/specification/outcomes/edit";

    public static string Compare(Guid cycleId, int from, int to) =>
        string.Create(CultureInfo.InvariantCulture, $"/cycles/{cycleId}/specification/compare?from={from}&to={to}");

    public static string Glossary(Guid cycleId) => $"/cycles/{cycleId}/specification/glossary";

    public static string GlossaryTerm(Guid cycleId, Guid termId) => $"/cycles/{cycleId}/specification/glossary/{termId}";

    public static string Approve(Guid cycleId) => $"/cycles/{cycleId}/specification/approve";

    public static string Print(Guid cycleId, int version) => $"/cycles/{cycleId}/specification/versions/{version}/print";

    /// <summary>The specification stage's workspace: its contributions, responses and decisions.</summary>
    public static string Workspace(Guid cycleId) => $"/cycles/{cycleId}/stages/specification";

    public static string SignOff(Guid cycleId) => $"/cycles/{cycleId}/stages/specification/sign-off";

    public static string Respond(Guid cycleId, Guid contributionId) =>
        $"/cycles/{cycleId}/stages/specification/contributions/{contributionId}/respond";

    private static string VersionQuery(int? version) => version is { } number ? $"?version={number}" : "";
}
