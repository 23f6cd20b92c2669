namespace CoproCommissioning.Domain.Cycles;

public static class StageKindExtensions
{
    /// <summary>The stage's name as it reads mid-sentence: "Sign off <em>needs assessment</em>".</summary>
    public static string ToPlainWords(this StageKind kind) => kind switch
    {
        StageKind.NeedsAssessment => "needs assessment",
        StageKind.CoDesign => "co-design",
        StageKind.Specification => "specification",
        StageKind.Procurement => "procurement",
        StageKind.Monitoring => "monitoring",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a stage."),
    };
}
