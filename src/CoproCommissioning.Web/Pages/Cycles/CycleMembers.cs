namespace CoproCommissioning.Web.Pages.Cycles;

/// <summary>
/// A cycle's members as one person sees them (R7 names), for lists and for choosing people on forms.
/// Pages and forms carry <see cref="MemberId"/>, the membership's id, never <see cref="UserId"/>: an account id is the
/// same in every cycle and on every page, so it would link a person shown as "Panel member" across them.
/// </summary>
public sealed record CycleMemberRow(Guid MemberId, string UserId, string Name, CycleRole Role, Voice? PanelVoice)
{
    public string RoleInWords => Labels.Of(Role, PanelVoice);

    public static Task<IReadOnlyList<CycleMemberRow>> LoadAsync(CoproDbContext db, Guid cycleId, string viewerUserId, CancellationToken ct) =>
        LoadAsync(db, cycleId, viewerUserId, ct, roles: null);

    /// <summary>The members who have one of <paramref name="roles"/> (every member when null), as <see cref="LoadAsync(CoproDbContext, Guid, string, CancellationToken)"/>.</summary>
    public static async Task<IReadOnlyList<CycleMemberRow>> LoadAsync(
        CoproDbContext db, Guid cycleId, string viewerUserId, CancellationToken ct, IReadOnlyCollection<CycleRole>? roles)
    {
        var memberships = db.Memberships.AsNoTracking().Where(m => m.CycleId == cycleId);
        if (roles is not null)
        {
            var wanted = roles.ToList();
            memberships = memberships.Where(m => wanted.Contains(m.Role));
        }

        var rows = await (
                from m in memberships
                join u in db.Users.AsNoTracking() on m.UserId equals u.Id
                orderby m.JoinedAt, m.Id
                select new { m.Id, m.UserId, m.Role, m.PanelVoice, u.DisplayName, u.ShowAsPanelMember, u.FormerParticipantNumber })
            .ToListAsync(ct);
        var members = rows
            .Select(r => new CycleMemberRow(
                r.Id,
                r.UserId,
                PeopleNames.ShownTo(viewerUserId, r.UserId, r.DisplayName, r.ShowAsPanelMember, r.FormerParticipantNumber),
                r.Role,
                r.PanelVoice))
            .ToList();

        // Several people may be shown as "Panel member": number them so a form can still tell them apart. The
        // numbers follow the order people joined the cycle, never their real names, which would give them away.
        return [.. members
            .GroupBy(m => m.Name)
            .SelectMany(group => group.Count() == 1
                ? group
                : group.Select((m, i) => m with { Name = $"{m.Name} {i + 1}" }))
            .OrderBy(m => m.Role)
            .ThenBy(m => m.Name, StringComparer.CurrentCulture)];
    }
}

/// <summary>How many members a cycle has in one role.</summary>
public sealed record RoleCount(CycleRole Role, int Count)
{
    public static async Task<IReadOnlyList<RoleCount>> LoadAsync(CoproDbContext db, Guid cycleId, CancellationToken ct) =>
        [.. (await db.Memberships.AsNoTracking()
                .Where(m => m.CycleId == cycleId)
                .GroupBy(m => m.Role)
                .Select(g => new RoleCount(g.Key, g.Count()))
                .ToListAsync(ct))
            .OrderBy(r => r.Role)];
}

public static class CycleMemberRows
{
    /// <summary>The member a form named by <see cref="CycleMemberRow.MemberId"/>, or null when it isn't one of these.</summary>
    public static CycleMemberRow? Find(this IEnumerable<CycleMemberRow> members, Guid? memberId) =>
        memberId is { } id ? members.FirstOrDefault(m => m.MemberId == id) : null;
}
