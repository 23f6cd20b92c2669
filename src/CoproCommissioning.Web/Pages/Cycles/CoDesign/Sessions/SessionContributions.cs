namespace CoproCommissioning.Web.Pages.Cycles.CoDesign.Sessions;

/// <summary>Contributions logged from co-design sessions: the cycle's co-design input whose target is a session.</summary>
public static class SessionContributions
{
    public static IQueryable<Contribution> Of(CoproDbContext db, Guid cycleId) =>
        db.Cycles
            .Where(c => c.Id == cycleId)
            .SelectMany(c => c.Stages)
            .SelectMany(s => s.Contributions)
            .Where(c => c.TargetKind == TargetKind.CoDesignSession);

    public static IQueryable<Contribution> Of(CoproDbContext db, Guid cycleId, Guid sessionId) =>
        Of(db, cycleId).Where(c => c.TargetId == sessionId);
}
