using Microsoft.EntityFrameworkCore.Metadata;

namespace CoproCommissioning.Data.Auditing;

/// <summary>
/// Marks text that may say something about a person: free text that can reveal someone's health or circumstances, and
/// anything that identifies them (an email address). The audit trail records that such a field changed, never what it
/// said, because the audit can't be changed afterwards. Tests/Data/PersonalTextTests make every text field of the domain
/// either marked or reviewed as not personal.
/// </summary>
public static class PersonalText
{
    private const string Annotation = "Copro:PersonalText";

    // The constraint admits string and string? alike, and nothing that isn't text.
    public static PropertyBuilder<TText> IsPersonalText<TText>(this PropertyBuilder<TText> property)
        where TText : IEnumerable<char>? =>
        property.HasAnnotation(Annotation, true);

    public static ComplexTypePropertyBuilder<TText> IsPersonalText<TText>(this ComplexTypePropertyBuilder<TText> property)
        where TText : IEnumerable<char>? =>
        property.HasAnnotation(Annotation, true);

    public static bool IsPersonalText(this IReadOnlyProperty property) =>
        property.FindAnnotation(Annotation)?.Value is true;
}
