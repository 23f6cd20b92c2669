namespace CoproCommissioning.Domain.Cycles;

/// <summary>A person who took part in a decision, and the part they took part in.</summary>
public sealed class DecisionParticipant
{
    private DecisionParticipant() { }

    public DecisionParticipant(string userId, CycleRole role)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        Guard.Defined(role);
        UserId = userId;
        Role = role;
    }

    public string UserId { get; private set; } = "";

    public CycleRole Role { get; private set; }
}
