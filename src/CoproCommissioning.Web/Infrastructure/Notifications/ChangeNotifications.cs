using CoproCommissioning.Data.Auditing;
using CoproCommissioning.Data.Configurations;
using CoproCommissioning.Data.Identity;
using CoproCommissioning.Data.Notifications;
using CoproCommissioning.Domain.Procurement;
using CoproCommissioning.Domain.Specification;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace CoproCommissioning.Web.Infrastructure.Notifications;

/// <summary>
/// The events a save causes, read from what the save adds (docs/decisions/0025-notifications.md): a response to someone's
/// input, a decision citing input, a stage signed off, a specification opened for comment, an evaluator given bids to
/// score. Pages raise nothing themselves. It also forgets a deleted account's notifications. The facts each needs (authors, members, titles) come from a few set-based
/// queries per save, never one per person; nobody is told about their own action.
/// </summary>
public sealed class ChangeNotifications(IAuditActor actor, TimeProvider clock, NotificationRaiser raiser) : INotificationSource
{
    private const string StageKey = StageConfiguration.StageKey;
    private const string CycleKey = "CycleId";

    // What the last pass added: if that save failed and the same context saves again, they would be raised twice.
    private readonly List<object> _raised = [];

    public async Task RaiseAsync(CoproDbContext db, CancellationToken ct)
    {
        foreach (var earlier in _raised)
        {
            var entry = db.Entry(earlier);
            if (entry.State == EntityState.Added)
            {
                entry.State = EntityState.Detached;
            }
        }

        _raised.Clear();
        db.ChangeTracker.DetectChanges();
        var changed = db.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted
                && e.Entity is Response or DecisionInfluence or StageEvent or CommentWindow or Evaluator or AppUser)
            .ToList();
        if (changed.Count == 0)
        {
            return;
        }

        await ForgetDeletedAccountsAsync(db, changed, ct);

        List<PendingNotification> pending = [];
        pending.AddRange(await InputAnsweredAsync(db, changed, ct));
        pending.AddRange(await DecisionsCitingInputAsync(db, changed, ct));
        pending.AddRange(await StagesSignedOffAsync(db, changed, ct));
        pending.AddRange(await CommentWindowsOpenedAsync(db, changed, ct));
        pending.AddRange(await ScoringAssignedAsync(db, changed, ct));

        var me = actor.UserId;
        _raised.AddRange(await raiser.RaiseAsync(db, [.. pending.Where(p => p.UserId != me)], clock.GetUtcNow(), ct));
    }

    /// <summary>
    /// A deleted account keeps its row (it is pseudonymised, so the record keeps its provenance), so nothing cascades:
    /// what the person was told, which can quote answers to their input, and their choices go in the same save.
    /// </summary>
    private static async Task ForgetDeletedAccountsAsync(CoproDbContext db, List<EntityEntry> changed, CancellationToken ct)
    {
        var deleted = changed.Where(e => e is { State: EntityState.Modified, Entity: AppUser { DeletedAt: not null } }
                && e.Property(nameof(AppUser.DeletedAt)).OriginalValue is null)
            .Select(e => ((AppUser)e.Entity).Id)
            .ToList();
        if (deleted.Count == 0)
        {
            return;
        }

        db.Notifications.RemoveRange(await db.Notifications.Where(n => deleted.Contains(n.UserId)).ToListAsync(ct));
        db.NotificationPreferences.RemoveRange(await db.NotificationPreferences.Where(p => deleted.Contains(p.UserId)).ToListAsync(ct));
    }

    private static async Task<IEnumerable<PendingNotification>> InputAnsweredAsync(CoproDbContext db, List<EntityEntry> changed, CancellationToken ct)
    {
        var responses = changed.Where(e => e is { State: EntityState.Added, Entity: Response })
            .Select(e => (Response: (Response)e.Entity, ContributionId: (Guid)e.Property(ResponseConfiguration.ContributionKey).CurrentValue!))
            .ToList();
        if (responses.Count == 0)
        {
            return [];
        }

        var ids = responses.Select(r => r.ContributionId).Distinct().ToList();
        var contributions = await (
                from c in db.Set<Contribution>().AsNoTracking()
                where ids.Contains(c.Id) && c.AuthorUserId != null
                join s in db.Set<Stage>() on EF.Property<Guid>(c, StageKey) equals s.Id
                join cycle in db.Cycles on EF.Property<Guid>(s, CycleKey) equals cycle.Id
                select new { c.Id, c.AuthorUserId, c.Summary, CycleId = cycle.Id, cycle.Title })
            .ToDictionaryAsync(c => c.Id, ct);
        return responses
            .Where(r => contributions.ContainsKey(r.ContributionId))
            .Select(r =>
            {
                var c = contributions[r.ContributionId];
                return new PendingNotification(c.AuthorUserId!, NotificationKind.InputAnswered, c.CycleId,
                    new NotificationFacts(c.Title, MyInput(c.CycleId))
                    {
                        Subject = c.Summary,
                        Quote = r.Response.Explanation,
                        IsRevision = r.Response.Revision > 1,
                    });
            });
    }

    private static async Task<IEnumerable<PendingNotification>> DecisionsCitingInputAsync(CoproDbContext db, List<EntityEntry> changed, CancellationToken ct)
    {
        // A revised decision replaces its influences: only input it did not cite before is news.
        var citedBefore = changed.Where(e => e is { State: EntityState.Deleted, Entity: DecisionInfluence })
            .Select(e => ((Guid)e.Property("DecisionId").OriginalValue!, ((DecisionInfluence)e.Entity).ContributionId))
            .ToHashSet();
        var cited = changed.Where(e => e is { State: EntityState.Added, Entity: DecisionInfluence })
            .Select(e => (DecisionId: (Guid)e.Property("DecisionId").CurrentValue!, ((DecisionInfluence)e.Entity).ContributionId))
            .Where(c => !citedBefore.Contains(c))
            .Distinct()
            .ToList();
        if (cited.Count == 0)
        {
            return [];
        }

        var decisions = db.ChangeTracker.Entries<Decision>()
            .Where(e => cited.Any(c => c.DecisionId == e.Entity.Id))
            .ToDictionary(e => e.Entity.Id, e => (e.Entity.Title, StageId: (Guid)e.Property(StageKey).CurrentValue!));
        var contributionIds = cited.Select(c => c.ContributionId).Distinct().ToList();
        var authors = await db.Set<Contribution>().AsNoTracking()
            .Where(c => contributionIds.Contains(c.Id) && c.AuthorUserId != null)
            .ToDictionaryAsync(c => c.Id, c => c.AuthorUserId!, ct);
        var stages = await StagesAsync(db, decisions.Values.Select(d => d.StageId), ct);

        // One notification per person per decision, however many of their contributions it cites.
        return cited
            .Where(c => authors.ContainsKey(c.ContributionId) && decisions.ContainsKey(c.DecisionId))
            .Select(c => (c.DecisionId, Author: authors[c.ContributionId]))
            .Distinct()
            .Where(c => stages.ContainsKey(decisions[c.DecisionId].StageId))
            .Select(c =>
            {
                var (title, stageId) = decisions[c.DecisionId];
                var stage = stages[stageId];
                return new PendingNotification(c.Author, NotificationKind.DecisionCitesInput, stage.CycleId,
                    new NotificationFacts(stage.CycleTitle, MyInput(stage.CycleId)) { Subject = title });
            });
    }

    private static async Task<IEnumerable<PendingNotification>> StagesSignedOffAsync(CoproDbContext db, List<EntityEntry> changed, CancellationToken ct)
    {
        var signedOff = changed.Where(e => e is { State: EntityState.Added, Entity: StageEvent { Kind: StageEventKind.SignOff } })
            .Select(e => (Guid)e.Property(StageKey).CurrentValue!)
            .Distinct()
            .ToList();
        if (signedOff.Count == 0)
        {
            return [];
        }

        var stages = await StagesAsync(db, signedOff, ct);
        var members = await MembersAsync(db, stages.Values.Select(s => s.CycleId), _ => true, ct);
        return stages.Values.SelectMany(stage => members[stage.CycleId].Select(m =>
            new PendingNotification(m.UserId, NotificationKind.StageSignedOff, stage.CycleId,
                new NotificationFacts(stage.CycleTitle, $"/cycles/{stage.CycleId}") { Subject = stage.Kind.ToTitle() })));
    }

    private static async Task<IEnumerable<PendingNotification>> CommentWindowsOpenedAsync(CoproDbContext db, List<EntityEntry> changed, CancellationToken ct)
    {
        var windows = changed.Where(e => e is { State: EntityState.Added, Entity: CommentWindow })
            .Select(e => (Window: (CommentWindow)e.Entity, SpecificationId: (Guid)e.Property("SpecificationId").CurrentValue!))
            .ToList();
        if (windows.Count == 0)
        {
            return [];
        }

        // The specification is tracked (the window was added through it), and may itself be new in this save.
        var specifications = db.ChangeTracker.Entries<ServiceSpecification>().ToDictionary(e => e.Entity.Id, e => e.Entity.CycleId);
        var titles = await CycleTitlesAsync(db, specifications.Values, ct);
        var cycles = windows.Select(w => w.SpecificationId).Distinct()
            .Where(id => specifications.TryGetValue(id, out var cycleId) && titles.ContainsKey(cycleId))
            .ToDictionary(id => id, id => (CycleId: specifications[id], Title: titles[specifications[id]]));
        var members = await MembersAsync(db, cycles.Values.Select(c => c.CycleId), CommentWindowAudience.MayBeAsked, ct);
        return windows.Where(w => cycles.ContainsKey(w.SpecificationId)).SelectMany(w =>
        {
            var cycle = cycles[w.SpecificationId];
            return members[cycle.CycleId]
                .Where(m => CommentWindowAudience.Includes(m.Role, w.Window.ProvidersMayComment))
                .Select(m => new PendingNotification(m.UserId, NotificationKind.CommentWindowOpened, cycle.CycleId,
                    new NotificationFacts(cycle.Title, $"/cycles/{cycle.CycleId}/specification")
                    {
                        Subject = w.Window.VersionNumber.ToString(System.Globalization.CultureInfo.InvariantCulture),
                        When = UkTime.DateAndTime(w.Window.ClosesAt),
                    }));
        });
    }

    private static async Task<IEnumerable<PendingNotification>> ScoringAssignedAsync(CoproDbContext db, List<EntityEntry> changed, CancellationToken ct)
    {
        var assigned = changed.Where(e => e.Entity is Evaluator && (e.State == EntityState.Added || (e.State == EntityState.Modified && GivenNewCriteria(e))))
            .Select(e => (Evaluator: (Evaluator)e.Entity, ProcurementId: (Guid)e.Property("ProcurementId").CurrentValue!))
            .ToList();
        if (assigned.Count == 0)
        {
            return [];
        }

        // The procurement is tracked (its evaluators are owned), and may itself be new in this save.
        var procurements = db.ChangeTracker.Entries<CycleProcurement>().ToDictionary(e => e.Entity.Id, e => e.Entity.CycleId);
        var titles = await CycleTitlesAsync(db, procurements.Values, ct);
        var cycles = assigned.Select(a => a.ProcurementId).Distinct()
            .Where(id => procurements.TryGetValue(id, out var cycleId) && titles.ContainsKey(cycleId))
            .ToDictionary(id => id, id => (CycleId: procurements[id], Title: titles[procurements[id]]));
        return assigned.Where(a => cycles.ContainsKey(a.ProcurementId)).Select(a =>
        {
            var cycle = cycles[a.ProcurementId];
            return new PendingNotification(a.Evaluator.UserId, NotificationKind.ScoringAssigned, cycle.CycleId,
                new NotificationFacts(cycle.Title, $"/cycles/{cycle.CycleId}/procurement/scoring"));
        });
    }

    private static bool GivenNewCriteria(EntityEntry evaluator)
    {
        var property = evaluator.Property(nameof(Evaluator.CriterionIds));
        var before = property.OriginalValue as IEnumerable<Guid> ?? [];
        return property.IsModified && ((Evaluator)evaluator.Entity).CriterionIds.Except(before).Any();
    }

    private static async Task<Dictionary<Guid, string>> CycleTitlesAsync(CoproDbContext db, IEnumerable<Guid> cycleIds, CancellationToken ct)
    {
        var ids = cycleIds.Distinct().ToList();
        return await db.Cycles.AsNoTracking().Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Title, ct);
    }

    private static string MyInput(Guid cycleId) => $"/my-input?cycle={cycleId}";

    private sealed record StageFacts(StageKind Kind, Guid CycleId, string CycleTitle);

    private static async Task<Dictionary<Guid, StageFacts>> StagesAsync(CoproDbContext db, IEnumerable<Guid> stageIds, CancellationToken ct)
    {
        var ids = stageIds.Distinct().ToList();
        return await (
                from s in db.Set<Stage>().AsNoTracking()
                where ids.Contains(s.Id)
                join c in db.Cycles on EF.Property<Guid>(s, CycleKey) equals c.Id
                select new { s.Id, s.Kind, CycleId = c.Id, c.Title })
            .ToDictionaryAsync(s => s.Id, s => new StageFacts(s.Kind, s.CycleId, s.Title), ct);
    }

    internal static async Task<ILookup<Guid, (string UserId, CycleRole Role)>> MembersAsync(CoproDbContext db, IEnumerable<Guid> cycleIds,
        Func<CycleRole, bool> roles, CancellationToken ct)
    {
        var ids = cycleIds.Distinct().ToList();
        var wanted = Enum.GetValues<CycleRole>().Where(roles).ToList();
        var rows = await db.Memberships.AsNoTracking()
            .Where(m => ids.Contains(m.CycleId) && wanted.Contains(m.Role))
            .Select(m => new { m.CycleId, m.UserId, m.Role })
            .ToListAsync(ct);
        return rows.ToLookup(r => r.CycleId, r => (r.UserId, r.Role));
    }
}

/// <summary>Who is told about a comment window: whoever the specification lets comment in it.</summary>
public static class CommentWindowAudience
{
    public static bool MayBeAsked(CycleRole role) => ServiceSpecification.CommentsAsOwnInput(role);

    public static bool Includes(CycleRole role, bool providersMayComment) =>
        MayBeAsked(role) && (role != CycleRole.Provider || providersMayComment);
}
