namespace CoproCommissioning.Web.Infrastructure.Pages;

/// <summary>
/// The name each person is shown by to the person looking (R7): "Panel member" for people who chose that,
/// "Former participant #N" for deleted accounts, and their own name to themselves. The records keep the ids.
/// </summary>
public sealed class PeopleNames
{
    public const string Unknown = "Someone without an account";

    private readonly Dictionary<string, string> _names;

    private PeopleNames(Dictionary<string, string> names) => _names = names;

    public static PeopleNames None { get; } = new([]);

    public static async Task<PeopleNames> LoadAsync(
        CoproDbContext db, IEnumerable<string?> userIds, string viewerUserId, CancellationToken ct)
    {
        var ids = userIds.OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        if (ids.Count == 0)
        {
            return None;
        }

        var people = await db.Users.AsNoTracking()
            .Where(u => ids.Contains(u.Id))
            .Select(u => new { u.Id, u.DisplayName, u.ShowAsPanelMember, u.FormerParticipantNumber })
            .ToListAsync(ct);
        return new PeopleNames(people.ToDictionary(
            p => p.Id,
            p => ShownTo(viewerUserId, p.Id, p.DisplayName, p.ShowAsPanelMember, p.FormerParticipantNumber),
            StringComparer.Ordinal));
    }

    /// <summary>The same choice as <c>AppUser.NameShownToOthers</c>, except that people see their own name.</summary>
    public static string ShownTo(string viewerUserId, string userId, string displayName, bool showAsPanelMember, int? formerParticipantNumber) =>
        formerParticipantNumber is { } number ? $"Former participant #{number}"
        : userId == viewerUserId ? $"{displayName} (you)"
        : showAsPanelMember ? "Panel member"
        : displayName;

    public string Of(string? userId) =>
        userId is not null && _names.TryGetValue(userId, out var name) ? name : Unknown;
}
