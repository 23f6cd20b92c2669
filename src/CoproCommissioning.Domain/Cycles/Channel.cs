namespace CoproCommissioning.Domain.Cycles;

/// <summary>How the input reached the cycle.</summary>
public enum Channel
{
    Online,
    Workshop,
    Meeting,
    Phone,
    Survey,
    EasyReadForm,
    Email,
    Letter,
}
