namespace CoproCommissioning.Domain.Monitoring;

/// <summary>
/// A risk in the alliance's joint register: shared because the alliance shares risk and reward. One member owns it,
/// and the team reviews it by <see cref="ReviewOn"/>; a risk past that day without a review is overdue.
/// </summary>
public sealed class AllianceRisk
{
    public const int DescriptionMaxLength = 1000;
    public const int ActionsMaxLength = 2000;

    private AllianceRisk() { }

    internal AllianceRisk(string description, Guid ownerMemberId, int likelihood, int impact, string actions, DateOnly reviewOn,
        string userId, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7();
        AddedByUserId = userId;
        AddedAt = now;
        Update(description, ownerMemberId, likelihood, impact, actions, reviewOn, userId, now);
    }

    public Guid Id { get; private set; }

    public string Description { get; private set; } = "";

    public Guid OwnerMemberId { get; private set; }

    /// <summary>From 1 (rare) to 5 (almost certain).</summary>
    public int Likelihood { get; private set; }

    /// <summary>From 1 (very little harm) to 5 (severe).</summary>
    public int Impact { get; private set; }

    /// <summary>Likelihood times impact, from 1 to 25, so the register can be read worst first.</summary>
    public int Score => Likelihood * Impact;

    public string Actions { get; private set; } = "";

    /// <summary>The day the team will next review the risk.</summary>
    public DateOnly ReviewOn { get; private set; }

    public string AddedByUserId { get; private set; } = "";

    public DateTimeOffset AddedAt { get; private set; }

    /// <summary>The latest review, which the risk's addition counts as.</summary>
    public string LastReviewedByUserId { get; private set; } = "";

    public DateTimeOffset LastReviewedAt { get; private set; }

    public string? ClosingNote { get; private set; }

    public DateTimeOffset? ClosedAt { get; private set; }

    public bool IsClosed => ClosedAt is not null;

    /// <summary>Open and not reviewed by its review day, as of <paramref name="today"/> (in England).</summary>
    public bool IsReviewOverdue(DateOnly today) => !IsClosed && ReviewOn < today;

    internal void Update(string description, Guid ownerMemberId, int likelihood, int impact, string actions, DateOnly reviewOn,
        string userId, DateTimeOffset now)
    {
        Description = description;
        OwnerMemberId = ownerMemberId;
        Likelihood = likelihood;
        Impact = impact;
        Actions = actions;
        ReviewOn = reviewOn;
        LastReviewedByUserId = userId;
        LastReviewedAt = now;
    }

    internal void Close(string note, DateTimeOffset now)
    {
        ClosingNote = note;
        ClosedAt = now;
    }
}
