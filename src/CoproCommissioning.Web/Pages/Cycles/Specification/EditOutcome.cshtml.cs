using CoproCommissioning.Data;
using CoproCommissioning.Domain.Cycles;
using CoproCommissioning.Domain.Membership;
using CoproCommissioning.Domain.Specification;
using CoproCommissioning.Web.Infrastructure;
using CoproCommissioning.Web.Infrastructure.Authorization;
using CoproCommissioning.Web.Infrastructure.Pages;
using CoproCommissioning.Web.Infrastructure.Specification;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CoproCommissioning.Web.Pages.Cycles.Specification;

/// <summary>
/// A commissioner adds, changes or removes one outcome of the framework. Like any edit of the draft, saving makes
/// a new version, and a change can answer comments made on the outcome.
/// </summary>
[CyclePermission(CycleOperation.ManageCycle)]
public sealed class EditOutcomeModel(
    CoproDbContext db, IValidator<EditOutcomeModel.Input> validator, TimeProvider clock, ILogger<EditOutcomeModel> logger)
    : SpecificationPageModel
{
    private static readonly Dictionary<string, string> FieldsByCode = new()
    {
        [SpecificationRules.OutcomeStatementRequired.Code] = "Form.Statement",
        [SpecificationRules.OutcomeStatementTooLong.Code] = "Form.Statement",
        [SpecificationRules.OutcomeStatementNotInFirstPerson.Code] = "Form.Statement",
        [SpecificationRules.OutcomeMeasureRequired.Code] = "Form.Measure",
        [SpecificationRules.OutcomeMeasureTooLong.Code] = "Form.Measure",
        [SpecificationRules.OutcomeLevelsRequired.Code] = "Form.Levels",
        [SpecificationRules.OutcomeLevelTooLong.Code] = "Form.Levels",
        [SpecificationRules.ChangeSummaryRequired.Code] = "Form.ChangeSummary",
        [SpecificationRules.ChangeSummaryTooLong.Code] = "Form.ChangeSummary",
        [SpecificationRules.AnswerNeedsChange.Code] = "Form.Answers",
        [SpecificationRules.AnswerNotACommentOnThisPart.Code] = "Form.Answers",
    };

    [BindProperty]
    public Input Form { get; set; } = new();

    public bool HasSpecification { get; private set; }

    public Guid? OutcomeId { get; private set; }

    public int LatestVersion { get; private set; }

    public IReadOnlyList<EditModel.CandidateComment> Candidates { get; private set; } = [];

    /// <summary>After a clash: the outcome as the newer version has it.</summary>
    public OutcomeSnapshot? Newer { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid? outcomeId, CancellationToken ct)
    {
        var cycle = await LoadCycleAsync(db, forChange: false, ct);
        if (cycle is null)
        {
            return NotFound();
        }

        var specification = await LoadSpecificationAsync(db, forChange: false, ct);
        var existing = outcomeId is { } id ? specification?.Latest.OutcomeFor(id) : null;
        if (outcomeId is not null && existing is null)
        {
            return NotFound();
        }

        Form = existing is null
            ? new Input { BasedOnVersion = specification?.Latest.Number ?? 0 }
            : Input.From(existing, specification!.Latest.Number);
        await ShowAsync(cycle, specification, outcomeId, ct);
        return Page();
    }

    [CyclePermission(CycleOperation.ManageCycle)]
    public async Task<IActionResult> OnPostAsync(Guid? outcomeId, CancellationToken ct)
    {
        var cycle = await LoadCycleAsync(db, forChange: true, ct);
        if (cycle is null)
        {
            return NotFound();
        }

        var specification = await LoadSpecificationAsync(db, forChange: true, ct);
        if (outcomeId is { } asked && specification?.Latest.OutcomeFor(asked) is null)
        {
            return NotFound();
        }

        var check = await validator.ValidateAsync(Form, ct);
        if (specification is null || !check.IsValid)
        {
            ModelState.AddErrors(check, nameof(Form));
            await ShowAsync(cycle, specification, outcomeId, ct);
            return Page();
        }

        var id = outcomeId ?? Guid.CreateVersion7();
        var draft = specification.Latest.ToDraft();
        var changed = new OutcomeDraft(id, Form.Statement, Form.Domain!.Value, Form.Measure,
            new RatingLevels(Form.Levels.Poor, Form.Levels.Fair, Form.Levels.Good, Form.Levels.Stretch, Form.Levels.Outstanding),
            [.. Form.Answers.Where(a => a.Value is EditModel.Adopted or EditModel.Adapted)
                .Select(a => new AnsweredComment(a.Key, Enum.Parse<ResponseType>(a.Value!), Form.Notes.GetValueOrDefault(a.Key)))]);
        draft = draft with
        {
            ChangeSummary = Form.ChangeSummary,
            Outcomes = outcomeId is null
                ? [.. draft.Outcomes, changed]
                : [.. draft.Outcomes.Select(o => o.OutcomeId == id ? changed : o)],
        };
        return await SaveAsync(cycle, specification, draft, outcomeId, ct);
    }

    [CyclePermission(CycleOperation.ManageCycle)]
    public async Task<IActionResult> OnPostRemoveAsync(Guid? outcomeId, CancellationToken ct)
    {
        var cycle = await LoadCycleAsync(db, forChange: true, ct);
        var specification = cycle is null ? null : await LoadSpecificationAsync(db, forChange: true, ct);
        var existing = outcomeId is { } id ? specification?.Latest.OutcomeFor(id) : null;
        if (cycle is null || specification is null || existing is null)
        {
            return NotFound();
        }

        var draft = specification.Latest.ToDraft();
        draft = draft with
        {
            ChangeSummary = $"Removed the outcome \u201c{existing.Statement}\u201d",
            Outcomes = [.. draft.Outcomes.Where(o => o.OutcomeId != existing.OutcomeId)],
        };
        return await SaveAsync(cycle, specification, draft, outcomeId, ct);
    }

    private async Task<IActionResult> SaveAsync(
        CommissioningCycle cycle, ServiceSpecification specification, VersionDraft draft, Guid? outcomeId, CancellationToken ct)
    {
        var saved = specification.SaveVersion(cycle, Form.BasedOnVersion, draft, User.UserId(), HttpContext.CycleMember().Role, clock.GetUtcNow());
        if (!saved.Succeeded)
        {
            if (saved.BrokenRules.Contains(SpecificationRules.DraftChanged))
            {
                return await ClashAsync(outcomeId, ct);
            }

            ModelState.AddErrors(saved.Refusals, FieldsByCode,
                r => r.Rule == SpecificationRules.AnswerNoteTooLong ? $"Form.Notes[{r.SubjectId}]" : null);
            await ShowAsync(cycle, specification, outcomeId, ct);
            return Page();
        }

        try
        {
            var stored = await SaveStageContentAsync(db, cycle, clock.GetUtcNow(), ct, reportConflict: false);
            if (stored == StageContentSave.StageSignedOff)
            {
                var latestCycle = await LoadCycleAsync(db, forChange: false, ct);
                await ShowAsync(latestCycle!, await LoadSpecificationAsync(db, forChange: false, ct), outcomeId, ct);
                return Page();
            }

            if (stored == StageContentSave.Conflict)
            {
                return await ClashAsync(outcomeId, ct);
            }
        }
        catch (DbUpdateException)
        {
            return await ClashAsync(outcomeId, ct);
        }

        logger.LogInformation("Specification version {Version} of cycle {CycleId} saved with an outcome change", saved.Value.Number, CycleId);
        TempData.SetSuccess($"Version {saved.Value.Number} saved.");
        return Redirect(SpecificationUrls.Outcomes(CycleId));
    }

    private async Task<IActionResult> ClashAsync(Guid? outcomeId, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var cycle = await LoadCycleAsync(db, forChange: false, ct);
        var latest = await LoadSpecificationAsync(db, forChange: false, ct);
        ModelState.AddModelError("", SpecificationRules.DraftChanged.Message);
        ModelState.Remove("Form.BasedOnVersion");
        Form = Form with { BasedOnVersion = latest?.Latest.Number ?? 0 };
        Newer = outcomeId is { } id ? latest?.Latest.OutcomeFor(id) : null;
        await ShowAsync(cycle!, latest, outcomeId, ct);
        return Page();
    }

    private async Task ShowAsync(CommissioningCycle cycle, ServiceSpecification? specification, Guid? outcomeId, CancellationToken ct)
    {
        HasSpecification = specification is not null;
        OutcomeId = outcomeId;
        LatestVersion = specification?.Latest.Number ?? 0;
        if (specification is null || outcomeId is not { } id)
        {
            return;
        }

        var history = specification.HistoryOfOutcome(id).ToDictionary(o => o.Id, o => o.VersionNumber);
        var comments = cycle.StageOf(StageKind.Specification).Contributions
            .Where(c => c.TargetKind == TargetKind.SpecificationOutcome && c.TargetId is { } target && history.ContainsKey(target))
            .ToList();
        var answeredIn = specification.Versions
            .SelectMany(v => v.Outcomes.SelectMany(o => o.Answers.Select(a => (a.ContributionId, v.Number))))
            .GroupBy(a => a.ContributionId)
            .ToDictionary(g => g.Key, g => g.Max(a => a.Number));
        var names = await PeopleNames.LoadAsync(db, comments.Select(c => c.AuthorUserId), User.UserId(), ct);
        Candidates = [.. comments
            .OrderBy(c => answeredIn.ContainsKey(c.Id))
            .ThenByDescending(c => c.CreatedAt)
            .Select(c => new EditModel.CandidateComment(c.Id, c.Summary, names.Of(c.AuthorUserId), c.Voice, history[c.TargetId!.Value],
                c.CurrentResponse?.Type, answeredIn.TryGetValue(c.Id, out var v) ? v : null))];
    }

    public sealed record Input
    {
        public int BasedOnVersion { get; init; }

        public string Statement { get; init => field = value ?? ""; } = "";

        public OutcomeDomain? Domain { get; init; }

        public string Measure { get; init => field = value ?? ""; } = "";

        public LevelsInput Levels { get; init; } = new();

        public string ChangeSummary { get; init => field = value ?? ""; } = "";

        public Dictionary<Guid, string?> Answers { get; init; } = [];

        /// <summary>Comment id to what the commissioner tells that person about the change (optional).</summary>
        public Dictionary<Guid, string?> Notes { get; init; } = [];

        public static Input From(OutcomeSnapshot outcome, int version) => new()
        {
            BasedOnVersion = version,
            Statement = outcome.Statement,
            Domain = outcome.Domain,
            Measure = outcome.Measure,
            Levels = new LevelsInput
            {
                Poor = outcome.Levels.Poor,
                Fair = outcome.Levels.Fair,
                Good = outcome.Levels.Good,
                Stretch = outcome.Levels.Stretch,
                Outstanding = outcome.Levels.Outstanding,
            },
        };
    }

    public sealed record LevelsInput
    {
        public string Poor { get; init => field = value ?? ""; } = "";

        public string Fair { get; init => field = value ?? ""; } = "";

        public string Good { get; init => field = value ?? ""; } = "";

        public string Stretch { get; init => field = value ?? ""; } = "";

        public string Outstanding { get; init => field = value ?? ""; } = "";

        public string Of(RatingLevel level) => level switch
        {
            RatingLevel.Poor => Poor,
            RatingLevel.Fair => Fair,
            RatingLevel.Good => Good,
            RatingLevel.Stretch => Stretch,
            _ => Outstanding,
        };
    }

    public sealed class InputValidator : AbstractValidator<Input>
    {
        public InputValidator()
        {
            RuleFor(x => x.Statement).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage(SpecificationRules.OutcomeStatementRequired.Message)
                .MaximumLength(OutcomeSnapshot.StatementMaxLength).WithMessage(SpecificationRules.OutcomeStatementTooLong.Message);
            RuleFor(x => x.Domain).Cascade(CascadeMode.Stop)
                .NotNull().WithMessage("Choose the area of life this outcome is about")
                .IsInEnum().WithMessage("Choose the area of life this outcome is about");
            RuleFor(x => x.Measure).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage(SpecificationRules.OutcomeMeasureRequired.Message)
                .MaximumLength(OutcomeSnapshot.MeasureMaxLength).WithMessage(SpecificationRules.OutcomeMeasureTooLong.Message);
            RuleFor(x => x.Levels)
                .Must(l => Enum.GetValues<RatingLevel>().All(level => !string.IsNullOrWhiteSpace(l.Of(level))))
                .WithMessage(SpecificationRules.OutcomeLevelsRequired.Message)
                .Must(l => Enum.GetValues<RatingLevel>().All(level => l.Of(level).Trim().Length <= RatingLevels.DescriptionMaxLength))
                .WithMessage(SpecificationRules.OutcomeLevelTooLong.Message);
            RuleFor(x => x.ChangeSummary).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage(SpecificationRules.ChangeSummaryRequired.Message)
                .MaximumLength(ServiceSpecification.ChangeSummaryMaxLength).WithMessage(SpecificationRules.ChangeSummaryTooLong.Message);
            RuleFor(x => x.Answers)
                .Must(answers => answers.All(a => a.Key != Guid.Empty && (string.IsNullOrEmpty(a.Value) || a.Value is EditModel.Adopted or EditModel.Adapted)))
                .WithMessage("For each comment, choose adopted, adapted, or not answered by this change");
        }
    }
}
