using CoproCommissioning.Domain.Specification;

namespace CoproCommissioning.Web.Pages.Cycles.Specification;

/// <summary>The words the specification pages share: why a part changed.</summary>
public static class SpecificationText
{
    /// <summary>
    /// "Changed in v3 because of 2 panel comments", "Changed in v2", "Added in v2" or "Written in v1": where this text
    /// came from. <paramref name="answers"/> are the comments the change in <paramref name="changedInVersion"/> answered;
    /// <paramref name="firstVersion"/> is the first version that had the part.
    /// </summary>
    public static string ChangeNote(int changedInVersion, IReadOnlyList<AnsweredComment> answers, CommissioningCycle cycle, int firstVersion = 0)
    {
        if (answers.Count == 0)
        {
            return changedInVersion == 1 ? "Written in v1"
                : changedInVersion == firstVersion ? $"Added in v{changedInVersion}"
                : $"Changed in v{changedInVersion}";
        }

        var voices = answers.Select(a => cycle.FindContribution(a.ContributionId)?.Voice).OfType<Voice>().ToList();
        int panel = voices.Count(Contribution.CountsAsLivedExperience);
        List<string> parts = [];
        if (panel > 0)
        {
            parts.Add(Labels.Count(panel, "panel comment"));
        }

        foreach (var group in voices.Where(v => !Contribution.CountsAsLivedExperience(v)).GroupBy(v => v))
        {
            parts.Add(Labels.Count(group.Count(), $"{Labels.Adjective(group.Key)} comment"));
        }

        return $"Changed in v{changedInVersion} because of {string.Join(" and ", parts)}";
    }

    public static string ChangeNote(ServiceSpecification specification, SectionSnapshot section, CommissioningCycle cycle) =>
        ChangeNote(section.ChangedInVersion,
            specification.FindVersion(section.ChangedInVersion)?.SectionFor(section.SectionId)?.Answers ?? [], cycle,
            specification.HistoryOfSection(section.SectionId)[0].VersionNumber);

    public static string ChangeNote(ServiceSpecification specification, OutcomeSnapshot outcome, CommissioningCycle cycle) =>
        ChangeNote(outcome.ChangedInVersion,
            specification.FindVersion(outcome.ChangedInVersion)?.OutcomeFor(outcome.OutcomeId)?.Answers ?? [], cycle,
            specification.HistoryOfOutcome(outcome.OutcomeId)[0].VersionNumber);
}
