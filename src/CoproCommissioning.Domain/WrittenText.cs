namespace CoproCommissioning.Domain;

/// <summary>
/// Text the service writes itself from longer parts (a title built from a cycle's name, an email's subject line) that must
/// fit where it is kept. Nobody typed it, so nobody could fix it: it is shortened with an ellipsis, never refused.
/// </summary>
public static class WrittenText
{
    public static string FitTo(string text, int maxLength)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Length <= maxLength ? text : string.Concat(text.AsSpan(0, maxLength - 1), "\u2026");
    }
}
