namespace CoproCommissioning.Domain.Procurement;

public enum BidStatus
{
    /// <summary>Being written; only the provider's own people see it.</summary>
    Draft = 1,

    /// <summary>Sent before the deadline; sealed until the deadline passes.</summary>
    Submitted = 2,

    /// <summary>Taken back by the provider before the deadline; never read or scored.</summary>
    Withdrawn = 3,
}
