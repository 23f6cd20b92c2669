using System.Globalization;
using CoproCommissioning.Data;
using CoproCommissioning.Domain;
using CoproCommissioning.Domain.Cycles;
using CoproCommissioning.Domain.Membership;
using CoproCommissioning.Domain.Specification;
using CoproCommissioning.Web.Infrastructure;
using CoproCommissioning.Web.Infrastructure.Authorization;
using CoproCommissioning.Web.Infrastructure.Pages;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CoproCommissioning.Web.Pages.Cycles.Specification;

/// <summary>
/// A commissioner edits the draft's sections and saves them as a new version, saying which comments each change
/// answers. If someone else saved a version meanwhile, nothing is saved: they see the newer text beside their own (R8).
/// </summary>
[CyclePermission(CycleOperation.ManageCycle)]
public sealed class EditModel(CoproDbContext db, IValidator<EditModel.Input> validator, TimeProvider clock, ILogger<EditModel> logger)
    : SpecificationPageModel
{
    public const string Adopted = nameof(ResponseType.Adopted);
    public const string Adapted = nameof(ResponseType.Adapted);

    [BindProperty]
    public Input Form { get; set; } = new();

    /// <summary>The latest saved version; 0 when there is no draft yet.</summary>
    public int LatestVersion { get; private set; }

    /// <summary>For each existing section, the comments on it (in any version) that a change can answer.</summary>
    public IReadOnlyDictionary<Guid, IReadOnlyList<CandidateComment>> Candidates { get; private set; } =
        new Dictionary<Guid, IReadOnlyList<CandidateComment>>();

    /// <summary>After a clash: what the newer version says, for each section whose text differs from what was typed.</summary>
    public IReadOnlyDictionary<Guid, NewerText> Newer { get; private set; } = new Dictionary<Guid, NewerText>();

    /// <summary>Sections the latest version has, which can be removed from the next.</summary>
    public IReadOnlySet<Guid> ExistingSections { get; private set; } = new HashSet<Guid>();

    public static string AnswersField(int index) => $"Form.Sections[{index}].Answers";

    public static string AnswerField(int index, Guid contributionId) => $"Form.Sections[{index}].Answers[{contributionId}]";

    public static string NoteField(int index, Guid contributionId) => $"Form.Sections[{index}].Notes[{contributionId}]";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var cycle = await LoadCycleAsync(db, forChange: false, ct);
        if (cycle is null)
        {
            return NotFound();
        }

        var specification = await LoadSpecificationAsync(db, forChange: false, ct);
        Form = specification is null
            ? new Input { ChangeSummary = "First draft", Sections = [SectionInput.Blank()] }
            : Input.From(specification.Latest);
        await ShowAsync(cycle, specification, ct);
        return Page();
    }

    /// <summary>Adds an empty section to the form, keeping everything typed so far. Nothing is saved.</summary>
    [CyclePermission(CycleOperation.ManageCycle)]
    public async Task<IActionResult> OnPostAddSectionAsync(CancellationToken ct)
    {
        var cycle = await LoadCycleAsync(db, forChange: false, ct);
        if (cycle is null)
        {
            return NotFound();
        }

        Form = Form with { Sections = [.. Form.Sections, SectionInput.Blank()] };
        await ShowAsync(cycle, await LoadSpecificationAsync(db, forChange: false, ct), ct);
        return Page();
    }

    /// <summary>
    /// Moves a section one place up or down in the form ("3-up", "3-down"), keeping everything typed. Nothing is
    /// saved: the new order becomes part of the next version when it is saved.
    /// </summary>
    [CyclePermission(CycleOperation.ManageCycle)]
    public async Task<IActionResult> OnPostMoveAsync(string? move, CancellationToken ct)
    {
        var cycle = await LoadCycleAsync(db, forChange: false, ct);
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

        await ShowAsync(cycle, await LoadSpecificationAsync(db, forChange: false, ct), ct);
        return Page();
    }

    /// <summary>The section just moved (by index), so the page can say so and put focus back on it.</summary>
    public int? MovedSection { get; private set; }

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

    [CyclePermission(CycleOperation.ManageCycle)]
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var cycle = await LoadCycleAsync(db, forChange: true, ct);
        if (cycle is null)
        {
            return NotFound();
        }

        var specification = await LoadSpecificationAsync(db, forChange: true, ct);
        var check = await validator.ValidateAsync(Form, ct);
        if (!check.IsValid)
        {
            ModelState.AddErrors(check, nameof(Form));
            await ShowAsync(cycle, specification, ct);
            return Page();
        }

        var member = HttpContext.CycleMember();
        var now = clock.GetUtcNow();
        // Sections change here; the outcome framework goes into the new version as it is.
        var draft = Form.ToDraft(specification?.Latest.ToDraft());
        DomainOutcome saved;
        int number;
        if (specification is null)
        {
            var started = ServiceSpecification.Start(cycle, draft, User.UserId(), member.Role, now);
            saved = started;
            number = 1;
            if (started.Succeeded)
            {
                db.Specifications.Add(started.Value);
            }
        }
        else
        {
            var version = specification.SaveVersion(cycle, Form.BasedOnVersion, draft, User.UserId(), member.Role, now);
            saved = version;
            number = version.Succeeded ? version.Value.Number : 0;
        }

        if (!saved.Succeeded)
        {
            if (saved.BrokenRules.Contains(SpecificationRules.DraftChanged))
            {
                return await ClashAsync(ct);
            }

            ModelState.AddErrors(saved.Refusals, fieldsByCode: null, FieldFor);
            await ShowAsync(cycle, specification, ct);
            return Page();
        }

        try
        {
            var stored = await SaveStageContentAsync(db, cycle, now, ct, reportConflict: false);
            if (stored == StageContentSave.StageSignedOff)
            {
                return await SignedOffWhileEditingAsync(ct);
            }

            if (stored == StageContentSave.Conflict)
            {
                return await ClashAsync(ct);
            }
        }
        catch (DbUpdateException)
        {
            // Another commissioner saved the same version number (or the first draft) a moment before: theirs stands.
            return await ClashAsync(ct);
        }

        int answered = draft.Sections.Sum(s => s.Answers.Count);
        logger.LogInformation("Specification version {Version} of cycle {CycleId} saved, answering {Answered} comments", number, CycleId, answered);
        TempData.SetSuccess(answered == 0
            ? $"Version {number} saved."
            : $"Version {number} saved. {Labels.Count(answered, "comment")} answered: the people who made them can see what changed.");
        return Redirect(OverviewUrl);
    }

    // Refusals about a section (or a comment linked to one) go beside that section's field.
    private string? FieldFor(Refusal refusal)
    {
        int index = Form.Sections.FindIndex(s => s.SectionId == refusal.SubjectId);
        if (index < 0 && refusal.SubjectId is { } commentId)
        {
            index = Form.Sections.FindIndex(s => s.Answers.ContainsKey(commentId));
        }

        string code = refusal.Rule.Code;
        if (code == SpecificationRules.ChangeSummaryRequired.Code || code == SpecificationRules.ChangeSummaryTooLong.Code)
        {
            return "Form.ChangeSummary";
        }

        if (index < 0)
        {
            return null;
        }

        string section = $"Form.Sections[{index}]";
        return code switch
        {
            _ when code == SpecificationRules.SectionTitleRequired.Code || code == SpecificationRules.SectionTitleTooLong.Code => $"{section}.Title",
            _ when code == SpecificationRules.SectionBodyRequired.Code || code == SpecificationRules.SectionBodyTooLong.Code => $"{section}.Body",
            _ when code == SpecificationRules.PlainSummaryTooLong.Code => $"{section}.PlainSummary",
            _ when code == SpecificationRules.AnswerNoteTooLong.Code => NoteField(index, refusal.SubjectId!.Value),
            _ => AnswersField(index),
        };
    }

    // The message is already on the form; show the stage as it is now, with what they typed kept.
    private async Task<IActionResult> SignedOffWhileEditingAsync(CancellationToken ct)
    {
        var cycle = await LoadCycleAsync(db, forChange: false, ct);
        await ShowAsync(cycle!, await LoadSpecificationAsync(db, forChange: false, ct), ct);
        return Page();
    }

    private async Task<IActionResult> ClashAsync(CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var cycle = await LoadCycleAsync(db, forChange: false, ct);
        var latest = await LoadSpecificationAsync(db, forChange: false, ct);
        ModelState.AddModelError("", SpecificationRules.DraftChanged.Message);
        if (latest is not null)
        {
            // Keep what they typed; add sections the other person added, so saving again does not drop them.
            var newest = latest.Latest;
            var typed = Form.Sections.Select(s => s.SectionId).ToHashSet();
            Form = Form with
            {
                BasedOnVersion = newest.Number,
                Sections = [.. Form.Sections, .. newest.Sections.Where(s => !typed.Contains(s.SectionId)).Select(SectionInput.From)],
            };
            ModelState.Remove("Form.BasedOnVersion");
            Newer = newest.Sections
                .Where(s => typed.Contains(s.SectionId))
                .Where(s =>
                {
                    var mine = Form.Sections.Single(f => f.SectionId == s.SectionId);
                    return mine.Title.Trim() != s.Title || mine.Body.Trim() != s.Body || mine.PlainSummary.Trim() != s.PlainSummary;
                })
                .ToDictionary(s => s.SectionId, s => new NewerText(newest.Number, s.Title, s.Body, s.PlainSummary));
        }

        await ShowAsync(cycle!, latest, ct);
        return Page();
    }

    private async Task ShowAsync(CommissioningCycle cycle, ServiceSpecification? specification, CancellationToken ct)
    {
        LatestVersion = specification?.Latest.Number ?? 0;
        if (specification is null)
        {
            return;
        }

        ExistingSections = specification.Latest.Sections.Select(s => s.SectionId).ToHashSet();

        var comments = cycle.StageOf(StageKind.Specification).Contributions
            .Where(c => c.TargetKind == TargetKind.SpecificationSection && c.TargetId is not null)
            .ToList();
        var names = await PeopleNames.LoadAsync(db, comments.Select(c => c.AuthorUserId), User.UserId(), ct);
        var answeredIn = specification.Versions
            .SelectMany(v => v.Sections.SelectMany(s => s.Answers.Select(a => (a.ContributionId, v.Number))))
            .GroupBy(a => a.ContributionId)
            .ToDictionary(g => g.Key, g => g.Max(a => a.Number));

        Dictionary<Guid, IReadOnlyList<CandidateComment>> candidates = [];
        foreach (var section in Form.Sections)
        {
            var history = specification.HistoryOfSection(section.SectionId).ToDictionary(s => s.Id, s => s.VersionNumber);
            candidates[section.SectionId] = [.. comments
                .Where(c => history.ContainsKey(c.TargetId!.Value))
                .OrderBy(c => answeredIn.ContainsKey(c.Id))
                .ThenByDescending(c => c.CreatedAt)
                .Select(c => new CandidateComment(
                    c.Id, c.Summary, names.Of(c.AuthorUserId), c.Voice, history[c.TargetId!.Value], c.CurrentResponse?.Type,
                    answeredIn.TryGetValue(c.Id, out var v) ? v : null))];
        }

        Candidates = candidates;
    }

    public sealed record CandidateComment(
        Guid Id, string Summary, string From, Voice Voice, int Version, ResponseType? CurrentResponse, int? AlreadyChangedIn);

    public sealed record NewerText(int Version, string Title, string Body, string PlainSummary);

    public sealed record Input
    {
        /// <summary>The version the commissioner started from; 0 for the first draft.</summary>
        public int BasedOnVersion { get; init; }

        public string ChangeSummary { get; init => field = value ?? ""; } = "";

        public List<SectionInput> Sections { get; init; } = [];

        public static Input From(SpecificationVersion version) => new()
        {
            BasedOnVersion = version.Number,
            Sections = [.. version.Sections.Select(SectionInput.From)],
        };

        public VersionDraft ToDraft(VersionDraft? outcomesFrom = null) => new(
            ChangeSummary,
            [.. Sections.Where(s => !s.Remove).DistinctBy(s => s.SectionId).Select(s => new SectionDraft(
                s.SectionId, s.Title, s.Body, s.PlainSummary,
                [.. s.Answers.Where(a => a.Value is Adopted or Adapted)
                    .Select(a => new AnsweredComment(a.Key, Enum.Parse<ResponseType>(a.Value!), s.Notes.GetValueOrDefault(a.Key)))]))],
            outcomesFrom?.Outcomes ?? []);
    }

    public sealed record SectionInput
    {
        public Guid SectionId { get; init; }

        public string Title { get; init => field = value ?? ""; } = "";

        public string Body { get; init => field = value ?? ""; } = "";

        public string PlainSummary { get; init => field = value ?? ""; } = "";

        /// <summary>Leave this section out of the new version.</summary>
        public bool Remove { get; init; }

        /// <summary>Comment id to "Adopted", "Adapted", or empty when this change does not answer it.</summary>
        public Dictionary<Guid, string?> Answers { get; init; } = [];

        /// <summary>Comment id to what the commissioner tells that person about the change (optional).</summary>
        public Dictionary<Guid, string?> Notes { get; init; } = [];

        public static SectionInput Blank() => new() { SectionId = Guid.CreateVersion7() };

        public static SectionInput From(SectionSnapshot section) => new()
        {
            SectionId = section.SectionId,
            Title = section.Title,
            Body = section.Body,
            PlainSummary = section.PlainSummary,
        };
    }

    public sealed class InputValidator : AbstractValidator<Input>
    {
        public InputValidator()
        {
            RuleFor(x => x.ChangeSummary).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage(SpecificationRules.ChangeSummaryRequired.Message)
                .MaximumLength(ServiceSpecification.ChangeSummaryMaxLength).WithMessage(SpecificationRules.ChangeSummaryTooLong.Message);
            RuleFor(x => x.Sections)
                .Must(sections => sections.Any(s => !s.Remove)).WithMessage(SpecificationRules.SectionsRequired.Message);
            RuleForEach(x => x.Sections).SetValidator(new SectionInputValidator());
        }
    }

    public sealed class SectionInputValidator : AbstractValidator<SectionInput>
    {
        public SectionInputValidator()
        {
            When(x => !x.Remove, () =>
            {
                RuleFor(x => x.Title).Cascade(CascadeMode.Stop)
                    .NotEmpty().WithMessage(SpecificationRules.SectionTitleRequired.Message)
                    .MaximumLength(SectionSnapshot.TitleMaxLength).WithMessage(SpecificationRules.SectionTitleTooLong.Message);
                RuleFor(x => x.Body).Cascade(CascadeMode.Stop)
                    .NotEmpty().WithMessage(SpecificationRules.SectionBodyRequired.Message)
                    .MaximumLength(SectionSnapshot.BodyMaxLength).WithMessage(SpecificationRules.SectionBodyTooLong.Message);
                RuleFor(x => x.PlainSummary)
                    .MaximumLength(SectionSnapshot.PlainSummaryMaxLength).WithMessage(SpecificationRules.PlainSummaryTooLong.Message);
            });
            RuleFor(x => x.SectionId).NotEmpty().WithMessage("This section could not be matched to the draft. Reload the page and try again");
            RuleFor(x => x.Answers)
                .Must(answers => answers.All(a => a.Key != Guid.Empty && (string.IsNullOrEmpty(a.Value) || a.Value is Adopted or Adapted)))
                .WithMessage("For each comment, choose adopted, adapted, or not answered by this change");
        }
    }
}
