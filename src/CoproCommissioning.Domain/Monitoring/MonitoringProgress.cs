namespace CoproCommissioning.Domain.Monitoring;

/// <summary>
/// The facts about monitoring that its stage's sign-off reads (<see cref="CycleMonitoring.SignOffConditions"/>), worked
/// out by <see cref="CycleMonitoring.Progress"/>: reviews that ended in a decision, returns due but neither submitted nor
/// explained, and whether the panel rated the last period a review looked at (null when no review looked at one).
/// </summary>
public sealed record MonitoringProgress(int DecidedReviews, int ReturnsMissing, bool? PanelRatedLastReviewedPeriod);
