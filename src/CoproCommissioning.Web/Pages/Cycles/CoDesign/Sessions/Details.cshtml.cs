using CoproCommissioning.Domain.CoDesign;

namespace CoproCommissioning.Web.Pages.Cycles.CoDesign.Sessions;

/// <summary>A session: when, where, access, who came, minutes, and the input logged from it with what happened to that input.</summary>
[CyclePermission(CycleOperation.View)]
public sealed class DetailsModel(CoproDbContext db) : CoDesignPageModel(db)
{
    public CoDesignSession Session { get; private set; } = null!;

    public IReadOnlyList<string> AttendeeNames { get; private set; } = [];

    public PageOf<InputRow> Input { get; private set; } = new([], 1, PageSize, 0);

    public PeopleNames Names { get; private set; } = PeopleNames.None;

    /// <summary>Input from this session the viewer may not read: shared with the commissioning team only (R7).</summary>
    public int TeamOnlyHiddenCount { get; private set; }

    public Task<IActionResult> OnGetAsync(Guid sessionId, int pageNumber = 1, CancellationToken ct = default) => ShowAsync(
        async () =>
        {
            if (await FindSessionAsync(sessionId, ct) is not { } session)
            {
                return false;
            }

            Session = session;
            var all = SessionContributions.Of(Db, CycleId, sessionId);
            TeamOnlyHiddenCount = await all.CountHiddenFromAsync(User.UserId(), Role, ct);
            Input = await all.ReadableBy(User.UserId(), Role)
                .OrderByDescending(c => c.CreatedAt).ThenBy(c => c.Id)
                .Select(c => new InputRow(c.Id, c.Summary, c.Body, c.Voice, c.AuthorUserId, c.VoicesCarried, c.RecordedByUserId, c.CreatedAt,
                    c.Responses.OrderByDescending(r => r.Revision).Select(r => (ResponseType?)r.Type).FirstOrDefault()))
                .ToPageAsync(pageNumber, ct, PageSize);
            var attendeeIds = session.Attendees.Select(a => a.UserId).ToList();
            Names = await PeopleNames.LoadAsync(
                Db, [.. attendeeIds, .. Input.Items.Select(i => i.AuthorUserId), .. Input.Items.Select(i => i.RecordedByUserId)], User.UserId(), ct);
            AttendeeNames = [.. attendeeIds.Select(Names.Of).Order(StringComparer.Ordinal)];
            return true;
        },
        ct);

    public string PageUrl(int number) =>
        Url.Page("/Cycles/CoDesign/Sessions/Details", new { cycleId = CycleId, sessionId = Session.Id, pageNumber = number })!;

    /// <summary>"Jess Morgan", "Jess Morgan and 3 others", "6 people at the session".</summary>
    public string From(InputRow input) => input.AuthorUserId is { } author
        ? input.VoicesCarried > 1 ? $"{Names.Of(author)} and {Labels.Count(input.VoicesCarried - 1, "other")}" : Names.Of(author)
        : Labels.Count(input.VoicesCarried, "person", "people") + " at the session";

    public sealed record InputRow(Guid Id, string Summary, string Body, Voice Voice, string? AuthorUserId, int VoicesCarried,
        string? RecordedByUserId, DateTimeOffset CreatedAt, ResponseType? Response);
}
