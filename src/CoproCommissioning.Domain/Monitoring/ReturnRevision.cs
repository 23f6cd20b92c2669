using CoproCommissioning.Domain.Specification;

namespace CoproCommissioning.Domain.Monitoring;

/// <summary>
/// One revision of a return: the first as written and submitted, and each correction after it with the reason it was
/// needed. A submitted revision never changes; a correction starts as a copy of the one before.
/// </summary>
public sealed class ReturnRevision
{
    public const int EvidenceMaxLength = 4000;
    public const int NoteMaxLength = 1000;
    public const int CoProductionEvidenceMaxLength = 8000;
    public const int ForumMinutesMaxLength = 20000;
    public const int ExceptionsMaxLength = 8000;
    public const int ReasonMaxLength = 2000;

    private readonly List<ReturnOutcomeRating> _ratings = [];
    private readonly List<ReturnKpiValue> _kpiValues = [];

    private ReturnRevision() { }

    internal ReturnRevision(int number, string? reason, string userId, DateTimeOffset now)
    {
        Number = number;
        Reason = reason;
        StartedByUserId = userId;
        StartedAt = now;
        LastSavedByUserId = userId;
        LastSavedAt = now;
    }

    /// <summary>1 for the return as first written; each correction is the next number.</summary>
    public int Number { get; private set; }

    /// <summary>Why the submitted return was corrected; null for the first revision.</summary>
    public string? Reason { get; private set; }

    public IReadOnlyList<ReturnOutcomeRating> Ratings => _ratings;

    public IReadOnlyList<ReturnKpiValue> KpiValues => _kpiValues;

    /// <summary>What people who use the service changed this period, in the provider's words.</summary>
    public string CoProductionEvidence { get; private set; } = "";

    /// <summary>Minutes of the provider's lived-experience forum, as text.</summary>
    public string ForumMinutes { get; private set; } = "";

    /// <summary>What did not go to plan, and what is being done about it.</summary>
    public string Exceptions { get; private set; } = "";

    public string StartedByUserId { get; private set; } = "";

    public DateTimeOffset StartedAt { get; private set; }

    public string LastSavedByUserId { get; private set; } = "";

    public DateTimeOffset LastSavedAt { get; private set; }

    public string? SubmittedByUserId { get; private set; }

    public DateTimeOffset? SubmittedAt { get; private set; }

    public bool IsSubmitted => SubmittedAt is not null;

    public ReturnOutcomeRating? RatingFor(Guid outcomeId) => _ratings.SingleOrDefault(r => r.OutcomeId == outcomeId);

    public ReturnKpiValue? ValueFor(Guid kpiId) => _kpiValues.SingleOrDefault(v => v.KpiId == kpiId);

    internal ReturnRevision Correction(string reason, string userId, DateTimeOffset now)
    {
        var correction = new ReturnRevision(Number + 1, reason, userId, now)
        {
            CoProductionEvidence = CoProductionEvidence,
            ForumMinutes = ForumMinutes,
            Exceptions = Exceptions,
        };
        correction._ratings.AddRange(_ratings.Select(r => new ReturnOutcomeRating(r.OutcomeId, r.Rating, r.Evidence)));
        correction._kpiValues.AddRange(_kpiValues.Select(v => new ReturnKpiValue(v.KpiId, v.Value, v.Note)));
        return correction;
    }

    internal void Save(ReturnDraft draft, string userId, DateTimeOffset now)
    {
        foreach (var (outcomeId, report) in draft.Outcomes)
        {
            _ratings.RemoveAll(r => r.OutcomeId == outcomeId);
            _ratings.Add(new ReturnOutcomeRating(outcomeId, report.Rating, TextInput.Clean(report.Evidence)));
        }

        foreach (var (kpiId, report) in draft.Kpis)
        {
            _kpiValues.RemoveAll(v => v.KpiId == kpiId);
            _kpiValues.Add(new ReturnKpiValue(kpiId, report.Value, TextInput.Clean(report.Note)));
        }

        CoProductionEvidence = TextInput.Clean(draft.CoProductionEvidence);
        ForumMinutes = TextInput.Clean(draft.ForumMinutes);
        Exceptions = TextInput.Clean(draft.Exceptions);
        LastSavedByUserId = userId;
        LastSavedAt = now;
    }

    internal void Submit(string userId, DateTimeOffset now)
    {
        SubmittedByUserId = userId;
        SubmittedAt = now;
    }
}

/// <summary>A provider's rating of one outcome of the contract, and its evidence; the rating may be left out of a draft.</summary>
public sealed class ReturnOutcomeRating
{
    private ReturnOutcomeRating() { }

    internal ReturnOutcomeRating(Guid outcomeId, RatingLevel? rating, string evidence)
    {
        OutcomeId = outcomeId;
        Rating = rating;
        Evidence = evidence;
    }

    public Guid OutcomeId { get; private set; }

    public RatingLevel? Rating { get; private set; }

    public string Evidence { get; private set; } = "";
}

/// <summary>A provider's value for one KPI of the contract, with a note; the value may be left out of a draft.</summary>
public sealed class ReturnKpiValue
{
    private ReturnKpiValue() { }

    internal ReturnKpiValue(Guid kpiId, decimal? value, string note)
    {
        KpiId = kpiId;
        Value = value;
        Note = note;
    }

    public Guid KpiId { get; private set; }

    public decimal? Value { get; private set; }

    public string Note { get; private set; } = "";
}
