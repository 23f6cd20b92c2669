using System.Linq.Expressions;
using CoproCommissioning.Domain.Membership;
using CoproCommissioning.Domain.Specification;

namespace CoproCommissioning.Domain.Monitoring;

/// <summary>
/// One lived-experience panel member's ratings of the contract's outcomes for one reporting period, from their side:
/// a rating and what it's like for each outcome they rate. Given by the member online, or logged on their behalf by the
/// champion or a commissioner with the day and the way it was gathered, as input is. The member chooses who reads it:
/// everyone in the cycle, or the commissioning team only (R7). Its own aggregate, so members rating at once never clash.
/// </summary>
public sealed class PanelRating
{
    private readonly List<PanelOutcomeRating> _ratings = [];

    private PanelRating() { }

    private PanelRating(
        CycleMonitoring monitoring, Guid periodId, string memberUserId, string? recordedByUserId, DateOnly? gatheredOn, Channel channel, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7();
        MonitoringId = monitoring.Id;
        CycleId = monitoring.CycleId;
        PeriodId = periodId;
        MemberUserId = memberUserId;
        RecordedByUserId = recordedByUserId;
        GatheredOn = gatheredOn;
        Channel = channel;
        CreatedAt = now;
    }

    public Guid Id { get; private set; }

    public Guid MonitoringId { get; private set; }

    public Guid CycleId { get; private set; }

    public Guid PeriodId { get; private set; }

    /// <summary>The panel member whose ratings these are.</summary>
    public string MemberUserId { get; private set; } = "";

    /// <summary>Who logged them on the member's behalf; null when the member gave them themself.</summary>
    public string? RecordedByUserId { get; private set; }

    /// <summary>For ratings logged on the member's behalf, the day they were gathered; null for the member's own.</summary>
    public DateOnly? GatheredOn { get; private set; }

    public Channel Channel { get; private set; }

    public ContributionVisibility Visibility { get; private set; }

    public IReadOnlyList<PanelOutcomeRating> Ratings => _ratings;

    public DateTimeOffset CreatedAt { get; private set; }

    public string LastChangedByUserId { get; private set; } = "";

    public DateTimeOffset LastChangedAt { get; private set; }

    /// <summary>Concurrency token, mapped to PostgreSQL xmin; the domain never sets it.</summary>
    public uint Version { get; private set; }

    public bool IsLoggedOnBehalf => RecordedByUserId is not null;

    public PanelOutcomeRating? RatingFor(Guid outcomeId) => _ratings.SingleOrDefault(r => r.OutcomeId == outcomeId);

    /// <summary>
    /// The ratings a member may read, as a query filter: the commissioning team reads all; anyone else reads those
    /// shared with everyone, and their own. Team-only ratings still count for divergence and sign-off.
    /// </summary>
    public static Expression<Func<PanelRating, bool>> VisibleTo(string viewerUserId, CycleRole role)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(viewerUserId);
        Guard.Defined(role);
        return CyclePermissions.Allows(role, CycleOperation.ReadTeamOnlyInput)
            ? r => true
            : r => r.Visibility == ContributionVisibility.Everyone || r.MemberUserId == viewerUserId;
    }

    public bool MayBeReadBy(string viewerUserId, CycleRole role) => VisibleTo(viewerUserId, role).Compile()(this);

    /// <summary>A panel member rates the outcomes for a period that has begun, as their own input.</summary>
    public static DomainOutcome<PanelRating> Give(
        CommissioningCycle cycle, CycleMonitoring monitoring, Guid periodId, PanelRatingDraft draft, bool memberHasRating,
        string actorUserId, CycleRole actorRole, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(monitoring);
        var refusals = CheckNew(cycle, monitoring, periodId, draft, memberHasRating, actorUserId, actorRole, now);
        if (!CyclePermissions.Allows(actorRole, CycleOperation.GiveLivedExperienceInput))
        {
            refusals.Insert(0, new Refusal(MonitoringRules.PanelMembersOnlyRate));
        }

        if (refusals.Count > 0)
        {
            return DomainOutcome.Refused<PanelRating>(refusals);
        }

        var rating = new PanelRating(monitoring, periodId, actorUserId, null, null, Channel.Online, now);
        rating.Apply(draft, actorUserId, now);
        return DomainOutcome.Success(rating);
    }

    /// <summary>
    /// The champion or a commissioner logs a panel member's ratings gathered at a forum or by phone, with the day and
    /// the way they were gathered. A choice not made, or a date that could not be read, is null.
    /// </summary>
    public static DomainOutcome<PanelRating> LogOnBehalf(
        CommissioningCycle cycle, CycleMonitoring monitoring, Guid periodId, Contributor member, PanelRatingDraft draft, GatheredRatings gathered,
        bool memberHasRating, string actorUserId, CycleRole actorRole, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(monitoring);
        ArgumentNullException.ThrowIfNull(member);
        ArgumentNullException.ThrowIfNull(gathered);
        Guard.Defined(member.Role);
        if (string.IsNullOrWhiteSpace(member.UserId) || member.UserId == actorUserId)
        {
            throw new ArgumentException("Pass the panel member whose ratings these are; members give their own with Give.", nameof(member));
        }

        var refusals = CheckNew(cycle, monitoring, periodId, draft, memberHasRating, actorUserId, actorRole, now);
        CheckOnBehalf(refusals, gathered, actorRole, now);
        if (!CyclePermissions.Allows(member.Role, CycleOperation.GiveLivedExperienceInput))
        {
            refusals.Add(new Refusal(MonitoringRules.RatingsForPanelMembersOnly));
        }

        if (refusals.Count > 0)
        {
            return DomainOutcome.Refused<PanelRating>(refusals);
        }

        var rating = new PanelRating(monitoring, periodId, member.UserId, actorUserId, gathered.GatheredOn, gathered.Channel!.Value, now);
        rating.Apply(draft, actorUserId, now);
        return DomainOutcome.Success(rating);
    }

    /// <summary>
    /// The member changes their ratings, or the champion or a commissioner changes ones logged on the member's behalf
    /// (with <paramref name="gathered"/> saying when the new ones were gathered). Ratings left out are no longer given.
    /// </summary>
    public DomainOutcome Revise(
        CommissioningCycle cycle, CycleMonitoring monitoring, PanelRatingDraft draft, GatheredRatings? gathered,
        string actorUserId, CycleRole actorRole, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(monitoring);
        StageContent.CheckCycle(cycle, CycleId);
        if (monitoring.Id != MonitoringId)
        {
            throw new ArgumentException($"Rating {Id} is not part of monitoring {monitoring.Id}.", nameof(monitoring));
        }

        var refusals = CycleMonitoring.CheckStage(cycle, actorUserId, actorRole, now);
        var own = actorUserId == MemberUserId;
        if (own && !CyclePermissions.Allows(actorRole, CycleOperation.GiveLivedExperienceInput))
        {
            refusals.Insert(0, new Refusal(MonitoringRules.PanelMembersOnlyRate));
        }
        else if (!own)
        {
            CheckOnBehalf(refusals, gathered ?? new GatheredRatings(GatheredOn, Channel), actorRole, now);
        }

        CheckDraft(refusals, monitoring, draft);
        if (refusals.Count > 0)
        {
            return DomainOutcome.Refused(refusals);
        }

        if (!own && gathered is not null)
        {
            GatheredOn = gathered.GatheredOn;
            Channel = gathered.Channel!.Value;
        }

        Apply(draft, actorUserId, now);
        return DomainOutcome.Success();
    }

    private static List<Refusal> CheckNew(
        CommissioningCycle cycle, CycleMonitoring monitoring, Guid periodId, PanelRatingDraft draft, bool memberHasRating,
        string actorUserId, CycleRole actorRole, DateTimeOffset now)
    {
        StageContent.CheckCycle(cycle, monitoring.CycleId);
        var refusals = CycleMonitoring.CheckStage(cycle, actorUserId, actorRole, now);
        monitoring.CheckStartedPeriod(refusals, periodId, now);
        if (memberHasRating)
        {
            refusals.Add(new Refusal(MonitoringRules.MemberHasRating));
        }

        CheckDraft(refusals, monitoring, draft);
        return refusals;
    }

    private static void CheckOnBehalf(List<Refusal> refusals, GatheredRatings gathered, CycleRole actorRole, DateTimeOffset now)
    {
        if (!CyclePermissions.Allows(actorRole, CycleOperation.LogOnBehalf))
        {
            refusals.Insert(0, new Refusal(CycleRules.OnBehalfNeedsChampionOrCommissioner));
        }

        if (gathered.GatheredOn is not { } gatheredOn)
        {
            refusals.Add(new Refusal(CycleRules.GatheredOnRequired));
        }
        // A day's grace keeps "today" valid in every UK time zone offset, as for input logged on behalf.
        else if (gatheredOn > DateOnly.FromDateTime(now.UtcDateTime).AddDays(1))
        {
            refusals.Add(new Refusal(CycleRules.GatheredOnInFuture));
        }

        ChoiceInput.Check(refusals, gathered.Channel, CycleRules.ContributionChannelRequired);
    }

    private static void CheckDraft(List<Refusal> refusals, CycleMonitoring monitoring, PanelRatingDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(draft.Outcomes);
        ChoiceInput.Check(refusals, draft.Visibility, MonitoringRules.RatingVisibilityRequired);
        foreach (var (outcomeId, report) in draft.Outcomes)
        {
            ArgumentNullException.ThrowIfNull(report);
            if (monitoring.FindOutcome(outcomeId) is not { } outcome)
            {
                refusals.Add(new Refusal(MonitoringRules.OutcomeNotInContract, outcomeId));
                continue;
            }

            if (report.Rating is { } rating)
            {
                Guard.Defined(rating);
            }

            var words = TextInput.Clean(report.WhatItsLike);
            if (report.Rating is null && words.Length > 0)
            {
                refusals.Add(Refusal.ForItem(MonitoringRules.PanelRatingRequired(outcome.Statement), outcomeId));
            }

            if (words.Length > PanelOutcomeRating.WhatItsLikeMaxLength)
            {
                refusals.Add(Refusal.ForItem(MonitoringRules.WhatItsLikeTooLong, outcomeId));
            }
        }

        if (!draft.Outcomes.Values.Any(r => r.Rating is not null))
        {
            refusals.Add(new Refusal(MonitoringRules.NothingRated));
        }
    }

    private void Apply(PanelRatingDraft draft, string actorUserId, DateTimeOffset now)
    {
        Visibility = draft.Visibility!.Value;
        _ratings.Clear();
        _ratings.AddRange(draft.Outcomes
            .Where(o => o.Value.Rating is not null)
            .Select(o => new PanelOutcomeRating(o.Key, o.Value.Rating!.Value, TextInput.Clean(o.Value.WhatItsLike))));
        LastChangedByUserId = actorUserId;
        LastChangedAt = now;
    }
}

/// <summary>A panel member's rating of one outcome, and what it's like from their side in their own words.</summary>
public sealed class PanelOutcomeRating
{
    public const int WhatItsLikeMaxLength = 4000;

    private PanelOutcomeRating() { }

    internal PanelOutcomeRating(Guid outcomeId, RatingLevel rating, string whatItsLike)
    {
        OutcomeId = outcomeId;
        Rating = rating;
        WhatItsLike = whatItsLike;
    }

    public Guid OutcomeId { get; private set; }

    public RatingLevel Rating { get; private set; }

    public string WhatItsLike { get; private set; } = "";
}
