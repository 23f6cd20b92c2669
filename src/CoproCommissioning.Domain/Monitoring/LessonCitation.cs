namespace CoproCommissioning.Domain.Monitoring;

/// <summary>A contribution, provider return or panel rating of the cycle that taught a lesson, by id.</summary>
public sealed record LessonCitation(LessonSourceKind Kind, Guid SourceId);
