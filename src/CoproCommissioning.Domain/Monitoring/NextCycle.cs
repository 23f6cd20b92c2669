using System.Globalization;
using System.Text;
using CoproCommissioning.Domain.Membership;
using CoproCommissioning.Domain.NeedsAssessment;
using CoproCommissioning.Domain.Specification;

namespace CoproCommissioning.Domain.Monitoring;

/// <summary>
/// Starts the next cycle for the same service from one whose monitoring is signed off, carrying what it learned into the
/// new cycle's needs assessment as evidence: each lesson, with what taught it; each outcome of the approved outcome
/// framework, with its measure and rating levels; and the agreed glossary. Every piece of evidence says in its source
/// which cycle it came from, and a <see cref="CarriedEvidence"/> for each lesson, term and outcome keeps the trail by id.
/// The page offers it as monitoring is signed off: it signs the stage off, starts the next cycle, and saves both together.
/// </summary>
public static class NextCycle
{
    /// <summary>
    /// A commissioner starts the next cycle. <paramref name="existingNextCycleId"/> is a cycle already started from
    /// <paramref name="previous"/>, if there is one; <paramref name="specification"/> is the earlier cycle's, whose approved
    /// version's outcomes are carried (none when it has no approved version).
    /// </summary>
    public static DomainOutcome<NextCycleStart> Start(
        CommissioningCycle previous,
        NextCycleDraft draft,
        IReadOnlyCollection<Lesson> lessons,
        IReadOnlyCollection<GlossaryTerm> glossary,
        ServiceSpecification? specification,
        Guid? existingNextCycleId,
        string actorUserId,
        CycleRole actorRole,
        DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(previous);
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(lessons);
        ArgumentNullException.ThrowIfNull(glossary);
        ArgumentException.ThrowIfNullOrWhiteSpace(actorUserId);
        Guard.Defined(actorRole);
        Guard.Utc(now);
        foreach (var cycleId in lessons.Select(l => l.CycleId).Concat(glossary.Select(t => t.CycleId)).Append(specification?.CycleId ?? previous.Id))
        {
            StageContent.CheckCycle(previous, cycleId);
        }

        List<Refusal> refusals = [];
        if (!CyclePermissions.Allows(actorRole, CycleOperation.ManageCycle))
        {
            refusals.Add(new Refusal(CycleRules.CommissionerOnly));
        }

        if (!previous.StageOf(StageKind.Monitoring).IsSignedOff)
        {
            refusals.Add(new Refusal(LessonRules.MonitoringNotSignedOff));
        }

        if (existingNextCycleId is { } existing)
        {
            refusals.Add(new Refusal(LessonRules.NextCycleAlreadyStarted, existing));
        }

        if (draft.StartDate is { } start && start < previous.StartDate)
        {
            refusals.Add(new Refusal(LessonRules.NextCycleStartsTooEarly));
        }

        var created = CommissioningCycle.Create(
            draft.Title, previous.ServiceArea, previous.PopulationServed, draft.Budget, draft.StartDate, previous.CommissioningOrganisation,
            actorUserId, now, previous.SignOffPolicy.MinimumLivedExperienceContributions, previous.SignOffPolicy.MinimumDistinctContributors);
        refusals.AddRange(created.Refusals);
        if (refusals.Count > 0)
        {
            return DomainOutcome.Refused<NextCycleStart>(refusals);
        }

        var carrying = new Carrying(previous, created.Value, actorUserId, actorRole, now);
        foreach (var lesson in lessons.Where(l => !l.IsRemoved).OrderBy(l => l.RecordedAt))
        {
            carrying.Carry(Source("Lesson learned in", previous.Title), LessonSummary(lesson), EvidenceKind.ServiceData, CarriedEvidenceKind.Lesson, [lesson.Id]);
        }

        var approved = specification?.ApprovedVersionNumber is { } number ? specification.FindVersion(number) : null;
        foreach (var outcome in approved?.Outcomes ?? [])
        {
            carrying.Carry(OutcomeSource(outcome, previous.Title), OutcomeSummary(outcome), EvidenceKind.LivedExperienceStory, CarriedEvidenceKind.Outcome,
                [outcome.OutcomeId]);
        }

        var terms = glossary.Where(t => t.IsAgreed && !t.IsRemoved).OrderBy(t => t.Term, StringComparer.OrdinalIgnoreCase).ToList();
        var parts = InParts(terms, t => $"{t.Term}: {t.Meaning}");
        for (int i = 0; i < parts.Count; i++)
        {
            var suffix = parts.Count > 1 ? string.Create(CultureInfo.InvariantCulture, $" (part {i + 1} of {parts.Count})") : "";
            carrying.Carry(Source("Glossary agreed in", previous.Title, suffix), string.Join("\n", parts[i].Lines), EvidenceKind.LivedExperienceStory,
                CarriedEvidenceKind.GlossaryTerm,
                [.. parts[i].Items.Select(t => t.Id)]);
        }

        return carrying.Refusals.Count > 0
            ? DomainOutcome.Refused<NextCycleStart>(carrying.Refusals)
            : DomainOutcome.Success(new NextCycleStart(previous.Id, created.Value, carrying.Evidence, carrying.Trail));
    }

    private static string LessonSummary(Lesson lesson)
    {
        var counts = lesson.Citations.GroupBy(c => c.Kind).OrderBy(g => g.Key)
            .Select(g => Count(g.Count(), g.Key switch
            {
                LessonSourceKind.Contribution => "contribution",
                LessonSourceKind.ProviderReturn => "provider return",
                LessonSourceKind.PanelRating => "panel rating",
                _ => "source",
            }));
        return $"{lesson.Text}\n\nLearned from {string.Join(", ", counts)} in the earlier cycle.";
    }

    private static string OutcomeSummary(OutcomeSnapshot outcome)
    {
        var text = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"\u201C{outcome.Statement}\u201D ({Words(outcome.Domain.ToString())}).\n")
            .Append(CultureInfo.InvariantCulture, $"How we knew: {outcome.Measure}");
        foreach (var level in Enum.GetValues<RatingLevel>())
        {
            if (outcome.Levels.Describe(level) is { Length: > 0 } meaning)
            {
                text.Append(CultureInfo.InvariantCulture, $"\n{level}: {meaning}");
            }
        }

        return WrittenText.FitTo(text.ToString(), EvidenceItem.SummaryMaxLength);
    }

    /// <summary>
    /// "Outcome “I can get help…” from" the earlier cycle: each outcome named by its own statement, so the outcomes of one
    /// framework are told apart in the evidence list. The title gets at most half the room, so the statement, which tells them
    /// apart, is shortened last.
    /// </summary>
    private static string OutcomeSource(OutcomeSnapshot outcome, string title)
    {
        var from = $" from {WrittenText.FitTo(title, EvidenceItem.SourceMaxLength / 2)}";
        var room = EvidenceItem.SourceMaxLength - "Outcome \u201C\u201D".Length - from.Length;
        return $"Outcome \u201C{WrittenText.FitTo(outcome.Statement, room)}\u201D{from}";
    }

    /// <summary>"Lesson learned in", then the earlier cycle's title, shortened so the whole fits an evidence source.</summary>
    private static string Source(string lead, string title, string suffix = "")
    {
        var room = EvidenceItem.SourceMaxLength - lead.Length - suffix.Length - 1;
        return $"{lead} {WrittenText.FitTo(title, room)}{suffix}";
    }


    private static string Count(int count, string noun) => string.Create(CultureInfo.InvariantCulture, $"{count} {noun}{(count == 1 ? "" : "s")}");

    /// <summary>"MentalWellbeing" as "mental wellbeing", for a name that reads in a sentence whatever domains are added.</summary>
    private static string Words(string name)
    {
        var words = new StringBuilder();
        foreach (var c in name)
        {
            if (char.IsUpper(c) && words.Length > 0)
            {
                words.Append(' ');
            }

            words.Append(char.ToLowerInvariant(c));
        }

        return words.ToString();
    }

    /// <summary>The items' lines, gathered into as few evidence summaries as fit.</summary>
    private static List<(List<T> Items, List<string> Lines)> InParts<T>(IEnumerable<T> items, Func<T, string> line)
    {
        List<(List<T> Items, List<string> Lines)> parts = [];
        int length = 0;
        foreach (var item in items)
        {
            var text = WrittenText.FitTo(line(item), EvidenceItem.SummaryMaxLength);
            if (parts.Count == 0 || length + 1 + text.Length > EvidenceItem.SummaryMaxLength)
            {
                parts.Add(([], []));
                length = -1;
            }

            parts[^1].Items.Add(item);
            parts[^1].Lines.Add(text);
            length += 1 + text.Length;
        }

        return parts;
    }

    /// <summary>Evidence added to the new cycle through its own rules, and the trail back to the earlier one.</summary>
    private sealed class Carrying(CommissioningCycle previous, CommissioningCycle next, string userId, CycleRole role, DateTimeOffset now)
    {
        public List<EvidenceItem> Evidence { get; } = [];

        public List<CarriedEvidence> Trail { get; } = [];

        public List<Refusal> Refusals { get; } = [];

        public void Carry(string source, string summary, EvidenceKind evidenceKind, CarriedEvidenceKind kind, IReadOnlyList<Guid> sourceIds)
        {
            var added = EvidenceItem.Add(next, source, evidenceKind, summary, null, userId, role, now);
            if (!added.Succeeded)
            {
                Refusals.AddRange(added.Refusals);
                return;
            }

            Evidence.Add(added.Value);
            Trail.AddRange(sourceIds.Select(id => new CarriedEvidence(next.Id, added.Value.Id, previous.Id, kind, id, userId, now)));
        }
    }
}

/// <summary>The next cycle, the evidence carried into its needs assessment, and where each piece came from; saved together.</summary>
public sealed record NextCycleStart(
    Guid PreviousCycleId, CommissioningCycle Cycle, IReadOnlyList<EvidenceItem> Evidence, IReadOnlyList<CarriedEvidence> Carried);
