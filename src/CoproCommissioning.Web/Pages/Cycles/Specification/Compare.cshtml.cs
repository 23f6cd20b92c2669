using CoproCommissioning.Domain.Specification;
using CoproCommissioning.Web.Infrastructure.Specification;

namespace CoproCommissioning.Web.Pages.Cycles.Specification;

/// <summary>What changed between any two versions, section by section and outcome by outcome, word by word.</summary>
[CyclePermission(CycleOperation.View)]
public sealed class CompareModel(CoproDbContext db, TimeProvider clock) : SpecificationPageModel
{
    public bool HasSpecification { get; private set; }

    public int From { get; private set; }

    public int To { get; private set; }

    public int LatestVersion { get; private set; }

    public IReadOnlyList<PartComparison> Sections { get; private set; } = [];

    public IReadOnlyList<PartComparison> Outcomes { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int? from, int? to, CancellationToken ct)
    {
        var cycle = await LoadCycleAsync(db, forChange: false, ct);
        if (cycle is null)
        {
            return NotFound();
        }

        // The headers of the versions asked for, or of the latest and the one before it, which compare by default.
        var specification = await LoadForReadingAsync(db, [from, to], clock.GetUtcNow(), ct, withPrevious: true);
        if (specification is null)
        {
            return Page();
        }

        HasSpecification = true;
        LatestVersion = specification.Latest.Number;
        int first = from ?? Math.Max(1, LatestVersion - 1), second = to ?? LatestVersion;
        var before = specification.FindVersion(Math.Min(first, second));
        var after = specification.FindVersion(Math.Max(first, second));
        if (before is null || after is null)
        {
            return NotFound();
        }

        From = before.Number;
        To = after.Number;
        var sections = (await SpecificationReads.SectionsAsync(db, CycleId, [From, To], ct)).ToLookup(s => s.Version);
        var outcomes = (await SpecificationReads.OutcomesAsync(db, CycleId, [From, To], ct)).ToLookup(o => o.Version);
        var answered = await SpecificationReads.AnswerVoicesAsync(db, CycleId, v => v.Number > From && v.Number <= To, ct);

        Sections = Compare(
            sections[From], sections[To], s => s.SectionId, s => s.Title,
            (old, current) => old.Title != current.Title || old.Body != current.Body || old.PlainSummary != current.PlainSummary,
            (old, current) =>
            [
                new FieldComparison("Title", TextDiff.Words(old?.Title, current?.Title)),
                new FieldComparison("Plain-language summary", TextDiff.Words(old?.PlainSummary, current?.PlainSummary)),
                new FieldComparison("Text", TextDiff.Rendered(old?.Body, current?.Body)),
            ],
            answered);
        Outcomes = Compare(
            outcomes[From], outcomes[To], o => o.OutcomeId, o => o.Statement,
            (old, current) => !(old.Statement == current.Statement && old.Domain == current.Domain && old.Measure == current.Measure && old.Levels == current.Levels),
            (old, current) =>
            [
                new FieldComparison("Outcome", TextDiff.Words(old?.Statement, current?.Statement)),
                new FieldComparison("Area of life", TextDiff.Words(
                    old is null ? null : Labels.Of(old.Domain), current is null ? null : Labels.Of(current.Domain))),
                new FieldComparison("How we will know", TextDiff.Words(old?.Measure, current?.Measure)),
                .. Enum.GetValues<RatingLevel>().Select(level => new FieldComparison(
                    Labels.Of(level), TextDiff.Words(old?.Levels.Describe(level), current?.Levels.Describe(level)))),
            ],
            answered);
        return Page();
    }

    // Every part of the later version in its order, then those it no longer has; each with what changed and why. The
    // words are compared only for a part that changed: an unchanged part shows its title and status alone.
    private IReadOnlyList<PartComparison> Compare<TPart>(
        IEnumerable<TPart> beforeParts, IEnumerable<TPart> afterParts, Func<TPart, Guid> id, Func<TPart, string> title,
        Func<TPart, TPart, bool> differ, Func<TPart?, TPart?, IReadOnlyList<FieldComparison>> fields,
        IReadOnlyDictionary<Guid, IReadOnlyList<SpecificationReads.AnswerVoice>> answered)
        where TPart : class
    {
        List<TPart> beforeList = [.. beforeParts], afterList = [.. afterParts];
        var before = beforeList.ToDictionary(id);
        var after = afterList.ToDictionary(id);
        return [.. afterList.Select(id).Concat(beforeList.Select(id).Where(key => !after.ContainsKey(key))).Select(key =>
        {
            var old = before.GetValueOrDefault(key);
            var current = after.GetValueOrDefault(key);
            var status = old is null ? PartStatus.Added
                : current is null ? PartStatus.Removed
                : differ(old, current) ? PartStatus.Changed
                : PartStatus.Unchanged;
            return new PartComparison(
                key, title((current ?? old)!), status, status == PartStatus.Unchanged ? [] : fields(old, current), Because([.. (answered.GetValueOrDefault(key) ?? []).Select(a => a.Voice)]));
        })];
    }

    private string? Because(IReadOnlyList<Voice> answered) =>
        answered.Count == 0 ? null : SpecificationText.ChangeNote(To, answered).Replace($"Changed in v{To} because of", "Changed because of", StringComparison.Ordinal);

    public enum PartStatus
    {
        Unchanged,
        Changed,
        Added,
        Removed,
    }

    public sealed record PartComparison(Guid Id, string Title, PartStatus Status, IReadOnlyList<FieldComparison> Fields, string? Because);

    public sealed record FieldComparison(string Label, IReadOnlyList<DiffRun> Runs)
    {
        public bool Changed => DiffRun.AnyChange(Runs);

        public bool IsEmpty => Runs.All(r => r.Text.Length == 0);
    }
}
