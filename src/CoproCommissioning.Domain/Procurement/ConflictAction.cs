namespace CoproCommissioning.Domain.Procurement;

/// <summary>What was agreed about a declared interest.</summary>
public enum ConflictAction
{
    /// <summary>The interest is minor: the evaluator carries on with every bid.</summary>
    Continue,

    /// <summary>The evaluator does not read or score the bids of the named organisations.</summary>
    RestrictBids,

    /// <summary>The evaluator leaves the panel.</summary>
    StepDown,
}
