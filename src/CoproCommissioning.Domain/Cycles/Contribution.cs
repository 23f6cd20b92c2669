using System.Linq.Expressions;
using CoproCommissioning.Domain.Membership;

namespace CoproCommissioning.Domain.Cycles;

/// <summary>
/// Anything a person puts into the cycle. When the champion logs it on someone's behalf,
/// <see cref="RecordedByUserId"/> says who typed it and <see cref="VoicesCarried"/> how many people it speaks for.
/// </summary>
public sealed class Contribution
{
    public const int SummaryMaxLength = 200;
    public const int BodyMaxLength = 4000;
    public const int GivenByMaxLength = 200;

    /// <summary>The most people one piece of input logged on their behalf can speak for: a large survey, not a typing slip.</summary>
    public const int MostVoicesCarried = 10_000;

    private readonly List<Response> _responses = [];

    private Contribution() { }

    internal Contribution(
        StageKind stageKind,
        string? authorUserId,
        string? recordedByUserId,
        int voicesCarried,
        Voice voice,
        Channel channel,
        ContributionVisibility visibility,
        string summary,
        string body,
        ContributionTarget target,
        InputOrigin? origin,
        DateTimeOffset createdAt)
    {
        Id = Guid.CreateVersion7();
        StageKind = stageKind;
        AuthorUserId = authorUserId;
        RecordedByUserId = recordedByUserId;
        VoicesCarried = voicesCarried;
        Voice = voice;
        Channel = channel;
        Visibility = visibility;
        Summary = summary;
        Body = body;
        TargetKind = target.Kind;
        TargetId = target.Id;
        GatheredOn = origin?.GatheredOn;
        GatheredAtSessionId = origin?.SessionId == Guid.Empty ? null : origin?.SessionId;
        GivenBy = TextInput.Clean(origin?.GivenBy);
        CreatedAt = createdAt;
    }

    public Guid Id { get; private set; }

    public StageKind StageKind { get; private set; }

    /// <summary>Whose input this is; null when it was logged on behalf of people who have no account.</summary>
    public string? AuthorUserId { get; private set; }

    /// <summary>Who logged it on the author's behalf; null when the author added it themself.</summary>
    public string? RecordedByUserId { get; private set; }

    /// <summary>How many people's views it carries: 1 for a person's own contribution.</summary>
    public int VoicesCarried { get; private set; } = 1;

    public Voice Voice { get; private set; }

    public Channel Channel { get; private set; }

    /// <summary>Who may read it, as the person who gave it chose (R7).</summary>
    public ContributionVisibility Visibility { get; private set; }

    public string Summary { get; private set; } = "";

    public string Body { get; private set; } = "";

    public TargetKind TargetKind { get; private set; }

    public Guid? TargetId { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>
    /// For input logged on someone's behalf: the day it was gathered (a workshop last Tuesday, typed in today). Null for
    /// a person's own input, and for input logged before the day was asked for.
    /// </summary>
    public DateOnly? GatheredOn { get; private set; }

    /// <summary>The co-design session the input was gathered at, if any.</summary>
    public Guid? GatheredAtSessionId { get; private set; }

    /// <summary>Who gave input logged for people without an account, in the logger's words: "parents at the Harbourside workshop".</summary>
    public string GivenBy { get; private set; } = "";

    public IReadOnlyList<Response> Responses => _responses;

    public Response? CurrentResponse => _responses.MaxBy(r => r.Revision);

    /// <summary>
    /// The revision of <see cref="CurrentResponse"/>, 0 while nobody has answered. Kept beside the responses so that
    /// PostgreSQL finds unanswered input (R3) and each contribution's current response without reading every revision
    /// (docs/decisions/0018-counts-kept-where-the-rules-read-them.md).
    /// </summary>
    public int ResponseRevision { get; private set; }

    public bool IsAnswered => ResponseRevision > 0;

    public bool IsLivedExperience => CountsAsLivedExperience(Voice);

    public bool IsLoggedOnBehalf => RecordedByUserId is not null;

    /// <summary>Whether this role reads every contribution, team-only ones included: the commissioning team.</summary>
    public static bool RoleSeesTeamOnly(CycleRole role) => CyclePermissions.Allows(role, CycleOperation.ReadTeamOnlyInput);

    /// <summary>
    /// The contributions a member may read, as a query filter, so pages ask the database for nothing else.
    /// The commissioning team reads everything; anyone else reads what was shared with everyone, and their own input
    /// (added themself or logged on their behalf). Team-only input still counts for sign-off and still gets a response.
    /// </summary>
    public static Expression<Func<Contribution, bool>> VisibleTo(string viewerUserId, CycleRole role)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(viewerUserId);
        Guard.Defined(role);
        return RoleSeesTeamOnly(role)
            ? c => true
            : c => c.Visibility == ContributionVisibility.Everyone || c.AuthorUserId == viewerUserId;
    }

    public bool IsVisibleTo(string viewerUserId, CycleRole role) => VisibleTo(viewerUserId, role).Compile()(this);

    public static bool CountsAsLivedExperience(Voice voice) => voice is Voice.LivedExperience or Voice.Carer;

    /// <summary><see cref="CountsAsLivedExperience"/> as a query filter, so the database can count lived-experience input (R1).</summary>
    public static Expression<Func<Contribution, bool>> LivedExperienceInput { get; } =
        c => c.Voice == Voice.LivedExperience || c.Voice == Voice.Carer;

    internal Response Respond(ResponseType type, string explanation, string respondedByUserId, DateTimeOffset now)
    {
        var response = new Response(ResponseRevision + 1, type, explanation, respondedByUserId, now);
        _responses.Add(response);
        ResponseRevision = response.Revision;
        return response;
    }
}
