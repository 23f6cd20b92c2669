using CoproCommissioning.Domain.Procurement;

namespace CoproCommissioning.Web.Pages.Cycles.Procurement.Award;

/// <summary>
/// The printable procurement record: what the Provider Selection Regime's regulation 24 asks an authority to keep.
/// For commissioners only, because it holds every evaluator's scores and comments on every bid.
/// </summary>
[CyclePermission(CycleOperation.ManageCycle)]
public sealed class RecordModel(CoproDbContext db, TimeProvider clock) : AwardPageModel
{
    public ProcurementRecord Record { get; private set; } = null!;

    public CycleProcurement Procurement => Record.Procurement;

    public IReadOnlyList<string> DecidedBy { get; private set; } = [];

    public bool HasStandstillEnded { get; private set; }

    public bool IsPastDeadline { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var cycle = await LoadCycleWithDecisionsAsync(db, ct);
        if (cycle is null)
        {
            return NotFound();
        }

        var now = clock.GetUtcNow();
        if (await ProcurementRecord.LoadAsync(db, cycle, now, UserId, ct) is not { } record)
        {
            return Redirect(OverviewUrl);
        }

        Record = record;
        DecidedBy = record.AwardDecision is { } decision ? WhoDecided(decision, record.Names) : [];
        HasStandstillEnded = record.Procurement.HasStandstillEnded(now);
        IsPastDeadline = record.Procurement.IsPastDeadline(now);
        return Page();
    }

    /// <summary>Who moderated, for the list of the people who made decisions.</summary>
    public IReadOnlyList<string> Moderators =>
        [.. Procurement.Moderated.Select(m => m.ModeratedByUserId).Distinct(StringComparer.Ordinal).Select(Record.Names.Of)];
}
