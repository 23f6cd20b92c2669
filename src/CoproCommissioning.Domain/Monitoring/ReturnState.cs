namespace CoproCommissioning.Domain.Monitoring;

/// <summary>Where a party's return for a period stands, as <see cref="CycleMonitoring.StateOfReturn"/> works it out.</summary>
public enum ReturnState
{
    /// <summary>Nobody has started it, and it is not due yet.</summary>
    NotStarted,

    /// <summary>Started and saved, not submitted, and not due yet.</summary>
    Draft,

    Submitted,

    /// <summary>Submitted, and a correction of it has been started and not yet submitted.</summary>
    BeingCorrected,

    /// <summary>Not submitted, and the commissioner has recorded why it is missing.</summary>
    Explained,

    /// <summary>Due, and neither submitted nor explained: it stops the stage's sign-off.</summary>
    Overdue,
}

/// <summary>
/// What is known of a party's return for a period without reading it: whether it was submitted, and whether a
/// correction of it is being written. Null when it has not been started.
/// </summary>
public sealed record ReturnFacts(bool IsSubmitted, bool IsBeingCorrected);
