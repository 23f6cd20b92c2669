namespace CoproCommissioning.Domain.Procurement;

/// <summary>
/// The facts about a procurement that its stage's sign-off reads (<see cref="CycleProcurement.SignOffConditions"/>),
/// worked out by <see cref="CycleProcurement.Progress"/>.
/// </summary>
public sealed record ProcurementProgress(
    ProcurementRoute? Route,
    bool BiddingOpened,
    bool PastDeadline,
    int SubmittedBids,
    int ScorecardsOutstanding,
    int Unmoderated,
    bool LivedExperienceScored,
    bool AwardRecorded,
    bool IntentionPublished,
    bool StandstillEnded,
    int RepresentationsUnanswered);
