using CoproCommissioning.Domain.Monitoring;

namespace CoproCommissioning.Web.Pages.Cycles.Monitoring.Alliance;

/// <summary>
/// The health check for one reporting period: the team's result (each question's average and lowest score, the concerns,
/// who has not rated) and each member's ratings with their comment; a named person rates for their party, or changes
/// their rating. A period from another cycle's contract is not found.
/// </summary>
[CyclePermission(CycleOperation.View)]
public sealed class HealthModel(CoproDbContext db, TimeProvider clock, ILogger<HealthModel> logger) : AlliancePageModel(db, clock)
{
    [BindProperty]
    public Input Form { get; set; } = new();

    public ReportingPeriod Period { get; private set; } = null!;

    public AllianceHealthResult? Result { get; private set; }

    public IReadOnlyList<AllianceHealthRating> Ratings { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid periodId, CancellationToken ct)
    {
        if (await LoadAsync(forChange: false, ct) is { } answer)
        {
            return answer;
        }

        if (!Show(periodId))
        {
            return NotFound();
        }

        if (Me is { } me && Ratings.FirstOrDefault(r => r.MemberId == me.Id) is { } mine)
        {
            Form = new Input { Trust = mine.Trust, InformationSharing = mine.InformationSharing, SharedDecisions = mine.SharedDecisions, Comment = mine.Comment };
        }

        return Page();
    }

    [CyclePermission(CycleOperation.Contribute)]
    public async Task<IActionResult> OnPostAsync(Guid periodId, CancellationToken ct)
    {
        if (await LoadAsync(forChange: true, ct) is { } answer)
        {
            return answer;
        }

        if (Monitoring?.FindPeriod(periodId) is null)
        {
            return NotFound();
        }

        var result = await ChangeAsync((team, now) => team.RateHealth(Cycle, periodId,
            new HealthScores(Form.Trust, Form.InformationSharing, Form.SharedDecisions), Form.Comment, UserId, now), nameof(Form), null, ct);
        if (!Show(periodId))
        {
            return NotFound();
        }

        if (result is not null)
        {
            return result;
        }

        logger.LogInformation("Alliance health check for period {PeriodId} of cycle {CycleId} rated", periodId, CycleId);
        TempData.SetSuccess($"Your ratings for period {Period.Number} are saved.");
        return Redirect(AllianceUrls.Health(CycleId, periodId));
    }

    private bool Show(Guid periodId)
    {
        if (Monitoring?.FindPeriod(periodId) is not { } period)
        {
            return false;
        }

        Period = period;
        Result = Team?.HealthResult(periodId);
        Ratings = Team is null ? [] : [.. Team.HealthRatings.Where(r => r.PeriodId == periodId).OrderBy(r => r.RatedAt)];
        return true;
    }

    public sealed record Input
    {
        public int? Trust { get; init; }

        public int? InformationSharing { get; init; }

        public int? SharedDecisions { get; init; }

        public string Comment { get; init; } = "";
    }
}
