namespace CoproCommissioning.Domain.CoDesign;

/// <summary>
/// A co-design workshop or meeting: when and where, the support offered so people can take part, who came
/// and the minutes. Input gathered there is logged on the cycle as contributions whose target is this session
/// (<see cref="ContributionTarget.ForCoDesignSession"/>), so each gets a response like any other input.
/// </summary>
public sealed class CoDesignSession
{
    public const int TitleMaxLength = 200;
    public const int VenueMaxLength = 300;
    public const int JoiningDetailsMaxLength = 300;
    public const int OtherAccessArrangementsMaxLength = 500;
    public const int MinutesMaxLength = 20000;
    public const int OtherAttendeesMaxValue = 10000;

    private readonly List<SessionAttendee> _attendees = [];

    private CoDesignSession() { }

    private CoDesignSession(Guid cycleId, string recordedByUserId, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7();
        CycleId = cycleId;
        RecordedByUserId = recordedByUserId;
        RecordedAt = now;
    }

    public Guid Id { get; private set; }

    public Guid CycleId { get; private set; }

    public string Title { get; private set; } = "";

    /// <summary>The day in England's local time.</summary>
    public DateOnly Date { get; private set; }

    public TimeOnly StartTime { get; private set; }

    public TimeOnly? EndTime { get; private set; }

    public SessionFormat Format { get; private set; }

    /// <summary>The address, for a session in person or hybrid; empty for one only online.</summary>
    public string Venue { get; private set; } = "";

    /// <summary>How people join online ("Microsoft Teams, link sent with the invitation"); empty for one only in person.</summary>
    public string JoiningDetails { get; private set; } = "";

    public IReadOnlyList<AccessArrangement> AccessArrangements { get; private set; } = [];

    public string OtherAccessArrangements { get; private set; } = "";

    /// <summary>Members of the cycle who came.</summary>
    public IReadOnlyList<SessionAttendee> Attendees => _attendees;

    /// <summary>How many other people came: people without an account, such as members of a local peer group.</summary>
    public int OtherAttendees { get; private set; }

    public string Minutes { get; private set; } = "";

    public string RecordedByUserId { get; private set; } = "";

    public DateTimeOffset RecordedAt { get; private set; }

    /// <summary>Concurrency token, mapped to PostgreSQL xmin; the domain never sets it.</summary>
    public uint Version { get; private set; }

    /// <summary>How input from this session reached the cycle, for contributions logged from it.</summary>
    public Channel InputChannel => Format == SessionFormat.Online ? Channel.Online : Channel.Workshop;

    public ContributionTarget AsContributionTarget => ContributionTarget.ForCoDesignSession(Id);

    /// <summary>
    /// Adds a session, before or after it happens (minutes and attendance can come later). The page passes
    /// attendees chosen from the cycle's members.
    /// </summary>
    public static DomainOutcome<CoDesignSession> Schedule(
        CommissioningCycle cycle, SessionDetails details, string recordedByUserId, CycleRole recorderRole, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(cycle);
        ArgumentException.ThrowIfNullOrWhiteSpace(recordedByUserId);
        Guard.Defined(recorderRole);
        Guard.Utc(now);

        var refusals = Check(cycle, details, recorderRole, now);
        if (refusals.Count > 0)
        {
            return DomainOutcome.Refused<CoDesignSession>(refusals);
        }

        var session = new CoDesignSession(cycle.Id, recordedByUserId, now);
        session.Apply(details);
        return DomainOutcome.Success(session);
    }

    /// <summary>Replaces everything about the session, for example to add the minutes and who came.</summary>
    public DomainOutcome Revise(CommissioningCycle cycle, SessionDetails details, CycleRole reviserRole, DateTimeOffset now)
    {
        StageContent.CheckCycle(cycle, CycleId);
        Guard.Defined(reviserRole);
        Guard.Utc(now);

        var refusals = Check(cycle, details, reviserRole, now);
        if (refusals.Count > 0)
        {
            return DomainOutcome.Refused(refusals);
        }

        Apply(details);
        return DomainOutcome.Success();
    }

    private void Apply(SessionDetails details)
    {
        var format = details.Format!.Value;
        Title = TextInput.Clean(details.Title);
        Date = details.Date!.Value;
        StartTime = details.StartTime!.Value;
        EndTime = details.EndTime;
        Format = format;
        Venue = format == SessionFormat.Online ? "" : TextInput.Clean(details.Venue);
        JoiningDetails = format == SessionFormat.InPerson ? "" : TextInput.Clean(details.JoiningDetails);
        AccessArrangements = [.. details.AccessArrangements.Distinct().Order()];
        OtherAccessArrangements = TextInput.Clean(details.OtherAccessArrangements);
        OtherAttendees = details.OtherAttendees!.Value;
        Minutes = TextInput.Clean(details.Minutes);

        var wanted = details.AttendeeUserIds.ToHashSet(StringComparer.Ordinal);
        _attendees.RemoveAll(a => !wanted.Contains(a.UserId));
        var kept = _attendees.Select(a => a.UserId).ToHashSet(StringComparer.Ordinal);
        _attendees.AddRange(details.AttendeeUserIds.Where(id => !kept.Contains(id)).Select(id => new SessionAttendee(id)));
    }

    private static List<Refusal> Check(CommissioningCycle cycle, SessionDetails details, CycleRole actorRole, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(details);
        ArgumentNullException.ThrowIfNull(details.AccessArrangements);
        ArgumentNullException.ThrowIfNull(details.AttendeeUserIds);
        foreach (var arrangement in details.AccessArrangements)
        {
            Guard.Defined(arrangement, nameof(details.AccessArrangements));
        }

        if (details.AttendeeUserIds.Any(string.IsNullOrWhiteSpace)
            || details.AttendeeUserIds.Distinct(StringComparer.Ordinal).Count() != details.AttendeeUserIds.Count)
        {
            throw new ArgumentException("Attendees are the distinct user ids of the cycle's members.", nameof(details));
        }

        List<Refusal> refusals = [];
        if (!StageContent.MayManage(actorRole))
        {
            refusals.Add(new Refusal(CoDesignRules.SessionStaffOnly));
        }

        StageContent.CheckStageOpen(refusals, cycle, StageKind.CoDesign, now);
        TextInput.Check(refusals, details.Title, TitleMaxLength, CoDesignRules.SessionTitleRequired, CoDesignRules.SessionTitleTooLong);
        if (details.Date is null)
        {
            refusals.Add(new Refusal(CoDesignRules.SessionDateRequired));
        }

        if (details.StartTime is not { } start)
        {
            refusals.Add(new Refusal(CoDesignRules.SessionStartTimeRequired));
        }
        else if (details.EndTime is { } end && end <= start)
        {
            refusals.Add(new Refusal(CoDesignRules.SessionEndBeforeStart));
        }

        // Until the format is chosen, a venue can't be required, but what was typed can still be too long.
        ChoiceInput.Check(refusals, details.Format, CoDesignRules.SessionFormatRequired);
        if (details.Format != SessionFormat.Online)
        {
            var required = details.Format is SessionFormat.InPerson or SessionFormat.Hybrid ? CoDesignRules.SessionVenueRequired : null;
            TextInput.Check(refusals, details.Venue, VenueMaxLength, required, CoDesignRules.SessionVenueTooLong);
        }

        if (details.Format != SessionFormat.InPerson)
        {
            TextInput.Check(refusals, details.JoiningDetails, JoiningDetailsMaxLength, required: null, CoDesignRules.SessionJoiningDetailsTooLong);
        }

        TextInput.Check(
            refusals, details.OtherAccessArrangements, OtherAccessArrangementsMaxLength, required: null, CoDesignRules.SessionOtherArrangementsTooLong);
        if (details.OtherAttendees is not (>= 0 and <= OtherAttendeesMaxValue))
        {
            refusals.Add(new Refusal(CoDesignRules.SessionOtherAttendeesInvalid));
        }

        TextInput.Check(refusals, details.Minutes, MinutesMaxLength, required: null, CoDesignRules.SessionMinutesTooLong);
        return refusals;
    }
}
