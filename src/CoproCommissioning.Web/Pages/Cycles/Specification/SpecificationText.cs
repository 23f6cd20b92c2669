namespace CoproCommissioning.Web.Pages.Cycles.Specification;

/// <summary>The words the specification pages share: why a part changed.</summary>
public static class SpecificationText
{
    /// <summary>
    /// "Changed in v3 because of 2 panel comments", "Changed in v2", "Added in v2" or "Written in v1": where this text
    /// came from. <paramref name="answeredVoices"/> are the voices of the comments the change in
    /// <paramref name="changedInVersion"/> answered, in the order it lists them; <paramref name="firstVersion"/> is the
    /// first version that had the part.
    /// </summary>
    public static string ChangeNote(int changedInVersion, IReadOnlyList<Voice> answeredVoices, int firstVersion = 0)
    {
        if (answeredVoices.Count == 0)
        {
            return changedInVersion == 1 ? "Written in v1"
                : changedInVersion == firstVersion ? $"Added in v{changedInVersion}"
                : $"Changed in v{changedInVersion}";
        }

        int panel = answeredVoices.Count(Contribution.CountsAsLivedExperience);
        List<string> parts = [];
        if (panel > 0)
        {
            parts.Add(Labels.Count(panel, "panel comment"));
        }

        foreach (var group in answeredVoices.Where(v => !Contribution.CountsAsLivedExperience(v)).GroupBy(v => v))
        {
            parts.Add(Labels.Count(group.Count(), $"{Labels.Adjective(group.Key)} comment"));
        }

        return $"Changed in v{changedInVersion} because of {string.Join(" and ", parts)}";
    }
}
