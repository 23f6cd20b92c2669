namespace CoproCommissioning.Domain.Cycles;

public enum StageEventKind
{
    SignOff,
    Reopen,
}
