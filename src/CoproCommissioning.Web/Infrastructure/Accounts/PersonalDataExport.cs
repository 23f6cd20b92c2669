using System.Text.Json;
using System.Text.Json.Serialization;
using CoproCommissioning.Data.Identity;
using CoproCommissioning.Data.Notifications;
using CoproCommissioning.Domain.CoDesign;
using CoproCommissioning.Domain.Procurement;
using CoproCommissioning.Domain.Specification;

namespace CoproCommissioning.Web.Infrastructure.Accounts;

/// <summary>
/// "Your data": everything the service holds about one person, as JSON they can keep (UK GDPR right of access
/// and data portability). Secrets (password hash, authenticator key, recovery codes) are left out.
/// </summary>
public sealed class PersonalDataExport(CoproDbContext db, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
    };

    public async Task<byte[]> ToJsonAsync(string userId, CancellationToken ct)
    {
        var export = await BuildAsync(userId, ct);
        return JsonSerializer.SerializeToUtf8Bytes(export, Json);
    }

    public async Task<PersonalData> BuildAsync(string userId, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);

        var account = await db.Users.AsNoTracking()
            .Where(u => u.Id == userId)
            .Select(u => new AccountData(
                u.Id,
                u.Email,
                u.UserName,
                u.EmailConfirmed,
                u.PhoneNumber,
                u.TwoFactorEnabled,
                u.DisplayName,
                u.ShowAsPanelMember,
                db.Organisations.Where(o => o.Id == u.OrganisationId).Select(o => o.Name).FirstOrDefault(),
                u.CommunicationPreferences,
                u.AccessNeeds,
                db.UserRoles.Where(r => r.UserId == u.Id)
                    .Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!)
                    .ToList()))
            .SingleOrDefaultAsync(ct)
            ?? throw new InvalidOperationException($"No account {userId}.");

        var memberships = await db.Memberships.AsNoTracking()
            .Where(m => m.UserId == userId)
            .Join(db.Cycles, m => m.CycleId, c => c.Id, (m, c) => new { Membership = m, c.Title })
            .OrderBy(x => x.Membership.JoinedAt)
            .Select(x => new MembershipData(x.Membership.CycleId, x.Title, x.Membership.Role, x.Membership.PanelVoice, x.Membership.JoinedAt))
            .ToListAsync(ct);

        var contributions = await (
                from contribution in db.Set<Contribution>().AsNoTracking()
                where contribution.AuthorUserId == userId
                join stage in db.Set<Stage>() on EF.Property<Guid>(contribution, "StageId") equals stage.Id
                join cycle in db.Cycles on EF.Property<Guid>(stage, "CycleId") equals cycle.Id
                orderby contribution.CreatedAt
                select new ContributionData(
                    contribution.Id,
                    cycle.Id,
                    cycle.Title,
                    contribution.StageKind,
                    contribution.Voice,
                    contribution.Channel,
                    contribution.Visibility,
                    contribution.Summary,
                    contribution.Body,
                    contribution.CreatedAt,
                    contribution.RecordedByUserId != null,
                    contribution.Responses
                        .OrderByDescending(r => r.Revision)
                        .Select(r => new ResponseData(r.Type, r.Explanation, r.RespondedAt))
                        .FirstOrDefault()))
            .ToListAsync(ct);

        var decisions = await (
                from decision in db.Set<Decision>().AsNoTracking()
                where decision.Participants.Any(p => p.UserId == userId)
                join stage in db.Set<Stage>() on EF.Property<Guid>(decision, "StageId") equals stage.Id
                join cycle in db.Cycles on EF.Property<Guid>(stage, "CycleId") equals cycle.Id
                orderby decision.DecidedAt
                select new DecisionData(
                    decision.Id,
                    cycle.Id,
                    cycle.Title,
                    decision.StageKind,
                    decision.Title,
                    decision.WhatWasDecided,
                    decision.Mode,
                    decision.DecidedAt,
                    decision.Participants.Where(p => p.UserId == userId).Select(p => p.Role).First()))
            .ToListAsync(ct);

        // Terms a person suggested for a cycle's glossary are in their own words too.
        var glossaryTerms = await (
                from term in db.GlossaryTerms.AsNoTracking()
                where term.ProposedByUserId == userId
                join cycle in db.Cycles on term.CycleId equals cycle.Id
                orderby term.ProposedAt
                select new GlossaryTermData(term.Id, cycle.Id, cycle.Title, term.Term, term.Meaning, term.Status, term.ProposedAt))
            .ToListAsync(ct);

        // Input the person typed in for someone else: theirs as the words of the record, not as their own views.
        var loggedForOthers = await (
                from contribution in db.Set<Contribution>().AsNoTracking()
                where contribution.RecordedByUserId == userId && contribution.AuthorUserId != userId
                join stage in db.Set<Stage>() on EF.Property<Guid>(contribution, "StageId") equals stage.Id
                join cycle in db.Cycles on EF.Property<Guid>(stage, "CycleId") equals cycle.Id
                orderby contribution.CreatedAt
                select new LoggedInputData(contribution.Id, cycle.Id, cycle.Title, contribution.StageKind, contribution.Voice,
                    contribution.VoicesCarried, contribution.Channel, contribution.Summary, contribution.Body, contribution.CreatedAt))
            .ToListAsync(ct);

        var responsesWritten = await (
                from contribution in db.Set<Contribution>().AsNoTracking()
                from response in contribution.Responses
                where response.RespondedByUserId == userId
                join stage in db.Set<Stage>() on EF.Property<Guid>(contribution, "StageId") equals stage.Id
                join cycle in db.Cycles on EF.Property<Guid>(stage, "CycleId") equals cycle.Id
                orderby response.RespondedAt
                select new ResponseWrittenData(response.Id, contribution.Id, cycle.Id, cycle.Title, contribution.StageKind,
                    response.Type, response.Explanation, response.RespondedAt))
            .ToListAsync(ct);

        var proposals = await (
                from proposal in db.ProviderProposals.AsNoTracking()
                where proposal.SubmittedByUserId == userId
                join cycle in db.Cycles on proposal.CycleId equals cycle.Id
                orderby proposal.SubmittedAt
                select new ProposalData(proposal.Id, cycle.Id, cycle.Title, proposal.Title, proposal.Summary, proposal.ProposedModel, proposal.SubmittedAt))
            .ToListAsync(ct);

        var sessions = await (
                from session in db.CoDesignSessions.AsNoTracking()
                where session.Attendees.Any(a => a.UserId == userId)
                join cycle in db.Cycles on session.CycleId equals cycle.Id
                orderby session.Date
                select new SessionData(session.Id, cycle.Id, cycle.Title, session.Title, session.Date, session.Format, session.Venue))
            .ToListAsync(ct);

        // A seat on an evaluation panel carries what the person declared about their own interests.
        var panels = await (
                from procurement in db.Procurements.AsNoTracking()
                from evaluator in procurement.Evaluators
                where evaluator.UserId == userId
                join cycle in db.Cycles on procurement.CycleId equals cycle.Id
                orderby evaluator.AddedAt
                select new EvaluatorData(cycle.Id, cycle.Title, evaluator.Role, evaluator.BriefedOn, evaluator.BriefedBy,
                    evaluator.DeclaredAt, evaluator.HasInterest, evaluator.Interest, evaluator.Action, evaluator.DeclarationAcceptedAt))
            .ToListAsync(ct);

        var scores = await ScoresGivenAsync(userId, ct);
        var panelRatings = await PanelRatingsGivenAsync(userId, ct);

        // What the person was told (it can quote answers to their input) and how they chose to hear about each kind.
        var notifications = await db.Notifications.AsNoTracking()
            .Where(n => n.UserId == userId)
            .OrderBy(n => n.CreatedAt)
            .Select(n => new NotificationData(n.Kind, n.CycleId, n.Title, n.Text, n.Link, n.Frequency, n.CreatedAt, n.EmailedAt))
            .ToListAsync(ct);
        var notificationChoices = await db.NotificationPreferences.AsNoTracking()
            .Where(p => p.UserId == userId)
            .OrderBy(p => p.Kind)
            .Select(p => new NotificationChoiceData(p.Kind, p.Frequency))
            .ToListAsync(ct);

        return new PersonalData(clock.GetUtcNow(), account, memberships, contributions, decisions, glossaryTerms,
            loggedForOthers, responsesWritten, proposals, sessions, panels, scores, panelRatings, notifications, notificationChoices);
    }

    /// <summary>
    /// The scores the person gave as an evaluator, with the comments that explain them: their own words, which may draw
    /// on their own experience of services. The criteria's names come from each procurement, read after the scores.
    /// </summary>
    private async Task<IReadOnlyList<ScoreGivenData>> ScoresGivenAsync(string userId, CancellationToken ct)
    {
        var rows = await (
                from scorecard in db.Scorecards.AsNoTracking()
                where scorecard.UserId == userId
                from score in scorecard.Scores
                join procurement in db.Procurements on scorecard.ProcurementId equals procurement.Id
                join cycle in db.Cycles on procurement.CycleId equals cycle.Id
                join bid in db.Bids on score.BidId equals bid.Id
                orderby score.ScoredAt
                select new
                {
                    ProcurementId = procurement.Id,
                    CycleId = cycle.Id,
                    cycle.Title,
                    Organisation = db.Organisations.Where(o => o.Id == bid.OrganisationId).Select(o => o.Name).FirstOrDefault(),
                    score.CriterionId,
                    score.Level,
                    score.Comment,
                    score.ScoredAt,
                    scorecard.SubmittedAt,
                })
            .ToListAsync(ct);
        if (rows.Count == 0)
        {
            return [];
        }

        var procurementIds = rows.Select(r => r.ProcurementId).Distinct().ToList();
        var criteria = (await db.Procurements.AsNoTracking().AsSplitQuery().Where(p => procurementIds.Contains(p.Id)).ToListAsync(ct))
            .SelectMany(p => p.Criteria)
            .ToDictionary(c => c.Id);
        return [.. rows.Select(r => new ScoreGivenData(
            r.CycleId,
            r.Title,
            r.Organisation ?? "",
            criteria.TryGetValue(r.CriterionId, out var criterion) ? criterion.Name : "",
            criterion?.Kind,
            r.Level,
            r.Comment,
            r.ScoredAt,
            r.SubmittedAt))];
    }

    /// <summary>
    /// The ratings the person gave as a panel member, each outcome with what it's like in their own words, whether they
    /// gave them or someone logged them on their behalf. The periods and outcomes come from each contract, read after the ratings.
    /// </summary>
    private async Task<IReadOnlyList<PanelRatingData>> PanelRatingsGivenAsync(string userId, CancellationToken ct)
    {
        var rows = await (
                from rating in db.PanelRatings.AsNoTracking()
                where rating.MemberUserId == userId
                join cycle in db.Cycles on rating.CycleId equals cycle.Id
                orderby rating.CreatedAt
                select new { Rating = rating, cycle.Title })
            .ToListAsync(ct);
        if (rows.Count == 0)
        {
            return [];
        }

        var monitoringIds = rows.Select(r => r.Rating.MonitoringId).Distinct().ToList();
        var monitorings = await db.Monitorings.AsNoTracking().AsSplitQuery().Where(m => monitoringIds.Contains(m.Id)).ToDictionaryAsync(m => m.Id, ct);
        return [.. rows.Select(r =>
        {
            var monitoring = monitorings[r.Rating.MonitoringId];
            var period = monitoring.FindPeriod(r.Rating.PeriodId);
            return new PanelRatingData(
                r.Rating.CycleId,
                r.Title,
                period?.Number,
                period?.StartsOn,
                period?.EndsOn,
                r.Rating.Visibility,
                r.Rating.IsLoggedOnBehalf,
                r.Rating.GatheredOn,
                r.Rating.Channel,
                r.Rating.CreatedAt,
                r.Rating.LastChangedAt,
                [.. r.Rating.Ratings.Select(o => new OutcomeRatingData(monitoring.FindOutcome(o.OutcomeId)?.Statement ?? "", o.Rating, o.WhatItsLike))]);
        })];
    }

    public sealed record PersonalData(
        DateTimeOffset ExportedAt,
        AccountData Account,
        IReadOnlyList<MembershipData> Memberships,
        IReadOnlyList<ContributionData> Contributions,
        IReadOnlyList<DecisionData> Decisions,
        IReadOnlyList<GlossaryTermData> GlossaryTermsYouSuggested,
        IReadOnlyList<LoggedInputData> InputYouLoggedForOthers,
        IReadOnlyList<ResponseWrittenData> ResponsesYouWrote,
        IReadOnlyList<ProposalData> ProposalsYouSubmitted,
        IReadOnlyList<SessionData> SessionsYouAttended,
        IReadOnlyList<EvaluatorData> EvaluationPanelsYouSitOn,
        IReadOnlyList<ScoreGivenData> ScoresYouGaveAsAnEvaluator,
        IReadOnlyList<PanelRatingData> PanelRatingsYouGave,
        IReadOnlyList<NotificationData> NotificationsSentToYou,
        IReadOnlyList<NotificationChoiceData> HowYouChoseToHearAboutThings);

    public sealed record NotificationData(NotificationKind Kind, Guid? CycleId, string Title, string Text, string Link,
        NotificationFrequency Frequency, DateTimeOffset RaisedAt, DateTimeOffset? EmailedAt);

    public sealed record NotificationChoiceData(NotificationKind Kind, NotificationFrequency Frequency);

    public sealed record AccountData(
        string Id,
        string? Email,
        string? UserName,
        bool EmailConfirmed,
        string? PhoneNumber,
        bool TwoFactorEnabled,
        string DisplayName,
        bool ShowAsPanelMember,
        string? Organisation,
        List<CommunicationPreference> CommunicationPreferences,
        string AccessNeeds,
        List<string> SiteRoles);

    public sealed record MembershipData(Guid CycleId, string CycleTitle, CycleRole Role, Voice? PanelVoice, DateTimeOffset JoinedAt);

    public sealed record ContributionData(
        Guid Id,
        Guid CycleId,
        string CycleTitle,
        StageKind Stage,
        Voice Voice,
        Channel Channel,
        ContributionVisibility SharedWith,
        string Summary,
        string Body,
        DateTimeOffset CreatedAt,
        bool LoggedOnYourBehalf,
        ResponseData? CurrentResponse);

    public sealed record ResponseData(ResponseType Type, string Explanation, DateTimeOffset RespondedAt);

    public sealed record DecisionData(
        Guid Id,
        Guid CycleId,
        string CycleTitle,
        StageKind Stage,
        string Title,
        string WhatWasDecided,
        DecisionMode Mode,
        DateTimeOffset DecidedAt,
        CycleRole YourRole);

    /// <summary>A term the person suggested; <see cref="Status"/> says whether a commissioner has agreed it (possibly reworded).</summary>
    public sealed record GlossaryTermData(
        Guid Id, Guid CycleId, string CycleTitle, string Term, string Meaning, GlossaryTermStatus Status, DateTimeOffset SuggestedAt);

    /// <summary>Input the person logged on someone else's behalf, with the voice it carries (not whose it was).</summary>
    public sealed record LoggedInputData(
        Guid Id, Guid CycleId, string CycleTitle, StageKind Stage, Voice Voice, int VoicesCarried, Channel Channel,
        string Summary, string Body, DateTimeOffset LoggedAt);

    public sealed record ResponseWrittenData(
        Guid Id, Guid ContributionId, Guid CycleId, string CycleTitle, StageKind Stage, ResponseType Type, string Explanation,
        DateTimeOffset RespondedAt);

    public sealed record ProposalData(
        Guid Id, Guid CycleId, string CycleTitle, string Title, string Summary, string ProposedModel, DateTimeOffset SubmittedAt);

    public sealed record SessionData(Guid Id, Guid CycleId, string CycleTitle, string Title, DateOnly Date, SessionFormat Format, string Venue);

    /// <summary>A seat on a procurement's evaluation panel: the training recorded and the person's own declaration of interests.</summary>
    public sealed record EvaluatorData(
        Guid CycleId, string CycleTitle, EvaluatorRole Role, DateOnly? TrainingCompletedOn, string? TrainingGivenBy,
        DateTimeOffset? DeclaredAt, bool? HasInterest, string? Interest, ConflictAction? ActionAgreed, DateTimeOffset? DeclarationAcceptedAt);

    /// <summary>
    /// A score the person gave a bid as an evaluator, with their comment; <see cref="SubmittedAt"/> is when they submitted
    /// their scores (null while they could still change them). A pass/fail criterion's pass is 1 and its fail 0.
    /// </summary>
    public sealed record ScoreGivenData(
        Guid CycleId, string CycleTitle, string BidFrom, string Criterion, CriterionKind? CriterionKind, int Score, string Comment,
        DateTimeOffset ScoredAt, DateTimeOffset? SubmittedAt);

    /// <summary>
    /// A panel member's ratings of a contract's outcomes for one reporting period (<see cref="Period"/> is its number), who
    /// they chose to share them with, and, when someone logged them on their behalf, the day and the way they were gathered.
    /// </summary>
    public sealed record PanelRatingData(
        Guid CycleId, string CycleTitle, int? Period, DateOnly? PeriodStartsOn, DateOnly? PeriodEndsOn, ContributionVisibility SharedWith,
        bool LoggedOnYourBehalf, DateOnly? GatheredOn, Channel Channel, DateTimeOffset GivenAt, DateTimeOffset LastChangedAt,
        IReadOnlyList<OutcomeRatingData> Ratings);

    /// <summary>One outcome's "I" statement, the rating given and what it's like, in the person's words.</summary>
    public sealed record OutcomeRatingData(string Outcome, RatingLevel Rating, string WhatItsLike);
}
