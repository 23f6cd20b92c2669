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

        var names = new Dictionary<string, string>(ids.Count, StringComparer.Ordinal);
        await foreach (var p in PeopleQuery(db, [.. ids]).WithCancellation(ct))
        {
            names[p.Id] = ShownTo(viewerUserId, p.Id, p.DisplayName, p.ShowAsPanelMember, p.FormerParticipantNumber);
        }

        return new PeopleNames(names);
    }

    // Compiled: nearly every page names people, and EF Core otherwise rebuilds and looks up the query each time
    // (decision 0037).
    private static readonly Func<CoproDbContext, string[], IAsyncEnumerable<Person>> PeopleQuery =
        EF.CompileAsyncQuery((CoproDbContext db, string[] ids) => db.Users.AsNoTracking()
            .Where(u => ids.Contains(u.Id))
            .Select(u => new Person(u.Id, u.DisplayName, u.ShowAsPanelMember, u.FormerParticipantNumber)));

    private sealed record Person(string Id, string DisplayName, bool ShowAsPanelMember, int? FormerParticipantNumber);

    /// <summary>The same choice as <c>AppUser.NameShownToOthers</c>, except that people see their own name.</summary>
    public static string ShownTo(string viewerUserId, string userId, string displayName, bool showAsPanelMember, int? formerParticipantNumber) =>
        formerParticipantNumber is { } number ? $"Former participant #{number}"
        : userId == viewerUserId ? $"{displayName} (you)"
        : showAsPanelMember ? "Panel member"
        : displayName;

    public string Of(string? userId) =>
        userId is not null && _names.TryGetValue(userId, out var name) ? name : Unknown;
}
