namespace CoproCommissioning.Data.Notifications;

/// <summary>
/// Every kind of event a person can hear about. Stored by name; each kind's wording, audience and default lives in one
/// catalogue in the web project (NotificationCatalogue), so later stages add a kind there without touching the sender.
/// </summary>
public enum NotificationKind
{
    InvitedToCycle,
    CommentWindowOpened,
    CommentWindowClosing,
    InputAnswered,
    DecisionCitesInput,
    StageSignedOff,
    ScoringAssigned,
    ScoringDue,
    BidDeadlineApproaching,
    InputAwaitingResponse,
}

/// <summary>How a person wants to hear about one kind of event. Whatever they choose, it is on "What needs me".</summary>
public enum NotificationFrequency
{
    StraightAway,
    DailySummary,
    WeeklySummary,
    NotByEmail,
}
