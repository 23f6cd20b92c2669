using CoproCommissioning.Domain.Monitoring;
using CoproCommissioning.Web.Pages.Cycles.Monitoring.Outcomes;

namespace CoproCommissioning.Web.Pages.Cycles.Monitoring.Reviews;

/// <summary>
/// The review pages: loading the contract and one of its reviews (a review of another cycle's contract is not found),
/// the choices a review form offers (the cycle's members and the periods that have started), and saving a change with
/// the contract's version check, so two commissioners changing it at once are told rather than overwritten (R8).
/// </summary>
public abstract class ReviewsPageModel(CoproDbContext db, TimeProvider clock) : MonitoringPageModel
{
    public const string HeldOnUnreadable = "The date the review was held must be a real date, for example 9 7 2026.";

    public const string UnknownParticipantMessage = "Choose who took part from the list of members. Someone you chose is no longer a member.";

    protected CoproDbContext Db => db;

    protected TimeProvider Clock => clock;

    /// <summary>The contract; null until it is made from the award, when the page says so.</summary>
    public CycleMonitoring? Monitoring { get; protected set; }

    /// <summary>The cycle's members, to choose who took part from.</summary>
    public IReadOnlyList<CycleMemberRow> Members { get; private set; } = [];

    /// <summary>The periods a review can look at: those that have started, and any a review already names.</summary>
    public IReadOnlyList<ReportingPeriod> Periods { get; private set; } = [];

    public string ReviewsUrl => MonitoringUrls.Reviews(CycleId);

    /// <summary>Someone else changed the contract first: <see cref="Monitoring"/> is now what they saved, to compare with what was typed.</summary>
    public bool HadConflict { get; private set; }

    protected async Task LoadChoicesAsync(CycleMonitoring monitoring, IEnumerable<Guid> chosenPeriods, CancellationToken ct)
    {
        Members = await CycleMemberRow.LoadAsync(db, CycleId, UserId, ct);
        var today = UkTime.Today(clock.GetUtcNow());
        var chosen = chosenPeriods.ToHashSet();
        Periods = [.. monitoring.Periods.Where(p => p.HasStarted(today) || chosen.Contains(p.Id))];
    }

    /// <summary>
    /// What the form says, as the domain takes it: members chosen as their accounts and roles. <paramref name="kept"/>:
    /// people recorded as taking part who are no longer members, so not on the form; they stay on the record.
    /// </summary>
    protected ReviewDraft Draft(ReviewForm form, IEnumerable<DecisionParticipant>? kept = null)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (!form.HeldOn.IsEmpty && !form.HeldOn.TryGetDate(out _))
        {
            ModelState.AddModelError($"Form.{nameof(ReviewForm.HeldOn)}", HeldOnUnreadable);
        }

        if (form.Participants.Any(id => Members.Find(id) is null))
        {
            ModelState.AddModelError($"Form.{nameof(ReviewForm.Participants)}", UnknownParticipantMessage);
        }

        return new ReviewDraft(
            form.HeldOn.TryGetDate(out var heldOn) ? heldOn : null,
            [.. form.Participants.Select(id => Members.Find(id)).OfType<CycleMemberRow>().Select(m => new DecisionParticipant(m.UserId, m.Role)),
                .. kept ?? []],
            form.OthersPresent,
            form.Minutes,
            form.PeriodIds);
    }

    /// <summary>
    /// Applies <paramref name="change"/> to the contract loaded for change, as it was at <paramref name="version"/> when
    /// given (what the person started editing from), and saves it into the monitoring stage. False when it was refused
    /// or someone else changed the contract first (<see cref="HadConflict"/>): the page shows the form again with what
    /// was typed and what to fix.
    /// </summary>
    protected async Task<bool> SaveAsync(
        CommissioningCycle cycle, CycleMonitoring monitoring, uint? version, Func<DateTimeOffset, DomainOutcome> change, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(monitoring);
        if (version is { } started)
        {
            db.Entry(monitoring).Property(m => m.Version).OriginalValue = started;
        }

        var now = clock.GetUtcNow();
        // Both review forms bind as "Form", so each refusal lands beside its field.
        ModelState.AddErrors(change(now), "Form");
        if (!ModelState.IsValid)
        {
            return false;
        }

        var saved = await SaveIntoStageAsync(db, cycle, now, ct);
        if (saved.Status == SaveStatus.Conflict)
        {
            ModelState.AddConcurrencyError();
            db.ChangeTracker.Clear();
            Monitoring = await LoadMonitoringAsync(db, forChange: false, ct) ?? monitoring;
            HadConflict = true;
        }

        return saved.Succeeded;
    }
}

/// <summary>A review meeting as typed; property names are the domain's fields. The date is kept as typed.</summary>
public sealed record ReviewForm
{
    public DateParts HeldOn { get; init; } = new();

    /// <summary>Members who took part, by <see cref="CycleMemberRow.MemberId"/>.</summary>
    public List<Guid> Participants { get; init; } = [];

    public string OthersPresent { get; init; } = "";

    public string Minutes { get; init; } = "";

    public List<Guid> PeriodIds { get; init; } = [];

    /// <summary>The contract's version when the person opened the form (R8).</summary>
    public uint Version { get; init; }

    public static ReviewForm From(Review review, IReadOnlyList<CycleMemberRow> members, uint version)
    {
        ArgumentNullException.ThrowIfNull(review);
        return new()
        {
            HeldOn = DateParts.From(review.HeldOn),
            Participants = [.. members.Where(m => review.Participants.Any(p => p.UserId == m.UserId)).Select(m => m.MemberId)],
            OthersPresent = review.OthersPresent,
            Minutes = review.Minutes,
            PeriodIds = [.. review.PeriodIds],
            Version = version,
        };
    }
}

/// <summary>The review's decision as typed: the decision in the monitoring stage, what it decided, and for decommissioning the plan.</summary>
public sealed record ReviewDecisionForm
{
    public Guid? DecisionId { get; init; }

    public ReviewDecisionType? Type { get; init; }

    public string ImpactOnCurrentUsers { get; init; } = "";

    public string TransitionPlan { get; init; } = "";

    public string EngagementTest { get; init; } = "";

    public string PatientChoiceTest { get; init; } = "";

    public string ClinicalEvidenceTest { get; init; } = "";

    public string ClinicalCommissionerSupportTest { get; init; } = "";

    public List<Guid> CitedReturnIds { get; init; } = [];

    public List<Guid> CitedRatingIds { get; init; } = [];

    public uint Version { get; init; }

    public ReviewDecisionDraft ToDraft() => new(DecisionId, Type, Type == ReviewDecisionType.Decommission
        ? new DecommissionPlan(ImpactOnCurrentUsers, TransitionPlan, EngagementTest, PatientChoiceTest, ClinicalEvidenceTest, ClinicalCommissionerSupportTest)
        : null)
    {
        CitedReturnIds = CitedReturnIds,
        CitedRatingIds = CitedRatingIds,
    };

    public static ReviewDecisionForm From(Review review, uint version)
    {
        ArgumentNullException.ThrowIfNull(review);
        return new()
        {
            DecisionId = review.DecisionId,
            Type = review.DecisionType,
            ImpactOnCurrentUsers = review.ImpactOnCurrentUsers ?? "",
            TransitionPlan = review.TransitionPlan ?? "",
            EngagementTest = review.EngagementTest ?? "",
            PatientChoiceTest = review.PatientChoiceTest ?? "",
            ClinicalEvidenceTest = review.ClinicalEvidenceTest ?? "",
            ClinicalCommissionerSupportTest = review.ClinicalCommissionerSupportTest ?? "",
            CitedReturnIds = [.. review.Citations.Where(c => c.Kind == ReviewSourceKind.ProviderReturn).Select(c => c.SourceId)],
            CitedRatingIds = [.. review.Citations.Where(c => c.Kind == ReviewSourceKind.PanelRating).Select(c => c.SourceId)],
            Version = version,
        };
    }
}

/// <summary>The review pages' addresses beyond the list, which <see cref="MonitoringUrls.Reviews"/> gives.</summary>
public static class ReviewsUrls
{
    public static string New(Guid cycleId) => $"{MonitoringUrls.Reviews(cycleId)}/new";

    public static string Review(Guid cycleId, Guid reviewId) => $"{MonitoringUrls.Reviews(cycleId)}/{reviewId}";

    public static string Edit(Guid cycleId, Guid reviewId) => $"{Review(cycleId, reviewId)}/edit";

    /// <summary>Where a commissioner records a decision in the monitoring stage for a review to end in; it comes back to the review.</summary>
    public static string RecordDecision(Guid cycleId, Guid reviewId) =>
        $"/cycles/{cycleId}/stages/{StageKind.Monitoring.ToSlug()}/decisions/new?review={reviewId}";

    public static string Decision(Guid cycleId, Guid decisionId) => $"/cycles/{cycleId}/stages/{StageKind.Monitoring.ToSlug()}/decisions/{decisionId}";
}

/// <summary>The words the review pages use for what a review decided and the periods it looked at.</summary>
public static class ReviewLabels
{
    public static string Of(ReviewDecisionType type) => type switch
    {
        ReviewDecisionType.Continue => "Continue the service",
        ReviewDecisionType.Vary => "Vary the contract",
        ReviewDecisionType.Extend => "Extend the contract",
        ReviewDecisionType.Decommission => "Decommission the service",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    public static string Hint(ReviewDecisionType type) => type switch
    {
        ReviewDecisionType.Continue => "Carry on as the contract says.",
        ReviewDecisionType.Vary => "Change what the contract asks for, for example an outcome's measure, a KPI's target or the value.",
        ReviewDecisionType.Extend => "Use one of the contract's extension options.",
        ReviewDecisionType.Decommission => "End the service. Say below what it means for people using it now and how the four tests for a service change were met.",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    /// <summary>"No decision yet", or what the review decided.</summary>
    public static string Decision(Review review)
    {
        ArgumentNullException.ThrowIfNull(review);
        return review.DecisionType is { } type ? Of(type) : "No decision yet";
    }

    /// <summary>"Period 1 (1 April to 30 June 2026)".</summary>
    public static string Period(ReportingPeriod period)
    {
        ArgumentNullException.ThrowIfNull(period);
        return $"Period {period.Number} ({OutcomeWords.Dates(period.StartsOn, period.EndsOn)})";
    }

    /// <summary>The periods a review looked at, in order, in words.</summary>
    public static IReadOnlyList<string> Periods(CycleMonitoring monitoring, Review review)
    {
        ArgumentNullException.ThrowIfNull(monitoring);
        ArgumentNullException.ThrowIfNull(review);
        return [.. review.PeriodIds.Select(monitoring.FindPeriod).OfType<ReportingPeriod>().OrderBy(p => p.StartsOn).Select(Period)];
    }
}
