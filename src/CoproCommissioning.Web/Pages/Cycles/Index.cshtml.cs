using CoproCommissioning.Data.Identity;
using CoproCommissioning.Data.Reading;
using CoproCommissioning.Web.Infrastructure.Specification;
using Microsoft.AspNetCore.Authorization;

namespace CoproCommissioning.Web.Pages.Cycles;

/// <summary>The signed-in home: the cycles I belong to (R7: only those) and, for each, what needs me in my role.</summary>
[Authorize]
public sealed class IndexModel(CoproDbContext db, TimeProvider clock) : PageModel
{
    public PageOf<CycleCard> Cycles { get; private set; } = null!;

    public IReadOnlyList<InvitationRow> Invitations { get; private set; } = [];

    public bool CanCreateCycles { get; private set; }

    public int ThingsNeedingMe => Cycles.Items.Sum(c => c.NeedsMe.Count);

    /// <summary>Of the cycles on this page, those with at least one panel member.</summary>
    private HashSet<Guid> _withPanelMembers = [];

    public async Task OnGetAsync(int pageNumber = 1, CancellationToken ct = default)
    {
        var me = User.UserId();
        var now = clock.GetUtcNow();
        CanCreateCycles = User.IsInRole(SiteRoles.Commissioner);

        var memberships = await (
                from m in db.Memberships.AsNoTracking()
                where m.UserId == me
                join c in db.Cycles.AsNoTracking() on m.CycleId equals c.Id
                orderby c.LastChangedAt descending
                select new { m.CycleId, m.Role })
            .ToPageAsync(pageNumber, ct);
        var ids = memberships.Items.Select(m => m.CycleId).ToList();
        if (memberships.Items.Any(m => CyclePermissions.Allows(m.Role, CycleOperation.LogOnBehalf)))
        {
            _withPanelMembers = [.. await db.Memberships.AsNoTracking()
                .Where(m => ids.Contains(m.CycleId) && m.Role == CycleRole.PanelMember)
                .Select(m => m.CycleId).Distinct().ToListAsync(ct)];
        }

        // A few queries for the whole page of cycles, each answering one question for all of them: what a card says costs
        // the same for a cycle with ten contributions as for one with ten thousand.
        var cycles = await db.Cycles.IncludeStageStatuses().AsNoTracking().Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);
        // A card asks only whether a stage in progress is ready to sign off.
        var conditions = await StageConditions.ForStagesInProgressAsync(db, cycles.Values, clock, ct);
        var facts = await db.SignOffFactsAsync(
            [.. cycles.Values.SelectMany(c => c.Stages).Where(s => s.IsInProgress)], me, ct, unansweredListed: 0);
        // Answers to my input I have not yet seen on "What happened to my input", which marks them seen.
        var unseen = db.Set<Contribution>().WithUnseenResponse(db, me).Select(x => x.Id);
        var newResponses = await db.Cycles.AsNoTracking()
            .Where(c => ids.Contains(c.Id))
            .SelectMany(c => c.Stages.SelectMany(s => s.Contributions), (c, x) => new { CycleId = c.Id, Contribution = x })
            .Where(x => x.Contribution.AuthorUserId == me && unseen.Contains(x.Contribution.Id))
            .GroupBy(x => x.CycleId)
            .Select(g => new { CycleId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.CycleId, g => g.Count, ct);
        Cycles = memberships.With<CycleCard>([.. memberships.Items.Select(m =>
            Card(cycles[m.CycleId], conditions[m.CycleId], facts, newResponses.GetValueOrDefault(m.CycleId), m.Role))]);

        // My address is asked inside the same statement, not first on its own.
        var myEmail = db.Users.Where(u => u.Id == me).Select(u => u.NormalizedEmail);
        Invitations = await (
                from i in db.Invitations.AsNoTracking()
                where myEmail.Contains(i.Email.ToUpper()) && i.AcceptedAt == null && i.RevokedAt == null && i.ExpiresAt > now
                    && !db.Memberships.Any(m => m.CycleId == i.CycleId && m.UserId == me)
                join c in db.Cycles.AsNoTracking() on i.CycleId equals c.Id
                orderby i.ExpiresAt
                select new InvitationRow(c.Title, i.Role, i.PanelVoice, i.ExpiresAt))
            .ToListAsync(ct);
    }

    public string PageUrl(int pageNumber) => Url.Page("/Cycles/Index", new { pageNumber })!;

    // facts: sign-off facts, with me as the signer, for every stage in progress; newResponses: how many answers to my
    // contributions to this cycle I have not seen yet.
    private CycleCard Card(
        CommissioningCycle cycle, StageConditions conditions, IReadOnlyDictionary<Guid, SignOffFacts> facts, int newResponses, CycleRole role)
    {
        var current = cycle.Stages.Where(s => !s.IsSignedOff).OrderBy(s => s.Kind).FirstOrDefault();
        List<NeedsMe> needs = [];
        if (CyclePermissions.Allows(role, CycleOperation.ManageMembers) && cycle.ChampionUserId is null)
        {
            needs.Add(new("Invite a co-production champion: no stage can be signed off without one", $"/cycles/{cycle.Id}/members"));
        }

        // Whoever gathers input (the champion, and the commissioner) is told where none has come in yet (R1).
        if (CyclePermissions.Allows(role, CycleOperation.LogOnBehalf))
        {
            if (!_withPanelMembers.Contains(cycle.Id))
            {
                needs.Add(new(
                    CyclePermissions.Allows(role, CycleOperation.ManageMembers)
                        ? "No panel members in this cycle yet: invite people with lived experience"
                        : "No panel members in this cycle yet",
                    $"/cycles/{cycle.Id}/members"));
            }

            needs.AddRange(WithoutLivedExperienceInput(cycle, facts));
        }

        if (CyclePermissions.Allows(role, CycleOperation.Respond))
        {
            needs.AddRange(AwaitingResponse(cycle, facts));
        }

        if (CyclePermissions.Allows(role, CycleOperation.SignOff))
        {
            needs.AddRange(cycle.Stages
                .Where(s => s.IsInProgress
                    && cycle.SignOffBlockers(s.Kind, facts[s.Id], conditions.For(s.Kind)).Count == 0)
                .Select(ready => new NeedsMe($"{ready.Kind.ToTitle()} is ready to sign off", StageUrl(cycle.Id, ready.Kind, "SignOff"))));
        }

        if (CyclePermissions.Allows(role, CycleOperation.GiveLivedExperienceInput))
        {
            if (newResponses > 0)
            {
                needs.Add(new($"{Labels.Count(newResponses, "new response")} to your input", Url.Page("/MyInput/Index")!));
            }

            needs.AddRange(OpenForInput(cycle, "is open for your input"));
        }

        if (CyclePermissions.Allows(role, CycleOperation.SubmitProviderProposal))
        {
            if (cycle.StageOf(StageKind.CoDesign).IsInProgress)
            {
                needs.Add(new("Co-design is open: submit your provider proposal", $"/cycles/{cycle.Id}/co-design/proposals"));
            }

            needs.AddRange(OpenForInput(cycle, "is open for your ideas"));
        }

        return new CycleCard(cycle.Id, cycle.Title, role, current?.Kind, needs);
    }

    private IEnumerable<NeedsMe> WithoutLivedExperienceInput(CommissioningCycle cycle, IReadOnlyDictionary<Guid, SignOffFacts> facts) =>
        cycle.Stages
            .Where(s => s.IsInProgress
                && facts.TryGetValue(s.Id, out var f) && f.LivedExperienceContributions == 0)
            .OrderBy(s => s.Kind)
            .Select(s => new NeedsMe($"{s.Kind.ToTitle()} has no lived-experience input yet", StageUrl(cycle.Id, s.Kind, "Workspace")));

    private IEnumerable<NeedsMe> AwaitingResponse(CommissioningCycle cycle, IReadOnlyDictionary<Guid, SignOffFacts> facts) =>
        cycle.Stages
            .Where(s => facts.TryGetValue(s.Id, out var f) && f.UnansweredLivedExperienceCount > 0)
            .OrderBy(s => s.Kind)
            .Select(s => new NeedsMe(
                $"{Labels.Count(facts[s.Id].UnansweredLivedExperienceCount, "lived-experience contribution")} waiting for a response in {s.Kind.ToPlainWords()}",
                StageUrl(cycle.Id, s.Kind, "Workspace") + "#contributions"));

    private IEnumerable<NeedsMe> OpenForInput(CommissioningCycle cycle, string invitation) =>
        cycle.Stages
            .Where(s => s.IsInProgress)
            .OrderBy(s => s.Kind)
            .Select(s => new NeedsMe($"{s.Kind.ToTitle()} {invitation}", InputUrl(cycle.Id, s.Kind)));

    // The specification is commented on section by section, on the draft itself; other stages take input in one form.
    private string InputUrl(Guid cycleId, StageKind stage) =>
        stage == StageKind.Specification ? SpecificationUrls.Overview(cycleId) : StageUrl(cycleId, stage, "AddContribution");

    private string StageUrl(Guid cycleId, StageKind stage, string page) =>
        Url.Page($"/Cycles/Stages/{page}", new { cycleId, stage = stage.ToSlug() })!;

    public sealed record CycleCard(Guid Id, string Title, CycleRole Role, StageKind? CurrentStage, IReadOnlyList<NeedsMe> NeedsMe);

    public sealed record NeedsMe(string Text, string Url);

    public sealed record InvitationRow(string CycleTitle, CycleRole Role, Voice? PanelVoice, DateTimeOffset ExpiresAt);
}
