namespace CoproCommissioning.Web.Infrastructure.Pages;

/// <summary>How a stage appears in addresses (<c>/stages/co-design</c>) and in headings ("Co-design").</summary>
public static class StageNames
{
    private static readonly Dictionary<StageKind, string> Slugs = new()
    {
        [StageKind.NeedsAssessment] = "needs-assessment",
        [StageKind.CoDesign] = "co-design",
        [StageKind.Specification] = "specification",
        [StageKind.Procurement] = "procurement",
        [StageKind.Monitoring] = "monitoring",
    };

    public static string ToSlug(this StageKind kind) =>
        Slugs.TryGetValue(kind, out var slug) ? slug : throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a stage.");

    public static bool TryParseSlug(string? slug, out StageKind kind)
    {
        foreach (var (candidate, candidateSlug) in Slugs)
        {
            if (string.Equals(candidateSlug, slug, StringComparison.OrdinalIgnoreCase))
            {
                kind = candidate;
                return true;
            }
        }

        kind = default;
        return false;
    }

    /// <summary>"Needs assessment": the stage's name at the start of a sentence or as a heading.</summary>
    public static string ToTitle(this StageKind kind)
    {
        var words = kind.ToPlainWords();
        return string.Concat(char.ToUpperInvariant(words[0]).ToString(), words[1..]);
    }
}
