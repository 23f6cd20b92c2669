namespace CoproCommissioning.Domain.CoDesign;

/// <summary>
/// What a page sends to schedule or change a co-design session. <see cref="Date"/> and the times are the
/// local time in England, as people read them on an invitation. Null is an answer not given (or one the page could
/// not read): the session refuses it where it needs one.
/// </summary>
public sealed record SessionDetails(
    string? Title,
    DateOnly? Date,
    TimeOnly? StartTime,
    TimeOnly? EndTime,
    SessionFormat? Format,
    string? Venue,
    string? JoiningDetails,
    IReadOnlyCollection<AccessArrangement> AccessArrangements,
    string? OtherAccessArrangements,
    IReadOnlyCollection<string> AttendeeUserIds,
    int? OtherAttendees,
    string? Minutes);
