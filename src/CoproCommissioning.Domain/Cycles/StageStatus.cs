namespace CoproCommissioning.Domain.Cycles;

public enum StageStatus
{
    NotStarted,
    Open,
    SignedOff,
    Reopened,
}
