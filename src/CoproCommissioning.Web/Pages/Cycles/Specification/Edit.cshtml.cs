using System.Globalization;
using CoproCommissioning.Domain.Specification;
using FluentValidation;

namespace CoproCommissioning.Web.Pages.Cycles.Specification;

/// <summary>
/// A commissioner edits the draft's sections and saves them as a new version, saying which comments each change
/// answers. If someone else saved a version meanwhile, nothing is saved: they see the newer text beside their own (R8).
/// </summary>
[CyclePermission(CycleOperation.ManageCycle)]
public sealed class EditModel(CoproDbContext db, IValidator<EditModel.Input> validator, TimeProvider clock, ILogger<EditModel> logger)
    : DraftEditorPageModel(db, clock)
{
    private IReadOnlyList<KeptSection> _kept = [];

    [BindProperty]
    public Input Form { get; set; } = new();

    /// <summary>For each existing section, the comments on it (in any version) that a change can answer.</summary>
    public IReadOnlyDictionary<Guid, IReadOnlyList<CandidateComment>> Candidates { get; private set; } =
        new Dictionary<Guid, IReadOnlyList<CandidateComment>>();

    /// <summary>After a clash: what the newer version says, for each section whose text differs from what was typed.</summary>
    public IReadOnlyDictionary<Guid, NewerText> Newer { get; private set; } = new Dictionary<Guid, NewerText>();

    /// <summary>Sections the latest version has, which can be removed from the next.</summary>
    public IReadOnlySet<Guid> ExistingSections { get; private set; } = new HashSet<Guid>();

    /// <summary>The section just moved (by index), so the page can say so and put focus back on it.</summary>
    public int? MovedSection { get; private set; }

    public static string SectionPrefix(int index) => $"{nameof(Form)}.{nameof(Input.Sections)}[{index}]";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var cycle = await LoadCycleAsync(Db, forChange: false, ct);
        if (cycle is null)
        {
            return NotFound();
        }

        var specification = await LoadLatestAsync(Db, ct);
        Form = specification is null
            ? new Input { ChangeSummary = "First draft", Sections = [SectionInput.Blank()] }
            : Input.From(specification.Latest);
        return await ShowPageAsync(cycle, specification, ct);
    }

    /// <summary>Adds an empty section to the form, keeping everything typed so far. Nothing is saved.</summary>
    [CyclePermission(CycleOperation.ManageCycle)]
    public async Task<IActionResult> OnPostAddSectionAsync(CancellationToken ct)
    {
        var cycle = await LoadCycleAsync(Db, forChange: false, ct);
        if (cycle is null)
        {
            return NotFound();
        }

        Form = Form with { Sections = [.. Form.Sections, SectionInput.Blank()] };
        return await ShowPageAsync(cycle, await LoadLatestAsync(Db, ct), ct);
    }

    /// <summary>
    /// Moves a section one place up or down in the form ("3-up", "3-down"), keeping everything typed. Nothing is
    /// saved: the new order becomes part of the next version when it is saved.
    /// </summary>
    [CyclePermission(CycleOperation.ManageCycle)]
    public async Task<IActionResult> OnPostMoveAsync(string? move, CancellationToken ct)
    {
        var cycle = await LoadCycleAsync(Db, forChange: false, ct);
        if (cycle is null)
        {
            return NotFound();
        }

        var sections = Form.Sections.ToList();
        if (ParseMove(move, sections.Count) is var (from, to))
        {
            (sections[from], sections[to]) = (sections[to], sections[from]);
            // The posted values are keyed by position; once positions change they must not be shown again.
            ModelState.Clear();
            Form = Form with { Sections = sections };
            MovedSection = to;
        }

        return await ShowPageAsync(cycle, await LoadLatestAsync(Db, ct), ct);
    }

    [CyclePermission(CycleOperation.ManageCycle)]
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var cycle = await LoadCycleAsync(Db, forChange: true, ct);
        if (cycle is null)
        {
            return NotFound();
        }

        var specification = await LoadSpecificationAsync(Db, forChange: true, ct);
        ModelState.AddErrors(await validator.ValidateAsync(Form, ct), nameof(Form));
        // Sections change here; the outcome framework goes into the new version as it is.
        _kept = Form.Kept();
        var draft = new VersionDraft(Form.ChangeSummary, [.. _kept.Select(k => k.Draft)], specification?.Latest.ToDraft().Outcomes ?? []);
        return await SaveVersionAsync(cycle, specification, Form.BasedOnVersion, draft, version =>
        {
            int answered = draft.Sections.Sum(s => s.Answers.Count);
            logger.LogInformation("Specification version {Version} of cycle {CycleId} saved, answering {Answered} comments", version.Number, CycleId, answered);
            TempData.SetSuccess(answered == 0
                ? $"Version {version.Number} saved."
                : $"Version {version.Number} saved. {Labels.Count(answered, "comment")} answered: the people who made them can see what changed.");
            return Redirect(OverviewUrl);
        }, ct);
    }

    // A refusal about a section, or a comment linked to one, goes beside that section's fields; the rest beside the form's.
    protected override void PlaceRefusals(DomainOutcome refused)
    {
        foreach (var part in refused.Refusals.GroupBy(r => r.SubjectId is { } id
            ? _kept.FirstOrDefault(k => k.Draft.SectionId == id || k.Draft.Answers.Any(a => a.ContributionId == id))?.Index
            : null))
        {
            if (part.Key is { } index)
            {
                CommentAnswers.AddErrors(ModelState, part, SectionPrefix(index));
            }
            else
            {
                // About the whole draft, or about an outcome: this page shows no field for it.
                ModelState.AddErrors(part.Select(r => r.SubjectId is null ? r : r with { Field = null }), nameof(Form));
            }
        }
    }

    // Keep what they typed; add sections the other person added, so saving again does not drop them.
    protected override void KeepTypedOver(SpecificationVersion? newest)
    {
        if (newest is null)
        {
            return;
        }

        var typed = Form.Sections.Select(s => s.SectionId).ToHashSet();
        Form = Form with
        {
            BasedOnVersion = newest.Number,
            Sections = [.. Form.Sections, .. newest.Sections.Where(s => !typed.Contains(s.SectionId)).Select(SectionInput.From)],
        };
        Newer = newest.Sections
            .Where(s => typed.Contains(s.SectionId))
            .Where(s =>
            {
                var mine = Form.Sections.First(f => f.SectionId == s.SectionId);
                return mine.Title.Trim() != s.Title || mine.Body.Trim() != s.Body || mine.PlainSummary.Trim() != s.PlainSummary;
            })
            .ToDictionary(s => s.SectionId, s => new NewerText(newest.Number, s.Title, s.Body, s.PlainSummary));
    }

    protected override async Task ShowAsync(CommissioningCycle cycle, ServiceSpecification? specification, CancellationToken ct)
    {
        if (specification is null)
        {
            return;
        }

        ExistingSections = specification.Latest.Sections.Select(s => s.SectionId).ToHashSet();
        Candidates = await CommentAnswers.LoadAsync(
            Db, CycleId, TargetKind.SpecificationSection, Form.Sections.Select(s => s.SectionId), UserId, Role, ct);
    }

    private static (int From, int To)? ParseMove(string? move, int count)
    {
        var parts = (move ?? "").Split('-');
        if (parts.Length != 2 || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out int from) || from >= count)
        {
            return null;
        }

        int to = parts[1] switch { "up" => from - 1, "down" => from + 1, _ => -1 };
        return to >= 0 && to < count ? (from, to) : null;
    }

    public sealed record NewerText(int Version, string Title, string Body, string PlainSummary);

    public sealed record Input
    {
        /// <summary>The version the commissioner started from; 0 for the first draft.</summary>
        public int BasedOnVersion { get; init; }

        public List<SectionInput> Sections { get; init; } = [];

        public string ChangeSummary { get; init => field = value ?? ""; } = "";

        public static Input From(SpecificationVersion version) => new()
        {
            BasedOnVersion = version.Number,
            Sections = [.. version.Sections.Select(SectionInput.From)],
        };

        /// <summary>
        /// The sections to keep, in order, as the draft has them, each with its place on the form. A section whose id was
        /// lost gets a new one, so the domain can still check what was typed (the form says the id is missing).
        /// </summary>
        public IReadOnlyList<KeptSection> Kept() =>
        [
            .. Sections.Select((s, index) => (Section: s, Index: index))
                .Where(s => !s.Section.Remove)
                .Select(s => new KeptSection(s.Index, new SectionDraft(
                    s.Section.SectionId == Guid.Empty ? Guid.CreateVersion7() : s.Section.SectionId,
                    s.Section.Title, s.Section.Body, s.Section.PlainSummary,
                    CommentAnswers.ToAnswered(s.Section.Answers, s.Section.Notes))))
                .DistinctBy(k => k.Draft.SectionId),
        ];
    }

    public sealed record KeptSection(int Index, SectionDraft Draft);

    public sealed record SectionInput
    {
        public Guid SectionId { get; init; }

        public string Title { get; init => field = value ?? ""; } = "";

        public string PlainSummary { get; init => field = value ?? ""; } = "";

        public string Body { get; init => field = value ?? ""; } = "";

        /// <summary>Comment id to "Adopted", "Adapted", or empty when this change does not answer it.</summary>
        public Dictionary<Guid, string?> Answers { get; init; } = [];

        /// <summary>Comment id to what the commissioner tells that person about the change (optional).</summary>
        public Dictionary<Guid, string?> Notes { get; init; } = [];

        /// <summary>Leave this section out of the new version.</summary>
        public bool Remove { get; init; }

        public static SectionInput Blank() => new() { SectionId = Guid.CreateVersion7() };

        public static SectionInput From(SectionSnapshot section) => new()
        {
            SectionId = section.SectionId,
            Title = section.Title,
            Body = section.Body,
            PlainSummary = section.PlainSummary,
        };
    }

    /// <summary>What the domain can't judge because it never sees it: a section or an answer that could not be read.</summary>
    public sealed class InputValidator : AbstractValidator<Input>
    {
        public InputValidator() => RuleForEach(x => x.Sections).SetValidator(new SectionInputValidator());
    }

    public sealed class SectionInputValidator : AbstractValidator<SectionInput>
    {
        public SectionInputValidator()
        {
            RuleFor(x => x.SectionId).NotEmpty().WithMessage("This section could not be matched to the draft. Reload the page and try again");
            RuleFor(x => x.Answers).Must(CommentAnswers.AreReadable).WithMessage(CommentAnswers.UnreadableMessage);
        }
    }
}
