namespace CoproCommissioning.Domain.Monitoring;

/// <summary>Whether a result meets its target by reaching it or by staying under it.</summary>
public enum KpiDirection
{
    /// <summary>Met at the target or above: "95% of people seen within 4 hours".</summary>
    AtLeast,

    /// <summary>Met at the target or below: "no more than 5 days from referral to first contact".</summary>
    AtMost,
}
