using CoproCommissioning.Data.Configurations;

namespace CoproCommissioning.Web.Pages.Cycles.Stages;

/// <summary>
/// What a commissioner is about to sign off (R5): who took part in the stage, how much input it had and from which
/// voices, and its decisions. PostgreSQL counts and groups; only the first few names and decisions are read, so a stage
/// with thousands of contributions costs the same few statements (decision 0018).
/// </summary>
public sealed record SignOffSummary(
    IReadOnlyList<SignOffSummary.RoleGroup> People,
    int PeopleWithoutAccounts,
    int InputCount,
    IReadOnlyList<SignOffSummary.VoiceCount> InputByVoice,
    int DecisionCount,
    IReadOnlyList<SignOffSummary.DecisionRow> Decisions,
    IReadOnlyList<SignOffSummary.GroupRow> Groups)
{
    /// <summary>People without an account named as taking part in one of the stage's decisions: "6 parents at the Harbourside workshop".</summary>
    public sealed record GroupRow(int Count, string Description)
    {
        public string InWords => $"{Count} {Description}";
    }

    /// <summary>The members of one role who gave input or took part in a decision, named as each chose to be shown (R7).</summary>
    public sealed record RoleGroup(CycleRole Role, int Count, IReadOnlyList<string> Names)
    {
        public string RoleInWords => Labels.Of(Role);

        public int Unnamed => Count - Names.Count;
    }

    /// <summary>Contributions with one voice, and how many people's voices they carry (input logged for a group).</summary>
    public sealed record VoiceCount(Voice Voice, int Contributions, int Voices)
    {
        public string VoiceInWords => Labels.Of(Voice);
    }

    public sealed record DecisionRow(Guid Id, string Title, DecisionMode Mode)
    {
        public string ModeInWords => Labels.Of(Mode);
    }

    public static async Task<SignOffSummary> LoadAsync(
        CoproDbContext db, Guid cycleId, Guid stageId, string viewerUserId, int mostListed, CancellationToken ct)
    {
        var contributions = db.Set<Contribution>().AsNoTracking()
            .Where(c => EF.Property<Guid>(c, StageConfiguration.StageKey) == stageId);
        var decisions = db.Set<Decision>().AsNoTracking()
            .Where(d => EF.Property<Guid>(d, StageConfiguration.StageKey) == stageId);

        var byVoice = (await contributions
                .GroupBy(c => c.Voice)
                .Select(g => new { Voice = g.Key, Count = g.Count(), Voices = g.Sum(c => c.VoicesCarried) })
                .ToListAsync(ct))
            .Select(v => new VoiceCount(v.Voice, v.Count, v.Voices))
            .OrderBy(v => Voices.Rank(v.Voice))
            .ToList();

        // Input logged on behalf of people without accounts carries how many people spoke: they took part too.
        var withoutAccounts = await contributions.Where(c => c.AuthorUserId == null).SumAsync(c => (int?)c.VoicesCarried, ct) ?? 0;

        var takingPart = contributions.Where(c => c.AuthorUserId != null).Select(c => c.AuthorUserId!)
            .Union(decisions.SelectMany(d => d.Participants).Select(p => p.UserId));
        var members =
            from m in db.Memberships.AsNoTracking()
            where m.CycleId == cycleId && takingPart.Contains(m.UserId)
            join u in db.Users.AsNoTracking() on m.UserId equals u.Id
            select new { m.Role, m.JoinedAt, m.UserId, u.DisplayName, u.ShowAsPanelMember, u.FormerParticipantNumber };
        var counts = await members.GroupBy(m => m.Role).Select(g => new { Role = g.Key, Count = g.Count() }).ToListAsync(ct);
        var named = await members.OrderBy(m => m.Role).ThenBy(m => m.JoinedAt).ThenBy(m => m.UserId).Take(mostListed).ToListAsync(ct);
        var people = counts
            .OrderBy(c => c.Role)
            .Select(c => new RoleGroup(c.Role, c.Count, [.. named.Where(n => n.Role == c.Role)
                .Select(n => PeopleNames.ShownTo(viewerUserId, n.UserId, n.DisplayName, n.ShowAsPanelMember, n.FormerParticipantNumber))]))
            .ToList();

        var decisionCount = await decisions.CountAsync(ct);
        var listed = await decisions.OrderBy(d => d.RecordedAt).ThenBy(d => d.Id).Take(mostListed)
            .Select(d => new DecisionRow(d.Id, d.Title, d.Mode))
            .ToListAsync(ct);

        // The same people may also be behind logged input; the page says where each figure comes from rather than adding them up.
        var groups = await decisions.SelectMany(d => d.Groups)
            .GroupBy(g => new { g.Description, g.Count })
            .OrderBy(g => g.Key.Description).ThenBy(g => g.Key.Count)
            .Select(g => new GroupRow(g.Key.Count, g.Key.Description))
            .Take(mostListed)
            .ToListAsync(ct);

        return new SignOffSummary(people, withoutAccounts, byVoice.Sum(v => v.Contributions), byVoice, decisionCount, listed, groups);
    }
}
