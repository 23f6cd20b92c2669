namespace CoproCommissioning.Domain.Cycles;

/// <summary>
/// What the sign-off rules (R1, R3, R5) need to know about one stage's input and decisions, and nothing more: a few
/// counts and the ids of what is still wrong. The aggregate works them out from its own rows (<see cref="Of"/>); the
/// data layer can ask PostgreSQL for the same facts, so a stage with thousands of contributions is checked without
/// loading them. Either way <see cref="CommissioningCycle.SignOffBlockers(StageKind, SignOffFacts, IReadOnlyCollection{Refusal}?)"/>
/// applies the rules, so they live in one place.
/// </summary>
/// <param name="Stage">The stage these facts are about.</param>
/// <param name="SignerUserId">Who would sign off, for "not only from the signer" (R1); null when nobody is asking to.</param>
/// <param name="LivedExperienceContributions">R1: lived-experience and carer contributions, however many people each speaks for.</param>
/// <param name="DistinctLivedExperienceContributors">R1: how many different people that input comes from (<see cref="Cycles.Stage.DistinctLivedExperienceContributors"/>).</param>
/// <param name="OnlyLoggedBySigner">R1: there is lived-experience input and all of it was logged on someone's behalf by the signer.</param>
/// <param name="UnansweredLivedExperience">R3: lived-experience input nobody has answered yet, oldest first: all of it, or
/// the oldest few when the facts were read for a page that shows how many (<see cref="UnansweredLivedExperienceCount"/>).</param>
/// <param name="DecisionsToFix">R2 and R5: the stage's decisions that break a rule, in the order they were recorded.</param>
public sealed record SignOffFacts(
    StageKind Stage,
    string? SignerUserId,
    int LivedExperienceContributions,
    int DistinctLivedExperienceContributors,
    bool OnlyLoggedBySigner,
    IReadOnlyList<Guid> UnansweredLivedExperience,
    IReadOnlyList<DecisionFacts> DecisionsToFix)
{
    /// <summary>
    /// R3: how much lived-experience input nobody has answered yet, listed in <see cref="UnansweredLivedExperience"/> or
    /// not: a stage can have hundreds, and a page that shows only how many things stop the sign-off needs none of their ids.
    /// </summary>
    public int UnansweredLivedExperienceCount { get; init; } = UnansweredLivedExperience.Count;

    /// <summary>The facts as the aggregate's own rows state them: every contribution and decision of the stage must be loaded.</summary>
    public static SignOffFacts Of(CommissioningCycle cycle, StageKind kind, string? signerUserId)
    {
        ArgumentNullException.ThrowIfNull(cycle);
        var stage = cycle.StageOf(kind);
        var livedExperience = stage.LivedExperienceContributions.ToList();
        var decisions = stage.Decisions
            .OrderBy(d => d.RecordedAt).ThenBy(d => d.Id)
            .Select(d => new DecisionFacts(
                d.Id,
                d.HasParticipants,
                d.Mode,
                d.Influences.Any(i => cycle.FindContribution(i.ContributionId)?.IsLivedExperience == true),
                d.Rationale.Length > 0))
            .Where(d => d.BreaksARule)
            .ToList();
        return new SignOffFacts(
            kind,
            signerUserId,
            livedExperience.Count,
            stage.DistinctLivedExperienceContributors,
            signerUserId is not null && livedExperience.Count > 0 && livedExperience.All(c => c.IsLoggedOnBehalf && c.RecordedByUserId == signerUserId),
            [.. livedExperience.Where(c => c.CurrentResponse is null).OrderBy(c => c.CreatedAt).ThenBy(c => c.Id).Select(c => c.Id)],
            decisions);
    }
}

/// <summary>What the rules read of one decision (R2, R5).</summary>
public sealed record DecisionFacts(Guid Id, bool HasParticipants, DecisionMode Mode, bool ShapedByLivedExperience, bool HasRationale)
{
    public bool LacksParticipants => !HasParticipants;

    /// <summary>R2: a co-produced decision must name lived-experience input that shaped it.</summary>
    public bool CoProducedWithoutLivedExperience => Mode == DecisionMode.CoProduced && !ShapedByLivedExperience;

    /// <summary>R5: a decision not co-produced must say why.</summary>
    public bool LacksRationale => Mode != DecisionMode.CoProduced && !HasRationale;

    public bool BreaksARule => LacksParticipants || CoProducedWithoutLivedExperience || LacksRationale;
}
