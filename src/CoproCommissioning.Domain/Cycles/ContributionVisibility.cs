namespace CoproCommissioning.Domain.Cycles;

/// <summary>Who may read a contribution: the person who gave it chooses (R7).</summary>
public enum ContributionVisibility
{
    /// <summary>Every member of the cycle.</summary>
    Everyone,

    /// <summary>The commissioner, the co-production champion and clinical advisers; and always the person whose input it is.</summary>
    CommissioningTeam,
}
