namespace CoproCommissioning.Domain.Monitoring;

/// <summary>
/// Rules for the lessons learned in a cycle's monitoring and for starting the next cycle for the same service with them.
/// Codes are stable; messages say how to fix the problem. A signed-off monitoring stage refuses changes to lessons with
/// <see cref="CycleRules.StageSignedOff"/>, and only a commissioner starts the next cycle (<see cref="CycleRules.CommissionerOnly"/>).
/// </summary>
public static class LessonRules
{
    public static readonly DomainRule StaffOnly = new(
        "lesson-staff-only",
        "Only commissioners and the co-production champion can record lessons learned.");

    public static readonly DomainRule TextRequired = new(
        "lesson-text-required",
        "Enter what was learned, for example: people used the café most after 8pm, so the next service opens later.",
        nameof(Lesson.Text));

    public static readonly DomainRule TextTooLong = new(
        "lesson-text-too-long",
        $"Enter the lesson in {Lesson.TextMaxLength} characters or fewer.",
        nameof(Lesson.Text));

    public static readonly DomainRule CitationRequired = new(
        "lesson-citation-required",
        "Choose at least 1 contribution, provider return or panel rating that taught this lesson.",
        nameof(Lesson.Citations));

    public static readonly DomainRule CitationUnknown = new(
        "lesson-citation-unknown",
        "Something you chose is not part of this cycle, or a provider return is not submitted yet. Choose what taught the lesson again.",
        nameof(Lesson.Citations));

    public static readonly DomainRule LessonRequired = new(
        "lesson-required",
        "Record at least 1 lesson learned, with what taught it, so the next cycle for this service starts from it.");

    // Starting the next cycle.
    public static readonly DomainRule MonitoringNotSignedOff = new(
        "next-cycle-monitoring-not-signed-off",
        "Sign off monitoring before you start the next cycle, so the lessons it carries are final.");

    /// <summary>A next cycle starting before the earlier one would put the service's history out of order.</summary>
    public static readonly DomainRule NextCycleStartsTooEarly = new(
        "next-cycle-starts-too-early",
        "The next cycle must start on or after the day this cycle started. Enter a later start date.",
        nameof(NextCycleDraft.StartDate));

    /// <summary>Subject: the cycle already started from this one, so a page can link to it.</summary>
    public static readonly DomainRule NextCycleAlreadyStarted = new(
        "next-cycle-already-started",
        "The next cycle for this service has already been started from this one. Carry on with it instead.");
}
