namespace CoproCommissioning.Web.Pages.Cycles.Stages;

/// <summary>Who shaped a decision, in words: "Shaped by 3 lived-experience and 1 provider contribution" (R2).</summary>
public static class Provenance
{
    public static string Describe(IEnumerable<Voice> voicesOfCitedContributions)
    {
        var counts = voicesOfCitedContributions
            .GroupBy(v => v)
            .OrderBy(g => Voices.Rank(g.Key))
            .Select(g => (Voice: g.Key, Count: g.Count()))
            .ToList();
        if (counts.Count == 0)
        {
            return "Not linked to any contributions yet";
        }

        var parts = counts.Select(c => $"{c.Count} {Labels.Adjective(c.Voice)}").ToList();
        var list = parts.Count == 1 ? parts[0] : $"{string.Join(", ", parts[..^1])} and {parts[^1]}";
        return $"Shaped by {list} {(counts[^1].Count == 1 ? "contribution" : "contributions")}";
    }
}
