using System.Globalization;
using CoproCommissioning.Domain.Procurement;

namespace CoproCommissioning.Web.Pages.Cycles.Procurement.Award;

/// <summary>
/// The intention to award and the standstill (docs/decisions/0021): the day the notice was published and the dates
/// that follow from it, the representations providers made with the authority's answers, and the decision to go ahead
/// after them. Each form is its own handler. Routes without a standstill have nothing here.
/// </summary>
[CyclePermission(CycleOperation.ManageCycle)]
public sealed class StandstillModel(CoproDbContext db, TimeProvider clock, IWorkingDayCalendar calendar, ILogger<StandstillModel> logger)
    : AwardPageModel
{
    private static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");

    public const string DateUnreadable = "Enter a real date, for example 27 3 2026.";

    [BindProperty]
    public NoticeInput Notice { get; set; } = new();

    [BindProperty]
    public RepresentationInput Representation { get; set; } = new();

    /// <summary>The answer typed into each unanswered representation's form, by the representation's id.</summary>
    [BindProperty]
    public Dictionary<Guid, AnswerInput> Answers { get; set; } = [];

    [BindProperty]
    public ProceedInput Proceed { get; set; } = new();

    public CycleProcurement Procurement { get; private set; } = null!;

    public PeopleNames Names { get; private set; } = PeopleNames.None;

    public bool HasEnded { get; private set; }

    public bool MayChange => !IsSignedOff;

    /// <summary>Deciding to go ahead after representations is the Provider Selection Regime's (regulation 12(4)).</summary>
    public bool MayDecideToProceed =>
        Procurement.Regime == ProcurementRegime.ProviderSelectionRegime && Procurement.Representations.Count > 0 && Procurement.ProceedDecidedOn is null;

    /// <summary>The last day providers may make representations, under the Provider Selection Regime.</summary>
    public DateOnly? LastDayForRepresentations =>
        Procurement.IntentionNoticeOn is { } notice && Procurement.Regime == ProcurementRegime.ProviderSelectionRegime
            ? Domain.Procurement.Standstill.LastDayForRepresentations(notice, calendar)
            : null;

    /// <summary>"midnight at the end of Monday 5 January 2026", the words the regulations use, in UK time.</summary>
    public static string MidnightAtTheEndOf(DateTimeOffset utc) =>
        $"midnight at the end of {DayAndDate(DateOnly.FromDateTime(UkTime.ToLondon(utc).DateTime).AddDays(-1))}";

    /// <summary>"Monday 5 January 2026".</summary>
    public static string DayAndDate(DateOnly day) => $"{day.ToString("dddd", EnGb)} {UkTime.Date(day)}";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await LoadCycleAsync(db, ct) is null)
        {
            return NotFound();
        }

        if (await LoadProcurementAsync(db, forChange: false, ct) is not { NeedsStandstill: true } procurement)
        {
            return Redirect(OverviewUrl);
        }

        await ShowAsync(procurement, ct);
        return Page();
    }

    [CyclePermission(CycleOperation.ManageCycle)]
    public Task<IActionResult> OnPostNoticeAsync(CancellationToken ct)
    {
        var noticeOn = ReadDate(Notice.NoticeOn, $"{nameof(Notice)}.{nameof(NoticeInput.NoticeOn)}");
        return ChangeAsync(
            (procurement, cycle, now) => procurement.PublishIntention(cycle, noticeOn, calendar, UserId, Role, now),
            nameof(Notice),
            "The intention to award is recorded. The standstill dates are below.",
            ct);
    }

    [CyclePermission(CycleOperation.ManageCycle)]
    public Task<IActionResult> OnPostRepresentationAsync(CancellationToken ct)
    {
        var receivedOn = ReadDate(Representation.ReceivedOn, $"{nameof(Representation)}.{nameof(RepresentationInput.ReceivedOn)}");
        return ChangeAsync(
            (procurement, cycle, now) => procurement.LogRepresentation(cycle, Representation.From, receivedOn, Representation.Summary, UserId, Role, now),
            nameof(Representation),
            "The representations are logged. Record the authority's answer when it is given.",
            ct);
    }

    /// <summary>
    /// The representation answered is named by the form; it is looked up in this cycle's procurement only, so an id from
    /// elsewhere is not found.
    /// </summary>
    [CyclePermission(CycleOperation.ManageCycle)]
    public async Task<IActionResult> OnPostAnswerAsync(Guid representationId, CancellationToken ct)
    {
        if (await LoadProcurementAsync(db, forChange: false, ct) is { } procurement && procurement.FindRepresentation(representationId) is null)
        {
            return NotFound();
        }

        var answer = Answers.GetValueOrDefault(representationId)?.Answer;
        return await ChangeAsync(
            (procurement, cycle, now) => procurement.AnswerRepresentation(cycle, representationId, answer, UserId, Role, now),
            $"{nameof(Answers)}[{representationId}]",
            "The answer is recorded.",
            ct);
    }

    [CyclePermission(CycleOperation.ManageCycle)]
    public Task<IActionResult> OnPostProceedAsync(CancellationToken ct)
    {
        var decidedOn = ReadDate(Proceed.DecidedOn, $"{nameof(Proceed)}.{nameof(ProceedInput.DecidedOn)}");
        return ChangeAsync(
            (procurement, cycle, now) => procurement.DecideToProceed(cycle, decidedOn, Proceed.Reason, calendar, UserId, Role, now),
            nameof(Proceed),
            "The decision to go ahead is recorded, and the standstill's new end is below.",
            ct);
    }

    private DateOnly? ReadDate(DateParts parts, string key)
    {
        if (parts.TryGetDate(out var date))
        {
            return date;
        }

        if (!parts.IsEmpty)
        {
            ModelState.AddModelError(key, DateUnreadable);
        }

        return null;
    }

    /// <summary>One form's change: its refusals show beside that form's fields, with what was typed kept.</summary>
    private async Task<IActionResult> ChangeAsync(
        Func<CycleProcurement, CommissioningCycle, DateTimeOffset, DomainOutcome> change, string prefix, string success, CancellationToken ct)
    {
        var cycle = await LoadCycleAsync(db, ct);
        if (cycle is null)
        {
            return NotFound();
        }

        if (await LoadProcurementAsync(db, forChange: true, ct) is not { NeedsStandstill: true } procurement)
        {
            return Redirect(OverviewUrl);
        }

        var now = clock.GetUtcNow();
        ModelState.AddErrors(change(procurement, cycle, now), prefix);
        if (ModelState.IsValid)
        {
            var saved = await SaveIntoStageAsync(db, cycle, now, ct);
            if (saved.Succeeded)
            {
                logger.LogInformation("Standstill of cycle {CycleId} changed", CycleId);
                TempData.SetSuccess(success);
                return Redirect(ProcurementUrls.Standstill(CycleId));
            }

            if (saved.Status == SaveStatus.Conflict)
            {
                ModelState.AddConcurrencyError();
            }
        }

        db.ChangeTracker.Clear();
        if (await LoadProcurementAsync(db, forChange: false, ct) is not { NeedsStandstill: true } latest)
        {
            return Redirect(OverviewUrl);
        }

        await ShowAsync(latest, ct);
        return Page();
    }

    private async Task ShowAsync(CycleProcurement procurement, CancellationToken ct)
    {
        Procurement = procurement;
        HasEnded = procurement.HasStandstillEnded(clock.GetUtcNow());
        Names = await PeopleNames.LoadAsync(db,
            [.. procurement.Representations.SelectMany(r => new[] { r.LoggedByUserId, r.AnsweredByUserId })], UserId, ct);
    }

    public sealed record NoticeInput
    {
        public DateParts NoticeOn { get; init; } = new();
    }

    public sealed record RepresentationInput
    {
        public string From { get; init => field = value ?? ""; } = "";

        public DateParts ReceivedOn { get; init; } = new();

        public string Summary { get; init => field = value ?? ""; } = "";
    }

    public sealed record AnswerInput
    {
        public string Answer { get; init => field = value ?? ""; } = "";
    }

    public sealed record ProceedInput
    {
        public DateParts DecidedOn { get; init; } = new();

        public string Reason { get; init => field = value ?? ""; } = "";
    }
}
