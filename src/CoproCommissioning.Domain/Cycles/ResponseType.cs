namespace CoproCommissioning.Domain.Cycles;

/// <summary>"You said, we did": what happened to a contribution.</summary>
public enum ResponseType
{
    Adopted,
    Adapted,
    NotAdopted,
}
