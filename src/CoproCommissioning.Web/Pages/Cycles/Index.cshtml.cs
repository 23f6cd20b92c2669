using CoproCommissioning.Data.Identity;
using Microsoft.AspNetCore.Authorization;

namespace CoproCommissioning.Web.Pages.Cycles;

/// <summary>The signed-in home: the cycles I belong to (R7: only those) and, for each, what needs me in my role.</summary>
[Authorize]
public sealed class IndexModel(CoproDbContext db, TimeProvider clock) : PageModel
{
    /// <summary>Responses this recent count as new on the dashboard.</summary>
    public static readonly TimeSpan NewResponseWindow = TimeSpan.FromDays(30);

    public PageOf<CycleCard> Cycles { get; private set; } = null!;

    public IReadOnlyList<InvitationRow> Invitations { get; private set; } = [];

    public bool CanCreateCycles { get; private set; }

    public int ThingsNeedingMe => Cycles.Items.Sum(c => c.NeedsMe.Count);

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
        var cycles = await db.Cycles.IncludeStages().AsNoTracking().Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);
        var conditions = await StageConditions.LoadAsync(db, ids, ct);
        var cards = memberships.Items.Select(m => Card(cycles[m.CycleId], conditions[m.CycleId], m.Role, me, now)).ToList();
        Cycles = new PageOf<CycleCard>(cards, memberships.Number, memberships.Size, memberships.TotalCount);

        var email = await db.Users.Where(u => u.Id == me).Select(u => u.NormalizedEmail).SingleAsync(ct);
        Invitations = await (
                from i in db.Invitations.AsNoTracking()
                where i.Email.ToUpper() == email && i.AcceptedAt == null && i.RevokedAt == null && i.ExpiresAt > now
                    && !db.Memberships.Any(m => m.CycleId == i.CycleId && m.UserId == me)
                join c in db.Cycles.AsNoTracking() on i.CycleId equals c.Id
                orderby i.ExpiresAt
                select new InvitationRow(c.Title, i.Role, i.PanelVoice, i.ExpiresAt))
            .ToListAsync(ct);
    }

    public string PageUrl(int pageNumber) => Url.Page("/Cycles/Index", new { pageNumber })!;

    private CycleCard Card(CommissioningCycle cycle, StageConditions conditions, CycleRole role, string me, DateTimeOffset now)
    {
        var current = cycle.Stages.Where(s => !s.IsSignedOff).OrderBy(s => s.Kind).FirstOrDefault();
        List<NeedsMe> needs = [];
        if (CyclePermissions.Allows(role, CycleOperation.ManageMembers) && cycle.ChampionUserId is null)
        {
            needs.Add(new("Invite a co-production champion: no stage can be signed off without one", $"/cycles/{cycle.Id}/members"));
        }

        if (CyclePermissions.Allows(role, CycleOperation.Respond))
        {
            needs.AddRange(AwaitingResponse(cycle));
        }

        if (CyclePermissions.Allows(role, CycleOperation.SignOff))
        {
            needs.AddRange(cycle.Stages
                .Where(s => s.Status is StageStatus.Open or StageStatus.Reopened
                    && cycle.SignOffBlockers(s.Kind, conditions.For(s.Kind), me).Count == 0)
                .Select(ready => new NeedsMe($"{ready.Kind.ToTitle()} is ready to sign off", StageUrl(cycle.Id, ready.Kind, "SignOff"))));
        }

        if (CyclePermissions.Allows(role, CycleOperation.GiveLivedExperienceInput))
        {
            int answered = cycle.Stages.SelectMany(s => s.Contributions)
                .Count(c => c.AuthorUserId == me && c.CurrentResponse is { } r && r.RespondedAt >= now - NewResponseWindow);
            if (answered > 0)
            {
                needs.Add(new($"{Labels.Count(answered, "new response")} to your input", Url.Page("/MyInput/Index")!));
            }

            needs.AddRange(OpenForInput(cycle, "is open for your input"));
        }

        if (CyclePermissions.Allows(role, CycleOperation.SubmitProviderProposal))
        {
            if (cycle.StageOf(StageKind.CoDesign).Status is StageStatus.Open or StageStatus.Reopened)
            {
                needs.Add(new("Co-design is open: submit your provider proposal", $"/cycles/{cycle.Id}/co-design/proposals"));
            }

            needs.AddRange(OpenForInput(cycle, "is open for your ideas"));
        }

        return new CycleCard(cycle.Id, cycle.Title, role, current?.Kind, needs);
    }

    private IEnumerable<NeedsMe> AwaitingResponse(CommissioningCycle cycle) =>
        cycle.Stages
            .Where(s => !s.IsSignedOff && s.UnansweredLivedExperienceContributions.Count > 0)
            .OrderBy(s => s.Kind)
            .Select(s => new NeedsMe(
                $"{Labels.Count(s.UnansweredLivedExperienceContributions.Count, "lived-experience contribution")} waiting for a response in {s.Kind.ToPlainWords()}",
                StageUrl(cycle.Id, s.Kind, "Workspace") + "#contributions"));

    private IEnumerable<NeedsMe> OpenForInput(CommissioningCycle cycle, string invitation) =>
        cycle.Stages
            .Where(s => s.Status is StageStatus.Open or StageStatus.Reopened)
            .OrderBy(s => s.Kind)
            .Select(s => new NeedsMe($"{s.Kind.ToTitle()} {invitation}", StageUrl(cycle.Id, s.Kind, "AddContribution")));

    private string StageUrl(Guid cycleId, StageKind stage, string page) =>
        Url.Page($"/Cycles/Stages/{page}", new { cycleId, stage = stage.ToSlug() })!;

    public sealed record CycleCard(Guid Id, string Title, CycleRole Role, StageKind? CurrentStage, IReadOnlyList<NeedsMe> NeedsMe);

    public sealed record NeedsMe(string Text, string Url);

    public sealed record InvitationRow(string CycleTitle, CycleRole Role, Voice? PanelVoice, DateTimeOffset ExpiresAt);
}
