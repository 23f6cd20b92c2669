namespace CoproCommissioning.Domain.Cycles;

/// <summary>What a contribution is about. <c>default</c> is "nothing in particular".</summary>
public readonly record struct ContributionTarget(TargetKind Kind, Guid? Id)
{
    public static ContributionTarget None => default;

    public static ContributionTarget ForDecision(Guid decisionId) => new(TargetKind.Decision, decisionId);

    public static ContributionTarget ForSpecificationSection(Guid sectionId) => new(TargetKind.SpecificationSection, sectionId);

    public static ContributionTarget ForCoDesignSession(Guid sessionId) => new(TargetKind.CoDesignSession, sessionId);

    public static ContributionTarget ForSpecificationOutcome(Guid outcomeSnapshotId) => new(TargetKind.SpecificationOutcome, outcomeSnapshotId);
}
