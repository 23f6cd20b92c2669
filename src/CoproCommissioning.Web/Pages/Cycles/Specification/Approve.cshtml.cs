using CoproCommissioning.Domain.Specification;
using CoproCommissioning.Web.Infrastructure.Specification;

namespace CoproCommissioning.Web.Pages.Cycles.Specification;

/// <summary>
/// A commissioner approves the latest version as the final specification. The approval is recorded as a decision in
/// the specification stage, with who took part and the panel comments that shaped it (R2), so the sign-off gate applies.
/// </summary>
[CyclePermission(CycleOperation.ManageCycle)]
public sealed class ApproveModel(CoproDbContext db, TimeProvider clock, ILogger<ApproveModel> logger) : SpecificationPageModel
{
    [BindProperty]
    public Input Form { get; set; } = new();

    public bool HasSpecification { get; private set; }

    public int LatestVersion { get; private set; }

    public string LatestChangeSummary { get; private set; } = "";

    public bool CommentsOpen { get; private set; }

    public bool AlreadyApproved { get; private set; }

    public IReadOnlyList<CycleMemberRow> Members { get; private set; } = [];

    public IReadOnlyList<PanelComment> Comments { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var cycle = await LoadCycleAsync(db, forChange: false, ct);
        if (cycle is null)
        {
            return NotFound();
        }

        await ShowAsync(await LoadLatestAsync(db, ct), ct);
        Form = new Input
        {
            Mode = DecisionMode.CoProduced,
            Rung = CoProductionLadderRung.CoProduction,
            Participants = [.. Members.Where(m => m.UserId == UserId).Select(m => m.MemberId)],
            Influences = [.. Comments.Where(c => c.IsLivedExperience).Select(c => c.Id)],
        };
        return Page();
    }

    [CyclePermission(CycleOperation.ManageCycle)]
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var cycle = await LoadCycleAsync(db, forChange: true, ct);
        if (cycle is null)
        {
            return NotFound();
        }

        var specification = await LoadSpecificationAsync(db, forChange: true, ct);
        await ShowAsync(specification, ct);
        if (Form.Participants.Any(id => Members.Find(id) is null))
        {
            ModelState.AddModelError("Form.Participants", "Choose people who are members of this cycle");
        }

        if (Form.Influences.Any(id => Comments.All(c => c.Id != id)))
        {
            ModelState.AddModelError("Form.Influences", "Choose comments made on this specification");
        }

        if (specification is null)
        {
            ModelState.AddModelError("", "Write the first draft before you approve the specification.");
            return Page();
        }

        var now = clock.GetUtcNow();
        int number = specification.Latest.Number;
        var approval = new ApprovalDetails(
            Form.Mode,
            Form.Rationale,
            Form.Rung,
            [.. Form.Participants.Distinct().Select(id => Members.Find(id)).OfType<CycleMemberRow>().Select(m => new DecisionParticipant(m.UserId, m.Role))],
            [.. Comments.Where(c => Form.Influences.Contains(c.Id)).Select(c => new DecisionInfluence(c.Id, c.HowItShaped))],
            Form.Note);
        var outcome = specification.Approve(cycle, number, approval, UserId, Role, now);
        ModelState.AddErrors(outcome, nameof(Form));
        if (!ModelState.IsValid)
        {
            return Page();
        }

        if (!(await db.TrySaveAsync(ct)).Succeeded)
        {
            ModelState.AddModelError("", "Someone else changed the cycle or the specification while you were working. Check the latest version and approve again.");
            await LoadCycleAsync(db, forChange: false, ct);
            await ShowAsync(await LoadLatestAsync(db, ct), ct);
            return Page();
        }

        logger.LogInformation("Specification version {Version} of cycle {CycleId} approved by decision {DecisionId}", number, CycleId, outcome.Value.Id);
        TempData.SetSuccess($"Version {number} is approved as the final specification. A commissioner can now sign off the specification stage.");
        return Redirect(OverviewUrl);
    }

    private async Task ShowAsync(ServiceSpecification? specification, CancellationToken ct)
    {
        HasSpecification = specification is not null;
        if (specification is null)
        {
            return;
        }

        var now = clock.GetUtcNow();
        LatestVersion = specification.Latest.Number;
        LatestChangeSummary = specification.Latest.ChangeSummary;
        CommentsOpen = specification.OpenWindowAt(now) is not null;
        AlreadyApproved = specification.IsLatestApproved;

        Members = await CycleMemberRow.LoadAsync(db, CycleId, UserId, ct);
        // Every comment on the specification is a choice on the form; a commissioner may read them all.
        var comments = (await ReadableContributions.InStage(db, CycleId, StageKind.Specification)
                .ReadableBy(UserId, Role)
                .Where(c => (c.TargetKind == TargetKind.SpecificationSection || c.TargetKind == TargetKind.SpecificationOutcome) && c.TargetId != null)
                .Select(c => new { c.Id, c.Summary, c.AuthorUserId, c.Voice, c.CreatedAt, c.TargetKind, c.TargetId })
                .ToListAsync(ct))
            .OrderBy(c => Contribution.CountsAsLivedExperience(c.Voice) ? 0 : 1)
            .ThenBy(c => c.CreatedAt)
            .ToList();
        var names = await PeopleNames.LoadAsync(db, comments.Select(c => c.AuthorUserId), UserId, ct);
        var trace = await SpecificationTrace.ForContributionsAsync(db, comments.Select(c => new SpecificationTrace.AboutWhat(c.Id, c.TargetKind, c.TargetId)), ct);
        Comments = [.. comments.Where(c => trace.ContainsKey(c.Id)).Select(c =>
        {
            var row = trace[c.Id];
            string how = row.ChangedInVersion is { } changed
                ? $"Their comment on \u201c{row.PartTitle}\u201d changed it in version {changed}."
                : $"Their comment on \u201c{row.PartTitle}\u201d was considered for the final version.";
            return new PanelComment(
                c.Id, c.Summary, names.Of(c.AuthorUserId), c.Voice, Contribution.CountsAsLivedExperience(c.Voice), row.CommentedOnWords, how);
        })];
    }

    public sealed record PanelComment(Guid Id, string Summary, string From, Voice Voice, bool IsLivedExperience, string On, string HowItShaped);

    /// <summary>The approval's answers, named as the domain names them so that each refusal shows beside its answer.</summary>
    public sealed record Input
    {
        public DecisionMode? Mode { get; init; }

        public string Rationale { get; init => field = value ?? ""; } = "";

        public CoProductionLadderRung? Rung { get; init; }

        /// <summary>Who took part, by <see cref="CycleMemberRow.MemberId"/>.</summary>
        public List<Guid> Participants { get; init; } = [];

        /// <summary>The comments that shaped the final version, by contribution id.</summary>
        public List<Guid> Influences { get; init; } = [];

        public string Note { get; init => field = value ?? ""; } = "";
    }
}
