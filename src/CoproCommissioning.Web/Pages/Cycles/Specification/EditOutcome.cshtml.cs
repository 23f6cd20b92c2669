using CoproCommissioning.Domain.Specification;
using CoproCommissioning.Web.Infrastructure.Specification;
using FluentValidation;

namespace CoproCommissioning.Web.Pages.Cycles.Specification;

/// <summary>
/// A commissioner adds, changes or removes one outcome of the framework. Like any edit of the draft, saving makes
/// a new version, and a change can answer comments made on the outcome.
/// </summary>
[CyclePermission(CycleOperation.ManageCycle)]
public sealed class EditOutcomeModel(
    CoproDbContext db, IValidator<EditOutcomeModel.Input> validator, TimeProvider clock, ILogger<EditOutcomeModel> logger)
    : DraftEditorPageModel(db, clock)
{
    [BindProperty]
    public Input Form { get; set; } = new();

    public Guid? OutcomeId { get; private set; }

    public IReadOnlyList<CandidateComment> Candidates { get; private set; } = [];

    /// <summary>After a clash: the outcome as the newer version has it.</summary>
    public OutcomeSnapshot? Newer { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid? outcomeId, CancellationToken ct)
    {
        OutcomeId = outcomeId;
        var cycle = await LoadCycleAsync(Db, forChange: false, ct);
        if (cycle is null)
        {
            return NotFound();
        }

        var specification = await LoadLatestAsync(Db, ct);
        var existing = outcomeId is { } id ? specification?.Latest.OutcomeFor(id) : null;
        if (outcomeId is not null && existing is null)
        {
            return NotFound();
        }

        Form = existing is null
            ? new Input { BasedOnVersion = specification?.Latest.Number ?? 0 }
            : Input.From(existing, specification!.Latest.Number);
        return await ShowPageAsync(cycle, specification, ct);
    }

    [CyclePermission(CycleOperation.ManageCycle)]
    public async Task<IActionResult> OnPostAsync(Guid? outcomeId, CancellationToken ct)
    {
        OutcomeId = outcomeId;
        var cycle = await LoadCycleAsync(Db, forChange: true, ct);
        if (cycle is null)
        {
            return NotFound();
        }

        var specification = await LoadSpecificationAsync(Db, forChange: true, ct);
        if (outcomeId is { } asked && specification?.Latest.OutcomeFor(asked) is null)
        {
            return NotFound();
        }

        ModelState.AddErrors(await validator.ValidateAsync(Form, ct), nameof(Form));
        if (specification is null)
        {
            return await ShowPageAsync(cycle, specification, ct);
        }

        var id = outcomeId ?? Guid.CreateVersion7();
        var changed = new OutcomeDraft(id, Form.Statement, Form.Domain, Form.Measure,
            new RatingLevels(Form.Levels.Poor, Form.Levels.Fair, Form.Levels.Good, Form.Levels.Stretch, Form.Levels.Outstanding),
            CommentAnswers.ToAnswered(Form.Answers, Form.Notes));
        var draft = specification.Latest.ToDraft();
        draft = draft with
        {
            ChangeSummary = Form.ChangeSummary,
            Outcomes = outcomeId is null
                ? [.. draft.Outcomes, changed]
                : [.. draft.Outcomes.Select(o => o.OutcomeId == id ? changed : o)],
        };
        return await SaveVersionAsync(cycle, specification, Form.BasedOnVersion, draft, Saved, ct);
    }

    [CyclePermission(CycleOperation.ManageCycle)]
    public async Task<IActionResult> OnPostRemoveAsync(Guid? outcomeId, CancellationToken ct)
    {
        OutcomeId = outcomeId;
        var cycle = await LoadCycleAsync(Db, forChange: true, ct);
        var specification = cycle is null ? null : await LoadSpecificationAsync(Db, forChange: true, ct);
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
        return await SaveVersionAsync(cycle, specification, Form.BasedOnVersion, draft, Saved, ct);
    }

    private RedirectResult Saved(SpecificationVersion version)
    {
        logger.LogInformation("Specification version {Version} of cycle {CycleId} saved with an outcome change", version.Number, CycleId);
        TempData.SetSuccess($"Version {version.Number} saved.");
        return Redirect(SpecificationUrls.Outcomes(CycleId));
    }

    protected override void PlaceRefusals(DomainOutcome refused) => CommentAnswers.AddErrors(ModelState, refused.Refusals, nameof(Form));

    protected override void KeepTypedOver(SpecificationVersion? latest)
    {
        Form = Form with { BasedOnVersion = latest?.Number ?? 0 };
        Newer = OutcomeId is { } id ? latest?.OutcomeFor(id) : null;
    }

    protected override async Task ShowAsync(CommissioningCycle cycle, ServiceSpecification? specification, CancellationToken ct)
    {
        if (specification is not null && OutcomeId is { } id)
        {
            Candidates = (await CommentAnswers.LoadAsync(Db, CycleId, TargetKind.SpecificationOutcome, [id], UserId, Role, ct))[id];
        }
    }

    public sealed record Input
    {
        public int BasedOnVersion { get; init; }

        public string Statement { get; init => field = value ?? ""; } = "";

        public OutcomeDomain? Domain { get; init; }

        public string Measure { get; init => field = value ?? ""; } = "";

        public LevelsInput Levels { get; init; } = new();

        /// <summary>Comment id to "Adopted", "Adapted", or empty when this change does not answer it.</summary>
        public Dictionary<Guid, string?> Answers { get; init; } = [];

        /// <summary>Comment id to what the commissioner tells that person about the change (optional).</summary>
        public Dictionary<Guid, string?> Notes { get; init; } = [];

        public string ChangeSummary { get; init => field = value ?? ""; } = "";

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

    /// <summary>What the domain can't judge because it never sees it: an answer that is none of the choices.</summary>
    public sealed class InputValidator : AbstractValidator<Input>
    {
        public InputValidator() =>
            RuleFor(x => x.Answers).Must(CommentAnswers.AreReadable).WithMessage(CommentAnswers.UnreadableMessage);
    }
}
