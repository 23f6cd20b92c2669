using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoproCommissioning.Data.Auditing;

/// <summary>
/// Marks free text that may reveal someone's health or circumstances. The audit trail records that
/// such a field changed, never what it said.
/// </summary>
public static class PersonalText
{
    private const string Annotation = "Copro:PersonalText";

    public static PropertyBuilder<string> IsPersonalText(this PropertyBuilder<string> property) =>
        property.HasAnnotation(Annotation, true);

    public static bool IsPersonalText(this IReadOnlyProperty property) =>
        property.FindAnnotation(Annotation)?.Value is true;
}
