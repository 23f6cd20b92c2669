using System.Globalization;
using CoproCommissioning.Domain.CoDesign;
using FluentValidation;

namespace CoproCommissioning.Web.Pages.Cycles.CoDesign.Sessions;

/// <summary>
/// A session as the add and change pages show it. The date, the times and the count are kept as typed, so one that
/// can't be read is shown back; the domain judges everything else.
/// </summary>
public sealed record SessionForm : StageContentForm
{
    public string Title { get; init; } = "";

    public DateParts Date { get; init; } = new();

    public string StartTime { get; init; } = "";

    public string EndTime { get; init; } = "";

    public SessionFormat? Format { get; init; }

    public string Venue { get; init; } = "";

    public string JoiningDetails { get; init; } = "";

    public List<AccessArrangement> AccessArrangements { get; init; } = [];

    public string OtherAccessArrangements { get; init; } = "";

    /// <summary>Members who came, by <see cref="CycleMemberRow.MemberId"/>.</summary>
    public List<Guid> AttendeeMemberIds { get; init; } = [];

    public string OtherAttendees { get; init; } = "0";

    public string Minutes { get; init; } = "";

    /// <summary>"Tuesday 10 March 2026, 10:30am to 1pm", for a form filled in from a saved session.</summary>
    public string When() =>
        Date.TryGetDate(out var date) && CoDesignLabels.TryParseTime(StartTime, out var start)
            ? CoDesignLabels.When(date, start, CoDesignLabels.TryParseTime(EndTime, out var end) ? end : null)
            : "";

    /// <summary>How many other people came: empty is none, and null a number that can't be read (the domain says what it wants).</summary>
    public int? OtherAttendeesCount() =>
        string.IsNullOrWhiteSpace(OtherAttendees) ? 0
        : int.TryParse(OtherAttendees.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int count) ? count
        : null;

    /// <summary>What the domain is asked to judge: what can't be read goes as null.</summary>
    public SessionDetails ToDetails(IEnumerable<string> attendeeUserIds) => new(
        Title,
        Date.TryGetDate(out var date) ? date : null,
        CoDesignLabels.TryParseTime(StartTime, out var start) ? start : null,
        CoDesignLabels.TryParseTime(EndTime, out var end) ? end : null,
        Format,
        Venue,
        JoiningDetails,
        AccessArrangements,
        OtherAccessArrangements,
        [.. attendeeUserIds.Distinct(StringComparer.Ordinal)],
        OtherAttendeesCount(),
        Minutes);

    public static SessionForm From(CoDesignSession session, IReadOnlyList<CycleMemberRow> members) => new()
    {
        Title = session.Title,
        Date = DateParts.From(session.Date),
        StartTime = CoDesignLabels.ForInput(session.StartTime),
        EndTime = session.EndTime is { } end ? CoDesignLabels.ForInput(end) : "",
        Format = session.Format,
        Venue = session.Venue,
        JoiningDetails = session.JoiningDetails,
        AccessArrangements = [.. session.AccessArrangements],
        OtherAccessArrangements = session.OtherAccessArrangements,
        AttendeeMemberIds = [.. members.Where(m => session.Attendees.Any(a => a.UserId == m.UserId)).Select(m => m.MemberId)],
        OtherAttendees = session.OtherAttendees.ToString(CultureInfo.InvariantCulture),
        Minutes = session.Minutes,
        Version = session.Version,
    };
}

/// <summary>What the domain never sees: a date or a time that was typed but can't be read.</summary>
public sealed class SessionFormValidator : AbstractValidator<SessionForm>
{
    public SessionFormValidator()
    {
        RuleFor(x => x.Date)
            .Must(d => d.IsEmpty || d.TryGetDate(out _)).WithMessage("The date of the session must be a real date, for example 10 3 2026.");
        RuleFor(x => x.StartTime)
            .Must(IsEmptyOrTime).WithMessage("Enter the start time as a time of day, for example 10:30 or 2pm.");
        RuleFor(x => x.EndTime)
            .Must(IsEmptyOrTime).WithMessage("Enter the end time as a time of day, for example 13:00 or 1pm, or leave it empty.");
    }

    private static bool IsEmptyOrTime(string? time) => string.IsNullOrWhiteSpace(time) || CoDesignLabels.TryParseTime(time, out _);
}

/// <summary>
/// What adding and changing a session share: the cycle's members, to choose who came from. People are chosen by
/// membership; one who is no longer a member is refused beside the question.
/// </summary>
public abstract class SessionFormPageModel(CoproDbContext db, TimeProvider clock)
    : StageContentFormPageModel<CoDesignSession, SessionForm>(StageKind.CoDesign, db, clock)
{
    public const string UnknownAttendeeMessage = "Choose who came from the list of members. Someone you chose is no longer a member.";

    /// <summary>The cycle's members, to choose who came from.</summary>
    public IReadOnlyList<CycleMemberRow> Members { get; private set; } = [];

    protected override string ItemWords => "this session";

    protected override SessionForm ToForm(CoDesignSession session) => SessionForm.From(session, Members);

    protected override async Task LoadChoicesAsync(CancellationToken ct) =>
        Members = await CycleMemberRow.LoadAsync(Db, CycleId, User.UserId(), ct);

    /// <summary>
    /// The form as the domain takes it, with the members chosen as their accounts. <paramref name="keptAttendees"/>:
    /// people recorded as coming who are no longer members, so not on the form.
    /// </summary>
    protected SessionDetails Details(IEnumerable<string>? keptAttendees = null)
    {
        if (Form.AttendeeMemberIds.Any(id => Members.Find(id) is null))
        {
            ModelState.AddModelError($"{nameof(Form)}.{nameof(SessionForm.AttendeeMemberIds)}", UnknownAttendeeMessage);
        }

        return Form.ToDetails(Form.AttendeeMemberIds.Select(id => Members.Find(id)?.UserId).OfType<string>().Concat(keptAttendees ?? []));
    }
}
