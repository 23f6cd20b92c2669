using CoproCommissioning.Domain;

namespace CoproCommissioning.Data.Saving;

/// <summary>How saving a change ended. On anything but <see cref="Saved"/> nothing was saved and the change tracker is clear.</summary>
public sealed record SaveOutcome
{
    private SaveOutcome(SaveStatus status, Refusal? refusal)
    {
        Status = status;
        Refusal = refusal;
    }

    public static SaveOutcome Saved { get; } = new(SaveStatus.Saved, null);

    /// <summary>Someone else changed the same thing a moment before (R8): their change stands.</summary>
    public static SaveOutcome Conflict { get; } = new(SaveStatus.Conflict, null);

    public SaveStatus Status { get; }

    /// <summary>The rule the change broke, when the database refused it as a duplicate of something saved a moment before.</summary>
    public Refusal? Refusal { get; }

    public bool Succeeded => Status == SaveStatus.Saved;

    public static SaveOutcome Refused(DomainRule rule) => new(SaveStatus.Refused, new Refusal(rule));
}

public enum SaveStatus
{
    Saved,
    Conflict,
    Refused,
}
