using CoproCommissioning.Domain.Specification;
using CoproCommissioning.Web.Infrastructure.Specification;

namespace CoproCommissioning.Web.Pages.Cycles.Specification;

/// <summary>One outcome of the framework as it read in a version, its comments, and the form to comment on it.</summary>
[CyclePermission(CycleOperation.View)]
public sealed class OutcomeModel(
    CoproDbContext db, TimeProvider clock, ILogger<OutcomeModel> logger)
    : CommentablePartPageModel(db, clock, logger)
{
    public OutcomeSnapshot Outcome { get; private set; } = null!;

    public override string PartWords => "outcome";

    public override string PartUrl(int? version = null) => SpecificationUrls.Outcome(CycleId, PartId, version);

    protected override TargetKind PartKind => TargetKind.SpecificationOutcome;

    // The outcome's snapshot itself, with the few comments its own change answered: the page shows its rating levels.
    protected override async Task ShowPartAsync(PartSnapshot shown, CancellationToken ct) =>
        Outcome = await Db.Set<OutcomeSnapshot>().AsNoTracking().SingleAsync(o => o.Id == shown.SnapshotId, ct);
}
