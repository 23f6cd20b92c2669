namespace CoproCommissioning.Domain.Monitoring;

/// <summary>
/// A review meeting of the contract: when, who took part, the minutes, the periods it looked at, and its decision:
/// a <see cref="Decision"/> in the monitoring stage, named by id, with what it decided about the contract.
/// </summary>
public sealed class Review
{
    public const int OthersPresentMaxLength = 1000;
    public const int MinutesMaxLength = 20000;
    public const int DecommissionTextMaxLength = 4000;

    private readonly List<DecisionParticipant> _participants = [];
    private List<Guid> _periodIds = [];
    private List<ReviewCitation> _citations = [];

    private Review() { }

    internal Review(string recordedByUserId, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7();
        RecordedByUserId = recordedByUserId;
        RecordedAt = now;
    }

    public Guid Id { get; private set; }

    public DateOnly HeldOn { get; private set; }

    public IReadOnlyList<DecisionParticipant> Participants => _participants;

    /// <summary>People there without an account, in the commissioner's words: "2 members of the provider's forum".</summary>
    public string OthersPresent { get; private set; } = "";

    public string Minutes { get; private set; } = "";

    public IReadOnlyList<Guid> PeriodIds => _periodIds;

    public string RecordedByUserId { get; private set; } = "";

    public DateTimeOffset RecordedAt { get; private set; }

    /// <summary>The decision in the monitoring stage this review ended in; null until it is decided.</summary>
    public Guid? DecisionId { get; private set; }

    public ReviewDecisionType? DecisionType { get; private set; }

    public string? ImpactOnCurrentUsers { get; private set; }

    public string? TransitionPlan { get; private set; }

    public string? EngagementTest { get; private set; }

    public string? PatientChoiceTest { get; private set; }

    public string? ClinicalEvidenceTest { get; private set; }

    public string? ClinicalCommissionerSupportTest { get; private set; }

    /// <summary>The providers' returns and the panel's ratings the decision rests on, once decided.</summary>
    public IReadOnlyList<ReviewCitation> Citations => _citations;

    public string? DecidedByUserId { get; private set; }

    public DateTimeOffset? DecidedAt { get; private set; }

    public bool IsDecided => DecisionId is not null;

    internal void Apply(ReviewDraft draft)
    {
        HeldOn = draft.HeldOn!.Value;
        _participants.Clear();
        _participants.AddRange(draft.Participants.Select(p => new DecisionParticipant(p.UserId, p.Role)));
        OthersPresent = TextInput.Clean(draft.OthersPresent);
        Minutes = TextInput.Clean(draft.Minutes);
        _periodIds = [.. draft.PeriodIds.Distinct()];
    }

    internal void Decide(ReviewDecisionDraft draft, ReviewSources sources, string decidedByUserId, DateTimeOffset now)
    {
        DecisionId = draft.DecisionId;
        _citations =
        [
            .. draft.CitedReturnIds.Distinct().Select(id => new ReviewCitation(ReviewSourceKind.ProviderReturn, id, sources.SubmittedReturns[id])),
            .. draft.CitedRatingIds.Distinct().Select(id => new ReviewCitation(ReviewSourceKind.PanelRating, id, null)),
        ];
        DecisionType = draft.Type;
        var plan = draft.Type == ReviewDecisionType.Decommission ? draft.Decommissioning : null;
        ImpactOnCurrentUsers = CleanOrNull(plan?.ImpactOnCurrentUsers);
        TransitionPlan = CleanOrNull(plan?.TransitionPlan);
        EngagementTest = CleanOrNull(plan?.EngagementTest);
        PatientChoiceTest = CleanOrNull(plan?.PatientChoiceTest);
        ClinicalEvidenceTest = CleanOrNull(plan?.ClinicalEvidenceTest);
        ClinicalCommissionerSupportTest = CleanOrNull(plan?.ClinicalCommissionerSupportTest);
        DecidedByUserId = decidedByUserId;
        DecidedAt = now;
    }

    private static string? CleanOrNull(string? text) => text is null ? null : TextInput.Clean(text);
}
