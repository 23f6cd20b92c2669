namespace CoproCommissioning.Domain.Cycles;

/// <summary>
/// One line of the cycle's own history: a change to its settings, what it changed and why. Never changed. The audit trail
/// keeps the values before and after; this is what the cycle's members read.
/// </summary>
public sealed class CycleEvent
{
    public const int ReasonMaxLength = 2000;

    private CycleEvent() { }

    internal CycleEvent(CycleSetting changed, string byUserId, CycleRole byRole, string reason, DateTimeOffset at)
    {
        Id = Guid.CreateVersion7();
        Changed = changed;
        ByUserId = byUserId;
        ByRole = byRole;
        Reason = reason;
        At = at;
    }

    public Guid Id { get; private set; }

    public CycleSetting Changed { get; private set; }

    public string ByUserId { get; private set; } = "";

    public CycleRole ByRole { get; private set; }

    public string Reason { get; private set; } = "";

    public DateTimeOffset At { get; private set; }
}
