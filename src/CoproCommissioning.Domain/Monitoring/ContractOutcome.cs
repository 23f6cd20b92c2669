using CoproCommissioning.Domain.Specification;

namespace CoproCommissioning.Domain.Monitoring;

/// <summary>
/// An outcome of the approved specification's framework, copied into the contract as it read when the contract was
/// made, so later versions of the specification never change what providers report against.
/// </summary>
public sealed class ContractOutcome
{
    private ContractOutcome() { }

    internal ContractOutcome(OutcomeSnapshot snapshot)
    {
        OutcomeId = snapshot.OutcomeId;
        Position = snapshot.Position;
        Statement = snapshot.Statement;
        Domain = snapshot.Domain;
        Measure = snapshot.Measure;
        Levels = snapshot.Levels;
    }

    /// <summary>The outcome in every version of the specification; returns and ratings name it.</summary>
    public Guid OutcomeId { get; private set; }

    public int Position { get; private set; }

    /// <summary>The "I" statement: "I can get help before I reach crisis".</summary>
    public string Statement { get; private set; } = "";

    public OutcomeDomain Domain { get; private set; }

    public string Measure { get; private set; } = "";

    public RatingLevels Levels { get; private set; } = RatingLevels.Empty;
}
