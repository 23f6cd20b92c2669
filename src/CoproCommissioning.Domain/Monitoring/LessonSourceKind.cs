namespace CoproCommissioning.Domain.Monitoring;

/// <summary>What a lesson learned can cite as the thing that taught it.</summary>
public enum LessonSourceKind
{
    Contribution,
    ProviderReturn,
    PanelRating,
}
