using CoproCommissioning.Data.Configurations;
using CoproCommissioning.Web.Infrastructure.Specification;
using CoproCommissioning.Web.Pages.Cycles.NeedsAssessment;

namespace CoproCommissioning.Web.Pages.Cycles.Stages;

/// <summary>A stage's workspace: its contributions grouped by voice, their responses, and its decisions with who shaped them.</summary>
[CyclePermission(CycleOperation.View)]
public sealed class WorkspaceModel(CoproDbContext db, TimeProvider clock) : StagePageModel
{
    public DateTimeOffset? OpenedAt { get; private set; }

    public int BlockerCount { get; private set; }

    /// <summary>The needs assessment's evidence, needs and groups affected by inequalities, on that stage's workspace only.</summary>
    public NeedsAssessmentContent? NeedsAssessment { get; private set; }

    public StageEventRow? LastEvent { get; private set; }

    public PageOf<ContributionRow> Contributions { get; private set; } = null!;

    public PageOf<DecisionRow> Decisions { get; private set; } = null!;

    /// <summary>Contributions in this stage the viewer may not read: shared with the commissioning team only (R7).</summary>
    public int TeamOnlyHiddenCount { get; private set; }

    public bool CanContribute { get; private set; }

    public bool CanLogOnBehalf { get; private set; }

    public bool CanRespond { get; private set; }

    public bool CanDecide { get; private set; }

    public bool CanSignOff { get; private set; }

    /// <summary>Whether the viewer is shown what the stage still needs before sign-off: the commissioning team's task, no one else's.</summary>
    public bool CanFollowSignOff { get; private set; }

    /// <summary>
    /// The champion's own job is gathering input from people offline, so logging it on someone's behalf is their main
    /// button; everyone else's is adding their own input.
    /// </summary>
    public bool LogOnBehalfIsMainAction => CanLogOnBehalf && HttpContext.CycleMember().Role == CycleRole.CoProductionChampion;

    public async Task<IActionResult> OnGetAsync(int contributionsPage = 1, int decisionsPage = 1, CancellationToken ct = default)
    {
        // Everything here is read a page at a time: the blocker count from facts PostgreSQL works out (team-only input
        // counts for the rules too), the contributions shown with the viewer's filter, so what they may not read never
        // reaches the page.
        var cycle = await db.CycleWithStageStatusesAsync(CycleId, ct);
        if (cycle is null)
        {
            return NotFound();
        }

        var stage = cycle.StageOf(Stage);
        var role = HttpContext.CycleMember().Role;
        var viewer = User.UserId();
        var kind = Stage;
        var inStage = ReadableContributions.InStage(db, stage);
        var shown = await inStage.ReadableBy(viewer, role).InVoiceOrder().ToPageAsync(contributionsPage, rows => rows.AsViews(db), ct);
        TeamOnlyHiddenCount = await inStage.CountHiddenFromAsync(viewer, role, ct);
        var stageRows = db.Cycles.AsNoTracking().Where(c => c.Id == CycleId).SelectMany(c => c.Stages).Where(s => s.Kind == kind);
        // What the list shows of each decision and the input it cites, not its participants and groups: owned collections
        // loaded together multiply (three participants and three citations are nine rows).
        var decisions = await db.Set<Decision>().AsNoTracking().Where(d => EF.Property<Guid>(d, StageConfiguration.StageKey) == stage.Id)
            .OrderByDescending(d => d.DecidedAt).ThenByDescending(d => d.RecordedAt).ThenByDescending(d => d.Id)
            .ToPageAsync(decisionsPage, rows => rows.Select(d => new ListedDecision(
                d.Id, d.Title, d.Mode, d.Rung, d.DecidedAt, d.Influences.Select(i => new ListedInfluence(i.ContributionId, i.Note)).ToList())), ct);
        var lastEvent = await stageRows.SelectMany(s => s.History).OrderByDescending(e => e.At).FirstOrDefaultAsync(ct);
        var cited = await ReadableContributions.ReadableByIdAsync(
            db, CycleId, decisions.Items.SelectMany(d => d.Influences).Select(i => i.ContributionId), viewer, role, ct);
        var names = await PeopleNames.LoadAsync(db,
            shown.Items.SelectMany(c => new[] { c.AuthorUserId, c.RecordedByUserId })
                .Concat(shown.Items.Select(c => c.CurrentResponse?.RespondedByUserId))
                .Append(lastEvent?.ByUserId),
            viewer, ct);

        CycleTitle = cycle.Title;
        Status = stage.Status;
        OpenedAt = stage.OpenedAt;
        CanFollowSignOff = CyclePermissions.Allows(role, CycleOperation.FollowSignOff);
        if (CanFollowSignOff)
        {
            var signer = CyclePermissions.Allows(role, CycleOperation.SignOff) ? viewer : null;
            BlockerCount = cycle.SignOffBlockers(Stage, await db.SignOffFactsAsync(stage, signer, ct, unansweredListed: 0),
                await StageConditions.ForStageAsync(db, CycleId, Stage, clock, ct)).Count;
        }

        if (Stage == StageKind.NeedsAssessment)
        {
            NeedsAssessment = await NeedsAssessmentContent.LoadAsync(db, CycleId, ct);
        }

        LastEvent = lastEvent is null ? null : StageEventRow.From(lastEvent, names, Stage);

        var rows = shown.Items.Select(c => ContributionRow.From(c, names)).ToList();
        Contributions = shown.With(await ContributionRow.WithWhatTheyAreAboutAsync(db, rows, ct));
        Decisions = decisions.With<DecisionRow>([.. decisions.Items.Select(d => DecisionRow.From(d, cited))]);

        CanContribute = CyclePermissions.Allows(role, CycleOperation.Contribute) && !IsSignedOff;
        CanLogOnBehalf = CyclePermissions.Allows(role, CycleOperation.LogOnBehalf) && !IsSignedOff;
        CanRespond = CyclePermissions.Allows(role, CycleOperation.Respond) && !IsSignedOff;
        CanDecide = CyclePermissions.Allows(role, CycleOperation.RecordDecision) && !IsSignedOff;
        CanSignOff = CyclePermissions.Allows(role, CycleOperation.SignOff);
        return Page();
    }

    public string PageUrl(int contributionsPage, int decisionsPage) =>
        Url.Page("/Cycles/Stages/Workspace", new { cycleId = CycleId, stage = StageSlug, contributionsPage, decisionsPage })!;
}

/// <summary>A contribution as the workspace lists it, with who it came from in words and its current response.</summary>
public sealed record ContributionRow(
    Guid Id,
    Voice Voice,
    Channel Channel,
    string Summary,
    string Body,
    string FromWhom,
    DateTimeOffset CreatedAt,
    ResponseType? Response,
    string? ResponseExplanation,
    string? RespondedBy,
    DateTimeOffset? RespondedAt,
    bool NeedsResponse)
{
    /// <summary>What the input is about, in words ("On Opening hours (v1)"), when it is about one part of the cycle's work.</summary>
    public string? About { get; init; }

    /// <summary>For input logged on someone's behalf: the day people gave it, which can be days before it was typed in.</summary>
    public DateOnly? GatheredOn { get; init; }

    /// <summary>Where that part is, for example the specification section the comment was made on.</summary>
    public string? AboutUrl { get; init; }

    /// <summary>What the contribution is about, as it was read (<see cref="WithWhatTheyAreAboutAsync"/> puts it in words).</summary>
    public SpecificationTrace.AboutWhat Target { get; init; }

    /// <summary>Adds what each comment on the specification was about: its section or outcome, and version.</summary>
    public static async Task<IReadOnlyList<ContributionRow>> WithWhatTheyAreAboutAsync(
        CoproDbContext db, IReadOnlyList<ContributionRow> rows, CancellationToken ct)
    {
        var traces = await SpecificationTrace.ForContributionsAsync(db, rows.Select(r => r.Target), ct);
        return [.. rows.Select(r => traces.TryGetValue(r.Id, out var trace) ? r with { About = trace.CommentedOnWords, AboutUrl = trace.Url } : r)];
    }

    public static ContributionRow From(Contribution c, PeopleNames names) => From(ContributionView.Of(c), names);

    public static ContributionRow From(ContributionView c, PeopleNames names)
    {
        var current = c.CurrentResponse;
        return new ContributionRow(
            c.Id,
            c.Voice,
            c.Channel,
            c.Summary,
            c.Body,
            WhoFrom(c, names),
            c.CreatedAt,
            current?.Type,
            current?.Explanation,
            current is null ? null : names.Of(current.RespondedByUserId),
            current?.RespondedAt,
            c.IsLivedExperience && current is null)
        {
            GatheredOn = c.GatheredOn,
            Target = new SpecificationTrace.AboutWhat(c.Id, c.TargetKind, c.TargetId),
        };
    }

    /// <summary>"Jess Morgan", "Alan Price, logged by Tom Okafor", "7 people without an account, logged by Tom Okafor".</summary>
    public static string WhoFrom(Contribution c, PeopleNames names) => WhoFrom(ContributionView.Of(c), names);

    /// <inheritdoc cref="WhoFrom(Contribution, PeopleNames)"/>
    public static string WhoFrom(ContributionView c, PeopleNames names)
    {
        if (c.RecordedByUserId is null)
        {
            return names.Of(c.AuthorUserId);
        }

        var recorder = names.Of(c.RecordedByUserId);
        if (c.AuthorUserId is null)
        {
            var who = c.GivenBy.Length > 0 ? $" ({c.GivenBy})" : "";
            return $"{Labels.Count(c.VoicesCarried, "person", "people")} without an account{who}, logged by {recorder}";
        }

        var others = c.VoicesCarried > 1 ? $" and {Labels.Count(c.VoicesCarried - 1, "other person", "other people")}" : "";
        return $"{names.Of(c.AuthorUserId)}{others}, logged by {recorder}";
    }
}

/// <summary>A decision with the contributions that shaped it (R2).</summary>
public sealed record DecisionRow(
    Guid Id,
    string Title,
    DecisionMode Mode,
    CoProductionLadderRung Rung,
    DateTimeOffset DecidedAt,
    string ShapedByInWords,
    IReadOnlyList<InfluenceRow> ShapedBy)
{
    /// <summary>Only the contributions in <paramref name="contributions"/> are listed: those the viewer may read (R7).</summary>
    public static DecisionRow From(ListedDecision d, IReadOnlyDictionary<Guid, ContributionView> contributions)
    {
        var shapedBy = d.Influences
            .Select(i => contributions.TryGetValue(i.ContributionId, out var c)
                ? new InfluenceRow(c.Id, c.StageKind, c.Voice, c.Summary, i.Note)
                : null)
            .OfType<InfluenceRow>()
            .ToList();
        return new DecisionRow(d.Id, d.Title, d.Mode, d.Rung, d.DecidedAt, Provenance.Describe(shapedBy.Select(s => s.Voice)), shapedBy);
    }
}

/// <summary>A decision as the workspace reads it: what the list shows, and the input it cites (R2).</summary>
public sealed record ListedDecision(
    Guid Id, string Title, DecisionMode Mode, CoProductionLadderRung Rung, DateTimeOffset DecidedAt, IReadOnlyList<ListedInfluence> Influences);

/// <summary>A contribution a decision cites, and the note on how it shaped it.</summary>
public sealed record ListedInfluence(Guid ContributionId, string Note);

public sealed record InfluenceRow(Guid ContributionId, StageKind StageKind, Voice Voice, string Summary, string Note);

/// <summary>A sign-off or a reopening, with who did it.</summary>
public sealed record StageEventRow(StageKind Stage, StageEventKind Kind, string By, CycleRole ByRole, string Text, DateTimeOffset At)
{
    public static StageEventRow From(StageEvent e, PeopleNames names, StageKind stage) =>
        new(stage, e.Kind, names.Of(e.ByUserId), e.ByRole, e.Text, e.At);
}
