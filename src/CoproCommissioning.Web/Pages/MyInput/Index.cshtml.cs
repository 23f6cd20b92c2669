using CoproCommissioning.Data.Configurations;
using CoproCommissioning.Data.Reading;
using CoproCommissioning.Web.Infrastructure.Specification;
using Microsoft.AspNetCore.Authorization;

namespace CoproCommissioning.Web.Pages.MyInput;

/// <summary>
/// "What happened to my input": everything I said (or that was logged on my behalf) across the cycles I belong
/// to, with the answer it got and the decisions it shaped (NHS England: feed back how input influenced decisions).
/// Input still waiting for an answer comes first; an answer I have not seen before is marked New, and showing it
/// to me marks it seen, so the dashboard's "new responses" clears.
/// </summary>
[Authorize]
public sealed class IndexModel(CoproDbContext db, TimeProvider clock) : PageModel
{
    public PageOf<MyContribution> Contributions { get; private set; } = null!;

    /// <summary>The cycles I belong to, to choose one from; never anyone else's (R7).</summary>
    public IReadOnlyList<CycleChoice> MyCycles { get; private set; } = [];

    /// <summary>The cycle chosen, when it is one of mine; otherwise every cycle of mine is shown.</summary>
    public Guid? ChosenCycle { get; private set; }

    public async Task OnGetAsync(Guid? cycle = null, int pageNumber = 1, CancellationToken ct = default)
    {
        var me = User.UserId();
        var myCycles = db.Memberships.Where(m => m.UserId == me).Select(m => m.CycleId);
        MyCycles = await (
                from m in db.Memberships.AsNoTracking()
                where m.UserId == me
                join c in db.Cycles.AsNoTracking() on m.CycleId equals c.Id
                orderby c.Title, c.Id
                select new CycleChoice(c.Id, c.Title))
            .ToListAsync(ct);
        ChosenCycle = MyCycles.Any(c => c.Id == cycle) ? cycle : null;
        var chosen = ChosenCycle;
        var unseen = db.Set<Contribution>().WithUnseenResponse(db, me);

        // Which of my contributions a page shows, and how many there are, is worked out from the contributions alone (by
        // author and stage: ix_contributions_author_user_id_stage_id); the cycle, the current response and whether the
        // answer is new are read for the page's rows only. Asked all at once, PostgreSQL spent longer planning the
        // statement than running it, and counted the whole list through every one of those joins.
        var myStages = db.Cycles.Where(c => myCycles.Contains(c.Id) && (chosen == null || c.Id == chosen))
            .SelectMany(c => c.Stages).Select(s => s.Id);
        var stages = db.Cycles.AsNoTracking().SelectMany(c => c.Stages, (c, s) => new { CycleId = c.Id, CycleTitle = c.Title, StageId = s.Id });
        var rows = await db.Set<Contribution>().AsNoTracking()
            .Where(c => c.AuthorUserId == me && myStages.Contains(EF.Property<Guid>(c, StageConfiguration.StageKey)))
            // Input still waiting for an answer first, then the rest; newest first within each.
            .OrderByDescending(c => c.ResponseRevision == 0).ThenByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id)
            .ToPageAsync(
                pageNumber,
                page =>
                    from contribution in page
                    join stage in stages on EF.Property<Guid>(contribution, StageConfiguration.StageKey) equals stage.StageId
                    // The current response, by the revision the contribution keeps (ReadableContributions.AsViews says why).
                    join response in db.Set<Response>()
                        on new { contribution.Id, Revision = contribution.ResponseRevision }
                        equals new { Id = EF.Property<Guid>(response, ResponseConfiguration.ContributionKey), response.Revision } into current
                    from response in current.DefaultIfEmpty()
                    orderby contribution.ResponseRevision == 0 descending, contribution.CreatedAt descending, contribution.Id descending
                    select new
                    {
                        stage.CycleId,
                        stage.CycleTitle,
                        contribution.Id,
                        contribution.StageKind,
                        contribution.Voice,
                        contribution.Channel,
                        contribution.Visibility,
                        contribution.Summary,
                        contribution.CreatedAt,
                        contribution.RecordedByUserId,
                        contribution.TargetKind,
                        contribution.TargetId,
                        // Revisions are numbered from 1, so the current one says how many responses there have been.
                        Responses = contribution.ResponseRevision,
                        IsNew = unseen.Any(u => u.Id == contribution.Id),
                        Current = response == null ? null : new { response.Type, response.Explanation, response.RespondedByUserId, response.RespondedAt },
                    },
                ct);

        var ids = rows.Items.Select(r => r.Id).ToList();
        // The decisions that cite these contributions. They are in the same cycles (a decision cites only its own cycle's
        // input: CommissioningCycle.RecordDecision), which are this person's, so the query starts from the citations and
        // not from every decision of their cycles (decision 0037).
        var shaped = await (
                from decision in db.Set<Decision>().AsNoTracking()
                from influence in decision.Influences
                where ids.Contains(influence.ContributionId)
                orderby decision.DecidedAt
                select new { influence.ContributionId, influence.Note, decision.Id, decision.Title, decision.Mode, decision.StageKind })
            .ToListAsync(ct);

        // A comment on the specification says which section it was on and which version changed because of it.
        var traces = await SpecificationTrace.ForContributionsAsync(db, rows.Items.Select(r => new SpecificationTrace.AboutWhat(r.Id, r.TargetKind, r.TargetId)), ct);

        var names = await PeopleNames.LoadAsync(db,
            rows.Items.SelectMany(r => new[] { r.RecordedByUserId, r.Current?.RespondedByUserId }), me, ct);
        var items = rows.Items.Select(r => new MyContribution(
                r.CycleId,
                r.CycleTitle,
                r.Id,
                r.StageKind,
                r.Voice,
                r.Channel,
                r.Summary,
                r.CreatedAt,
                r.RecordedByUserId is null ? null : names.Of(r.RecordedByUserId),
                r.Current is null ? null : new MyResponse(r.Current.Type, r.Current.Explanation, names.Of(r.Current.RespondedByUserId), r.Current.RespondedAt),
                r.Responses > 1,
                [.. shaped.Where(s => s.ContributionId == r.Id)
                    .Select(s => new ShapedDecision(s.Id, s.StageKind, s.Title, s.Mode, s.Note))],
                traces.GetValueOrDefault(r.Id)) { Visibility = r.Visibility, IsNew = r.IsNew })
            .ToList();
        Contributions = new PageOf<MyContribution>(items, rows.Number, rows.Size, rows.TotalCount);

        // Shown now, so not new next time: the answers on this page only, each at the revision shown.
        await db.MarkSeenAsync(me, [.. rows.Items.Where(r => r.IsNew).Select(r => (r.Id, r.Responses))], clock.GetUtcNow(), ct);
    }

    public string PageUrl(int pageNumber) => Url.Page("/MyInput/Index", new { cycle = ChosenCycle, pageNumber })!;

    public sealed record MyContribution(
        Guid CycleId,
        string CycleTitle,
        Guid Id,
        StageKind Stage,
        Voice Voice,
        Channel Channel,
        string Summary,
        DateTimeOffset CreatedAt,
        string? LoggedBy,
        MyResponse? Response,
        bool ResponseWasRevised,
        IReadOnlyList<ShapedDecision> Decisions,
        SpecificationTraceRow? Specification)
    {
        /// <summary>Who may read it, as the person chose (R7).</summary>
        public ContributionVisibility Visibility { get; init; }

        /// <summary>Its answer, at its current revision, had not been shown to the person before this page.</summary>
        public bool IsNew { get; init; }
    }

    public sealed record CycleChoice(Guid Id, string Title);

    public sealed record MyResponse(ResponseType Type, string Explanation, string By, DateTimeOffset At);

    public sealed record ShapedDecision(Guid Id, StageKind Stage, string Title, DecisionMode Mode, string Note);
}
