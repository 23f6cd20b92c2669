using CoproCommissioning.Domain.Membership;

namespace CoproCommissioning.Domain.Cycles;

/// <summary>
/// A commissioning cycle and everything in it. Every change goes through a method here, which checks the
/// rules in <see cref="CycleRules"/> and either changes nothing and returns every refusal, or makes the change. Who may
/// do what is <see cref="CyclePermissions"/>' to say.
/// </summary>
public sealed class CommissioningCycle
{
    public const int TitleMaxLength = 200;
    public const int ServiceAreaMaxLength = 200;
    public const int PopulationServedMaxLength = 1000;
    public const int CommissioningOrganisationMaxLength = 200;

    // Pounds and pence up to £999,999,999,999.99: numeric(14, 2) in the database.
    public const int BudgetPrecision = 14;
    public const int BudgetScale = 2;
    public const decimal BudgetMaxValue = 999_999_999_999.99m;

    private readonly List<Stage> _stages = [];
    private readonly List<CycleEvent> _history = [];

    private CommissioningCycle() { }

    private CommissioningCycle(
        string title,
        string serviceArea,
        string populationServed,
        decimal? budget,
        DateOnly startDate,
        string commissioningOrganisation,
        string createdByUserId,
        DateTimeOffset now)
    {
        Id = Guid.CreateVersion7();
        Title = title;
        ServiceArea = serviceArea;
        PopulationServed = populationServed;
        Budget = budget;
        StartDate = startDate;
        CommissioningOrganisation = commissioningOrganisation;
        CreatedByUserId = createdByUserId;
        CreatedAt = now;
        LastChangedAt = now;
        _stages.AddRange(Enum.GetValues<StageKind>().Order().Select(kind => new Stage(kind)));
        _stages[0].Open(now);
    }

    public Guid Id { get; private set; }

    public string Title { get; private set; } = "";

    public string ServiceArea { get; private set; } = "";

    public string PopulationServed { get; private set; } = "";

    /// <summary>In pounds sterling; null when not yet known.</summary>
    public decimal? Budget { get; private set; }

    public DateOnly StartDate { get; private set; }

    public string CommissioningOrganisation { get; private set; } = "";

    /// <summary>The named co-production champion (NCCMH "resources" principle); required before the first sign-off.</summary>
    public string? ChampionUserId { get; private set; }

    public SignOffPolicy SignOffPolicy { get; private set; } = SignOffPolicy.Default;

    public string CreatedByUserId { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>
    /// Set by every successful change, so saving any change to the cycle updates its row and the
    /// <see cref="Version"/> check covers changes to stages, contributions and decisions too.
    /// </summary>
    public DateTimeOffset LastChangedAt { get; private set; }

    /// <summary>Concurrency token, mapped to PostgreSQL xmin; the domain never sets it.</summary>
    public uint Version { get; private set; }

    public IReadOnlyList<Stage> Stages => _stages;

    /// <summary>Changes to the cycle's settings after it was created, each with its reason (oldest first).</summary>
    public IReadOnlyList<CycleEvent> History => _history;

    /// <summary>
    /// Starts a cycle. A start date that could not be read is null. The sign-off policy's minimums are the default unless
    /// given; null for one that could not be read.
    /// </summary>
    public static DomainOutcome<CommissioningCycle> Create(
        string? title,
        string? serviceArea,
        string? populationServed,
        decimal? budget,
        DateOnly? startDate,
        string? commissioningOrganisation,
        string createdByUserId,
        DateTimeOffset now,
        int? minimumLivedExperienceContributions = SignOffPolicy.LowestMinimum,
        int? minimumDistinctContributors = SignOffPolicy.LowestMinimum)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(createdByUserId);
        Guard.Utc(now);

        List<Refusal> refusals = [];
        TextInput.Check(refusals, title, TitleMaxLength, CycleRules.CycleTitleRequired, CycleRules.CycleTitleTooLong);
        TextInput.Check(refusals, serviceArea, ServiceAreaMaxLength, CycleRules.ServiceAreaRequired, CycleRules.ServiceAreaTooLong);
        TextInput.Check(
            refusals, populationServed, PopulationServedMaxLength, CycleRules.PopulationServedRequired, CycleRules.PopulationServedTooLong);
        TextInput.Check(
            refusals,
            commissioningOrganisation,
            CommissioningOrganisationMaxLength,
            CycleRules.CommissioningOrganisationRequired,
            CycleRules.CommissioningOrganisationTooLong);
        CheckBudget(refusals, budget);
        if (startDate is null)
        {
            refusals.Add(new Refusal(CycleRules.StartDateRequired));
        }

        CheckPolicy(refusals, minimumLivedExperienceContributions, minimumDistinctContributors);
        if (refusals.Count > 0)
        {
            return DomainOutcome.Refused<CommissioningCycle>(refusals);
        }

        return DomainOutcome.Success(new CommissioningCycle(
            TextInput.Clean(title),
            TextInput.Clean(serviceArea),
            TextInput.Clean(populationServed),
            budget,
            startDate!.Value,
            TextInput.Clean(commissioningOrganisation),
            createdByUserId,
            now)
        {
            SignOffPolicy = new SignOffPolicy(minimumLivedExperienceContributions!.Value, minimumDistinctContributors!.Value),
        });
    }

    public Stage StageOf(StageKind kind)
    {
        Guard.Defined(kind);
        return _stages.SingleOrDefault(s => s.Kind == kind)
            ?? throw new InvalidOperationException($"The cycle has no {kind} stage: was it loaded with its stages?");
    }

    public Contribution? FindContribution(Guid contributionId) =>
        _stages.SelectMany(s => s.Contributions).SingleOrDefault(c => c.Id == contributionId);

    public Decision? FindDecision(Guid decisionId) =>
        _stages.SelectMany(s => s.Decisions).SingleOrDefault(d => d.Id == decisionId);

    public DomainOutcome SetChampion(string championUserId, CycleRole actorRole, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(championUserId);
        Guard.Defined(actorRole);
        Guard.Utc(now);

        if (!CyclePermissions.Allows(actorRole, CycleOperation.ManageMembers))
        {
            return DomainOutcome.Refused(CycleRules.CommissionerOnly);
        }

        ChampionUserId = championUserId;
        LastChangedAt = now;
        return DomainOutcome.Success();
    }

    /// <summary>
    /// Whoever accepted a co-production champion invitation to this cycle becomes its champion. The commissioner who sent
    /// the invitation named them: the invitation is the authority, not the role of the person accepting it.
    /// </summary>
    public void AppointChampion(Invitation accepted, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(accepted);
        Guard.Utc(now);
        if (accepted.CycleId != Id || !accepted.NamesChampion || accepted.AcceptedByUserId is not { } champion)
        {
            throw new ArgumentException("Pass an accepted invitation to be this cycle's co-production champion.", nameof(accepted));
        }

        ChampionUserId = champion;
        LastChangedAt = now;
    }

    public DomainOutcome ChangeSignOffPolicy(
        int minimumLivedExperienceContributions, int minimumDistinctContributors, CycleRole actorRole, DateTimeOffset now)
    {
        Guard.Defined(actorRole);
        Guard.Utc(now);

        List<Refusal> refusals = [];
        if (!CyclePermissions.Allows(actorRole, CycleOperation.ManageCycle))
        {
            refusals.Add(new Refusal(CycleRules.CommissionerOnly));
        }

        CheckPolicy(refusals, minimumLivedExperienceContributions, minimumDistinctContributors);
        if (refusals.Count > 0)
        {
            return DomainOutcome.Refused(refusals);
        }

        SignOffPolicy = new SignOffPolicy(minimumLivedExperienceContributions, minimumDistinctContributors);
        LastChangedAt = now;
        return DomainOutcome.Success();
    }

    /// <summary>
    /// A commissioner changes the cycle's settings after creating it, saying why; the change and its reason join the cycle's
    /// <see cref="History"/>. Every answer is checked at once, as when the cycle was created. A new sign-off policy
    /// applies at once to every stage not yet signed off (blockers are worked out from the policy in force); stages
    /// already signed off keep their sign-off. A champion can be replaced but not removed. Whether the new champion is a
    /// champion member of this cycle is the caller's to check: the cycle does not hold its members.
    /// </summary>
    public DomainOutcome ChangeSettings(CycleSettings settings, string actorUserId, CycleRole actorRole, string? reason, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentException.ThrowIfNullOrWhiteSpace(actorUserId);
        Guard.Defined(actorRole);
        Guard.Utc(now);

        List<Refusal> refusals = [];
        if (!CyclePermissions.Allows(actorRole, CycleOperation.ManageCycle))
        {
            refusals.Add(new Refusal(CycleRules.CommissionerOnly));
        }

        TextInput.Check(refusals, settings.Title, TitleMaxLength, CycleRules.CycleTitleRequired, CycleRules.CycleTitleTooLong);
        TextInput.Check(refusals, settings.ServiceArea, ServiceAreaMaxLength, CycleRules.ServiceAreaRequired, CycleRules.ServiceAreaTooLong);
        TextInput.Check(
            refusals, settings.PopulationServed, PopulationServedMaxLength, CycleRules.PopulationServedRequired, CycleRules.PopulationServedTooLong);
        CheckBudget(refusals, settings.Budget);
        if (settings.StartDate is null)
        {
            refusals.Add(new Refusal(CycleRules.StartDateRequired));
        }

        CheckPolicy(refusals, settings.MinimumLivedExperienceContributions, settings.MinimumDistinctContributors);
        var champion = string.IsNullOrWhiteSpace(settings.ChampionUserId) ? null : settings.ChampionUserId;
        if (champion is null && ChampionUserId is not null)
        {
            refusals.Add(new Refusal(CycleRules.ChampionCannotBeRemoved));
        }

        TextInput.Check(refusals, reason, CycleEvent.ReasonMaxLength, CycleRules.SettingsReasonRequired, CycleRules.SettingsReasonTooLong);
        if (refusals.Count > 0)
        {
            return DomainOutcome.Refused(refusals);
        }

        var policy = new SignOffPolicy(settings.MinimumLivedExperienceContributions!.Value, settings.MinimumDistinctContributors!.Value);
        var changed = CycleSetting.None;
        changed |= Title != TextInput.Clean(settings.Title) ? CycleSetting.Title : CycleSetting.None;
        changed |= ServiceArea != TextInput.Clean(settings.ServiceArea) ? CycleSetting.ServiceArea : CycleSetting.None;
        changed |= PopulationServed != TextInput.Clean(settings.PopulationServed) ? CycleSetting.PopulationServed : CycleSetting.None;
        changed |= Budget != settings.Budget ? CycleSetting.Budget : CycleSetting.None;
        changed |= StartDate != settings.StartDate ? CycleSetting.StartDate : CycleSetting.None;
        changed |= SignOffPolicy != policy ? CycleSetting.SignOffPolicy : CycleSetting.None;
        changed |= !string.Equals(ChampionUserId, champion, StringComparison.Ordinal) ? CycleSetting.Champion : CycleSetting.None;
        if (changed == CycleSetting.None)
        {
            return DomainOutcome.Refused(CycleRules.SettingsUnchanged);
        }

        Title = TextInput.Clean(settings.Title);
        ServiceArea = TextInput.Clean(settings.ServiceArea);
        PopulationServed = TextInput.Clean(settings.PopulationServed);
        Budget = settings.Budget;
        StartDate = settings.StartDate!.Value;
        if (changed.HasFlag(CycleSetting.SignOffPolicy))
        {
            SignOffPolicy = policy;
        }

        ChampionUserId = champion;
        _history.Add(new CycleEvent(changed, actorUserId, actorRole, TextInput.Clean(reason), now));
        LastChangedAt = now;
        return DomainOutcome.Success();
    }

    /// <summary>
    /// A person adds their own input, in the voice their membership gives them. Allowed in any stage that is not signed
    /// off, so people can start early. <paramref name="visibility"/> is null when they have not chosen who may read it.
    /// </summary>
    public DomainOutcome<Contribution> AddContribution(
        StageKind stage,
        string authorUserId,
        CycleRole authorRole,
        Voice voice,
        Channel channel,
        ContributionVisibility? visibility,
        string? summary,
        string? body,
        DateTimeOffset now,
        ContributionTarget target = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(authorUserId);
        Guard.Defined(authorRole);
        Guard.Defined(voice);
        Guard.Defined(channel);

        List<Refusal> refusals = [];
        if (Contribution.CountsAsLivedExperience(voice) && !CyclePermissions.Allows(authorRole, CycleOperation.GiveLivedExperienceInput))
        {
            refusals.Add(new Refusal(CycleRules.LivedExperienceVoiceNeedsPanelMember));
        }

        return Contribute(
            stage, authorUserId, recordedByUserId: null, voicesCarried: 1, voice, channel, visibility, summary, body, now, target, refusals);
    }

    /// <summary>
    /// The champion (or a commissioner) logs input gathered offline: a workshop, a phone call, an easy-read form.
    /// <paramref name="onBehalfOf"/> is the member whose input it is, or null for people without an account;
    /// <paramref name="voicesCarried"/> is how many people's views it carries, that person included; <paramref name="origin"/>
    /// says when and where it was gathered (null: today, by whoever is logging it). A number that could not be read, or a
    /// choice not made, is null.
    /// </summary>
    public DomainOutcome<Contribution> LogContributionOnBehalf(
        StageKind stage,
        string recordedByUserId,
        CycleRole recorderRole,
        Contributor? onBehalfOf,
        int? voicesCarried,
        Voice? voice,
        Channel? channel,
        ContributionVisibility? visibility,
        string? summary,
        string? body,
        DateTimeOffset now,
        ContributionTarget target = default,
        InputOrigin? origin = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(recordedByUserId);
        Guard.Defined(recorderRole);
        Guard.Utc(now);
        if (onBehalfOf is not null)
        {
            Guard.Defined(onBehalfOf.Role);
            if (string.IsNullOrWhiteSpace(onBehalfOf.UserId) || onBehalfOf.UserId == recordedByUserId)
            {
                throw new ArgumentException(
                    "Pass the member whose input this is, or null for people without an account; people log their own input with AddContribution.",
                    nameof(onBehalfOf));
            }
        }

        List<Refusal> refusals = [];
        if (!CyclePermissions.Allows(recorderRole, CycleOperation.LogOnBehalf))
        {
            refusals.Add(new Refusal(CycleRules.OnBehalfNeedsChampionOrCommissioner));
        }

        if (voicesCarried is not (>= 1 and <= Contribution.MostVoicesCarried))
        {
            refusals.Add(new Refusal(CycleRules.VoicesCarriedTooFew));
        }

        // A commissioner's or a provider's views logged "as" lived experience would count towards R1 without anyone with
        // lived experience having said them.
        if (voice is { } chosen && Contribution.CountsAsLivedExperience(chosen) && onBehalfOf is not null
            && !CyclePermissions.Allows(onBehalfOf.Role, CycleOperation.GiveLivedExperienceInput))
        {
            refusals.Add(new Refusal(CycleRules.LivedExperienceVoiceOnBehalfOfStaff));
        }

        origin ??= new InputOrigin(DateOnly.FromDateTime(now.UtcDateTime));
        if (origin.GatheredOn is not { } gatheredOn)
        {
            refusals.Add(new Refusal(CycleRules.GatheredOnRequired));
        }
        // Allowing a day past the UTC date keeps "today" valid in every UK time zone offset; the page passes UK dates.
        else if (gatheredOn > DateOnly.FromDateTime(now.UtcDateTime).AddDays(1))
        {
            refusals.Add(new Refusal(CycleRules.GatheredOnInFuture));
        }

        TextInput.Check(refusals, origin.GivenBy, Contribution.GivenByMaxLength, required: null, CycleRules.GivenByTooLong);

        return Contribute(
            stage, onBehalfOf?.UserId, recordedByUserId, voicesCarried ?? 0, voice, channel, visibility, summary, body, now, target, refusals,
            origin);
    }

    /// <summary>
    /// Answers a contribution, or revises the answer: earlier responses are kept and the newest is current.
    /// <paramref name="type"/> is null when no answer was chosen.
    /// </summary>
    public DomainOutcome<Response> Respond(
        Guid contributionId,
        string responderUserId,
        CycleRole responderRole,
        ResponseType? type,
        string? explanation,
        DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(responderUserId);
        Guard.Defined(responderRole);
        Guard.Utc(now);
        var contribution = FindContribution(contributionId)
            ?? throw new ArgumentException($"Contribution {contributionId} is not part of this cycle.", nameof(contributionId));

        List<Refusal> refusals = [];

        if (!CyclePermissions.Allows(responderRole, CycleOperation.Respond))
        {
            refusals.Add(new Refusal(CycleRules.ResponseRole));
        }

        if (StageOf(contribution.StageKind).IsSignedOff)
        {
            refusals.Add(new Refusal(CycleRules.StageSignedOff));
        }

        CheckChoice(refusals, type, CycleRules.ResponseTypeRequired);
        TextInput.Check(
            refusals, explanation, Response.ExplanationMaxLength, CycleRules.ResponseExplanationRequired, CycleRules.ResponseExplanationTooLong);

        if (refusals.Count > 0)
        {
            return DomainOutcome.Refused<Response>(refusals);
        }

        var response = contribution.Respond(type!.Value, TextInput.Clean(explanation), responderUserId, now);
        LastChangedAt = now;
        return DomainOutcome.Success(response);
    }

    /// <summary>
    /// Records a decision. R2 is checked as it is saved, so a decision can't contradict itself: who took part is named,
    /// a co-produced decision sits on the co-production rung with a person with lived experience or a carer taking part
    /// and their input cited, and any other decision says why it was not co-produced. Sign-off still checks R2
    /// (<see cref="SignOffBlockers(StageKind, IReadOnlyCollection{Refusal}?, string?)"/>) for decisions kept before that.
    /// </summary>
    public DomainOutcome<Decision> RecordDecision(
        StageKind stage, DecisionDetails details, string recordedByUserId, CycleRole recorderRole, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(recordedByUserId);
        Guard.Defined(recorderRole);
        var target = StageOf(stage);

        var refusals = CheckDecision(details, now);
        if (!CyclePermissions.Allows(recorderRole, CycleOperation.RecordDecision)
            || (details.Mode is { } mode && !CyclePermissions.AllowsDecision(recorderRole, mode)))
        {
            refusals.Add(new Refusal(CycleRules.DecisionRole));
        }

        if (target.IsSignedOff)
        {
            refusals.Add(new Refusal(CycleRules.StageSignedOff));
        }

        if (refusals.Count > 0)
        {
            return DomainOutcome.Refused<Decision>(refusals);
        }

        var decision = new Decision(stage, details, recordedByUserId, now);
        target.Add(decision);
        LastChangedAt = now;
        return DomainOutcome.Success(decision);
    }

    /// <summary>Replaces a decision's details, participants and influences, for example to fix what blocks a sign-off.</summary>
    public DomainOutcome<Decision> ReviseDecision(
        Guid decisionId, DecisionDetails details, string revisedByUserId, CycleRole reviserRole, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(revisedByUserId);
        Guard.Defined(reviserRole);
        var decision = FindDecision(decisionId)
            ?? throw new ArgumentException($"Decision {decisionId} is not part of this cycle.", nameof(decisionId));

        var refusals = CheckDecision(details, now);
        if (!CyclePermissions.AllowsDecision(reviserRole, decision.Mode)
            || (details.Mode is { } mode && !CyclePermissions.AllowsDecision(reviserRole, mode)))
        {
            refusals.Add(new Refusal(CycleRules.DecisionRole));
        }

        if (StageOf(decision.StageKind).IsSignedOff)
        {
            refusals.Add(new Refusal(CycleRules.StageSignedOff));
        }

        if (refusals.Count > 0)
        {
            return DomainOutcome.Refused<Decision>(refusals);
        }

        decision.Revise(details, revisedByUserId, now);
        LastChangedAt = now;
        return DomainOutcome.Success(decision);
    }

    /// <summary>
    /// Everything that stops <paramref name="kind"/> being signed off now (R1 to R4 and the champion), for the sign-off
    /// page. <paramref name="stageConditions"/> are what the stage's own work still needs (the specification stage's
    /// approved specification, <see cref="Specification.ServiceSpecification.SignOffConditions(Specification.ServiceSpecification?)"/>),
    /// listed after the cycle's rules.
    /// </summary>
    public IReadOnlyList<Refusal> SignOffBlockers(
        StageKind kind, IReadOnlyCollection<Refusal>? stageConditions = null, string? signerUserId = null) =>
        SignOffBlockers(kind, SignOffFacts.Of(this, kind, signerUserId), stageConditions);

    /// <summary>
    /// The same rules, applied to <paramref name="facts"/> about the stage's input and decisions (worked out by the
    /// aggregate or by the database), so the contributions themselves need not be loaded. The cycle itself (its
    /// stages and champion) must be.
    /// </summary>
    public IReadOnlyList<Refusal> SignOffBlockers(StageKind kind, SignOffFacts facts, IReadOnlyCollection<Refusal>? stageConditions = null)
    {
        ArgumentNullException.ThrowIfNull(facts);
        if (facts.Stage != kind)
        {
            throw new ArgumentException($"These facts are about the {facts.Stage} stage, not {kind}.", nameof(facts));
        }

        var stage = StageOf(kind);
        List<Refusal> blockers = [];

        foreach (var earlier in _stages.Where(s => s.Kind < kind && !s.IsSignedOff).OrderBy(s => s.Kind))
        {
            blockers.Add(new Refusal(CycleRules.EarlierStageOpenFor(earlier.Kind), earlier.Id));
        }

        if (stage.Status == StageStatus.NotStarted)
        {
            blockers.Add(new Refusal(CycleRules.StageNotOpen));
        }
        else if (stage.IsSignedOff)
        {
            blockers.Add(new Refusal(CycleRules.StageSignedOff));
        }

        if (ChampionUserId is null)
        {
            blockers.Add(new Refusal(CycleRules.ChampionRequired));
        }

        var tooFewContributions = facts.LivedExperienceContributions < SignOffPolicy.MinimumLivedExperienceContributions;
        if (tooFewContributions)
        {
            blockers.Add(new Refusal(CycleRules.LivedExperienceInputRequiredFor(SignOffPolicy.MinimumLivedExperienceContributions)));
        }

        // With both minimums at 1 the two rules ask for the same thing, some lived-experience input, so people read one item.
        var oneAsk = SignOffPolicy is { MinimumLivedExperienceContributions: 1, MinimumDistinctContributors: 1 };
        if (facts.DistinctLivedExperienceContributors < SignOffPolicy.MinimumDistinctContributors && !(oneAsk && tooFewContributions))
        {
            blockers.Add(new Refusal(CycleRules.DistinctContributorsRequiredFor(SignOffPolicy.MinimumDistinctContributors)));
        }

        if (facts.OnlyLoggedBySigner)
        {
            blockers.Add(new Refusal(CycleRules.InputNotOnlyFromSigner, stage.Id));
        }

        foreach (var unanswered in facts.UnansweredLivedExperience)
        {
            blockers.Add(new Refusal(CycleRules.InputAwaitingResponse, unanswered));
        }

        // Input the facts counted without listing it blocks all the same, one refusal each, without naming which.
        for (var unlisted = facts.UnansweredLivedExperience.Count; unlisted < facts.UnansweredLivedExperienceCount; unlisted++)
        {
            blockers.Add(new Refusal(CycleRules.InputAwaitingResponse));
        }

        foreach (var decision in facts.DecisionsToFix)
        {
            if (decision.LacksParticipants)
            {
                blockers.Add(new Refusal(CycleRules.DecisionNeedsParticipants, decision.Id));
            }

            if (decision.CoProducedWithoutLivedExperience)
            {
                blockers.Add(new Refusal(CycleRules.CoProducedDecisionNeedsLivedExperience, decision.Id));
            }

            if (decision.LacksRationale)
            {
                blockers.Add(new Refusal(CycleRules.DecisionNeedsRationale, decision.Id));
            }
        }

        if (!stage.IsSignedOff && stageConditions is not null)
        {
            blockers.AddRange(stageConditions);
        }

        return blockers;
    }

    /// <summary>
    /// Everything that would refuse <see cref="SignOff"/> with these arguments, changing nothing: the commissioner is
    /// shown what they are about to sign off only once this is empty, and <see cref="SignOff"/> asks it again at the end.
    /// </summary>
    public IReadOnlyList<Refusal> CheckSignOff(
        StageKind kind, string actorUserId, CycleRole actorRole, string? statement,
        IReadOnlyCollection<Refusal>? stageConditions = null, SignOffFacts? facts = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actorUserId);
        Guard.Defined(actorRole);
        if (kind == StageKind.Specification && stageConditions is null)
        {
            throw new ArgumentException("Signing off the specification stage needs the specification's own conditions.", nameof(stageConditions));
        }

        List<Refusal> refusals = [];
        if (!CyclePermissions.Allows(actorRole, CycleOperation.SignOff))
        {
            refusals.Add(new Refusal(CycleRules.CommissionerOnly));
        }

        TextInput.Check(refusals, statement, StageEvent.TextMaxLength, CycleRules.StatementRequired, CycleRules.StatementTooLong);
        if (facts is not null && facts.SignerUserId != actorUserId)
        {
            throw new ArgumentException("The facts must be worked out for the person signing off.", nameof(facts));
        }

        refusals.AddRange(SignOffBlockers(kind, facts ?? SignOffFacts.Of(this, kind, actorUserId), stageConditions));
        return refusals;
    }

    /// <summary>
    /// A commissioner closes a stage with a statement. Refused, with nothing changed, while any rule is unmet or any
    /// of <paramref name="stageConditions"/> remains. The specification stage cannot be signed off without them: the
    /// caller must ask the specification (<see cref="Specification.ServiceSpecification.SignOffConditions(Specification.ServiceSpecification?)"/>).
    /// </summary>
    /// <remarks>
    /// <paramref name="facts"/>, when given, are what the stage's input and decisions look like (for the actor as signer),
    /// so the cycle may be loaded without them; otherwise the aggregate works them out from its own rows.
    /// </remarks>
    public DomainOutcome SignOff(
        StageKind kind, string actorUserId, CycleRole actorRole, string? statement, DateTimeOffset now,
        IReadOnlyCollection<Refusal>? stageConditions = null, SignOffFacts? facts = null)
    {
        Guard.Utc(now);
        var refusals = CheckSignOff(kind, actorUserId, actorRole, statement, stageConditions, facts);
        if (refusals.Count > 0)
        {
            return DomainOutcome.Refused(refusals);
        }

        var stage = StageOf(kind);
        stage.SignOff(actorUserId, actorRole, TextInput.Clean(statement), now);
        var next = _stages.Where(s => s.Kind > kind).OrderBy(s => s.Kind).FirstOrDefault();
        if (next is { Status: StageStatus.NotStarted })
        {
            next.Open(now);
        }

        LastChangedAt = now;
        return DomainOutcome.Success();
    }

    /// <summary>
    /// Something is about to be saved into <paramref name="kind"/>'s own content (evidence, needs, sessions, proposals,
    /// the specification). Refused while the stage is signed off; otherwise marks the cycle changed, so the content is
    /// saved together with the cycle's concurrency check and exactly one of it and a racing sign-off wins (R8).
    /// </summary>
    public DomainOutcome RecordStageContentChange(StageKind kind, DateTimeOffset now)
    {
        Guard.Utc(now);
        if (StageOf(kind).IsSignedOff)
        {
            return DomainOutcome.Refused(CycleRules.StageSignedOffWhileEditing);
        }

        LastChangedAt = now;
        return DomainOutcome.Success();
    }

    /// <summary>
    /// A commissioner reopens a signed-off stage, giving a reason. Later stages must not be signed off, so the
    /// signed-off stages always form an unbroken run from needs assessment (R4).
    /// </summary>
    public DomainOutcome Reopen(StageKind kind, string actorUserId, CycleRole actorRole, string? reason, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actorUserId);
        Guard.Defined(actorRole);
        Guard.Utc(now);
        var stage = StageOf(kind);

        List<Refusal> refusals = [];
        if (!CyclePermissions.Allows(actorRole, CycleOperation.SignOff))
        {
            refusals.Add(new Refusal(CycleRules.CommissionerOnly));
        }

        TextInput.Check(refusals, reason, StageEvent.TextMaxLength, CycleRules.ReopenReasonRequired, CycleRules.ReopenReasonTooLong);
        if (!stage.IsSignedOff)
        {
            refusals.Add(new Refusal(CycleRules.StageNotSignedOff));
        }

        var latestSignedOff = _stages.Where(s => s.Kind > kind && s.IsSignedOff).OrderByDescending(s => s.Kind).FirstOrDefault();
        if (latestSignedOff is not null)
        {
            refusals.Add(new Refusal(CycleRules.LaterStageSignedOffFor(latestSignedOff.Kind), latestSignedOff.Id));
        }

        if (refusals.Count > 0)
        {
            return DomainOutcome.Refused(refusals);
        }

        stage.Reopen(actorUserId, actorRole, TextInput.Clean(reason), now);
        LastChangedAt = now;
        return DomainOutcome.Success();
    }

    // A choice not made is the person's to fix; a value that is not on the list never comes from a form, so it is a bug.
    private static void CheckChoice<TEnum>(ICollection<Refusal> refusals, TEnum? value, DomainRule notChosen)
        where TEnum : struct, Enum
    {
        if (value is { } chosen)
        {
            Guard.Defined(chosen);
        }

        ChoiceInput.Check(refusals, value, notChosen);
    }

    private static void CheckBudget(ICollection<Refusal> refusals, decimal? budget)
    {
        if (budget is { } pounds && (pounds < 0 || pounds > BudgetMaxValue || decimal.Round(pounds, BudgetScale) != pounds))
        {
            refusals.Add(new Refusal(CycleRules.BudgetInvalid));
        }
    }

    private static void CheckPolicy(ICollection<Refusal> refusals, int? minimumLivedExperienceContributions, int? minimumDistinctContributors)
    {
        if (minimumLivedExperienceContributions is not { } contributions || !SignOffPolicy.IsAllowedMinimum(contributions))
        {
            refusals.Add(new Refusal(CycleRules.PolicyMinimumContributions));
        }

        if (minimumDistinctContributors is not { } contributors || !SignOffPolicy.IsAllowedMinimum(contributors))
        {
            refusals.Add(new Refusal(CycleRules.PolicyMinimumContributors));
        }
    }

    private DomainOutcome<Contribution> Contribute(
        StageKind stage,
        string? authorUserId,
        string? recordedByUserId,
        int voicesCarried,
        Voice? voice,
        Channel? channel,
        ContributionVisibility? visibility,
        string? summary,
        string? body,
        DateTimeOffset now,
        ContributionTarget target,
        List<Refusal> refusals,
        InputOrigin? origin = null)
    {
        Guard.Utc(now);
        CheckTarget(target);
        var into = StageOf(stage);

        if (into.IsSignedOff)
        {
            refusals.Add(new Refusal(CycleRules.StageSignedOff));
        }

        TextInput.Check(
            refusals,
            summary,
            Contribution.SummaryMaxLength,
            CycleRules.ContributionSummaryRequiredFor(onBehalf: recordedByUserId is not null),
            CycleRules.ContributionSummaryTooLong);
        TextInput.Check(refusals, body, Contribution.BodyMaxLength, required: null, CycleRules.ContributionBodyTooLong);
        CheckChoice(refusals, voice, CycleRules.ContributionVoiceRequired);
        CheckChoice(refusals, channel, CycleRules.ContributionChannelRequired);
        CheckChoice(refusals, visibility, CycleRules.ContributionVisibilityRequired);

        if (refusals.Count > 0)
        {
            return DomainOutcome.Refused<Contribution>(refusals);
        }

        var contribution = new Contribution(
            stage,
            authorUserId,
            recordedByUserId,
            voicesCarried,
            voice!.Value,
            channel!.Value,
            visibility!.Value,
            TextInput.Clean(summary),
            TextInput.Clean(body),
            target,
            origin,
            now);
        into.Add(contribution);
        LastChangedAt = now;
        return DomainOutcome.Success(contribution);
    }

    private void CheckTarget(ContributionTarget target)
    {
        Guard.Defined(target.Kind);
        bool valid = target.Kind switch
        {
            TargetKind.None => target.Id is null,
            TargetKind.Decision => target.Id is { } id && FindDecision(id) is not null,

            // Sessions (CoDesign.CoDesignSession) and specification sections and outcomes (snapshots in
            // Specification.ServiceSpecification) are aggregates of their own, which check the target is theirs.
            TargetKind.CoDesignSession or TargetKind.SpecificationSection or TargetKind.SpecificationOutcome =>
                target.Id is { } partId && partId != Guid.Empty,
            _ => false,
        };
        if (!valid)
        {
            throw new ArgumentException($"{target} is not something in this cycle a contribution can be about.", nameof(target));
        }
    }

    private List<Refusal> CheckDecision(DecisionDetails details, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(details);
        ArgumentNullException.ThrowIfNull(details.Participants);
        ArgumentNullException.ThrowIfNull(details.Influences);
        Guard.Utc(now);
        if (details.DecidedAt is { } decidedAt)
        {
            Guard.Utc(decidedAt, nameof(details.DecidedAt));
        }

        if (details.Participants.Any(p => p is null) || details.Influences.Any(i => i is null) || details.Groups.Any(g => g is null))
        {
            throw new ArgumentException("Participants and influences cannot contain null.", nameof(details));
        }

        if (details.Participants.DistinctBy(p => p.UserId, StringComparer.Ordinal).Count() != details.Participants.Count)
        {
            throw new ArgumentException("Each participant can take part in a decision once.", nameof(details));
        }

        if (details.Influences.DistinctBy(i => i.ContributionId).Count() != details.Influences.Count)
        {
            throw new ArgumentException("Each contribution can be cited once.", nameof(details));
        }

        var unknown = details.Influences.FirstOrDefault(i => FindContribution(i.ContributionId) is null);
        if (unknown is not null)
        {
            throw new ArgumentException($"Contribution {unknown.ContributionId} is not part of this cycle.", nameof(details));
        }

        List<Refusal> refusals = [];
        TextInput.Check(refusals, details.Title, Decision.TitleMaxLength, CycleRules.DecisionTitleRequired, CycleRules.DecisionTitleTooLong);
        TextInput.Check(
            refusals, details.WhatWasDecided, Decision.WhatWasDecidedMaxLength, CycleRules.WhatWasDecidedRequired, CycleRules.WhatWasDecidedTooLong);
        CheckChoice(refusals, details.Mode, CycleRules.DecisionModeRequired);
        TextInput.Check(refusals, details.Rationale, Decision.RationaleMaxLength, required: null, CycleRules.DecisionRationaleTooLong);
        CheckChoice(refusals, details.Rung, CycleRules.DecisionRungRequired);
        if (details.DecidedAt is null)
        {
            refusals.Add(new Refusal(CycleRules.DecisionDateRequired));
        }
        else if (details.DecidedAt > now)
        {
            refusals.Add(new Refusal(CycleRules.DecisionDateInFuture));
        }

        CheckGroups(refusals, details.Groups);
        refusals.AddRange(AgreementRefusals(details));

        // Each note goes beside the contribution it is about.
        foreach (var influence in details.Influences)
        {
            List<Refusal> note = [];
            TextInput.Check(note, influence.Note, DecisionInfluence.NoteMaxLength, CycleRules.InfluenceNoteRequired, CycleRules.InfluenceNoteTooLong);
            refusals.AddRange(note.Select(r => Refusal.ForItem(r.Rule, influence.ContributionId)));
        }

        return refusals;
    }

    private static void CheckGroups(List<Refusal> refusals, IReadOnlyList<GroupOfPeople> groups)
    {
        for (int i = 0; i < groups.Count; i++)
        {
            var group = groups[i];
            List<Refusal> row = [];
            if (group.Count is < 1 or > Contribution.MostVoicesCarried)
            {
                row.Add(new Refusal(CycleRules.GroupCountInvalid));
            }

            if (!group.HasVoice)
            {
                row.Add(new Refusal(CycleRules.GroupVoiceRequired));
            }

            TextInput.Check(row, group.Description, GroupOfPeople.DescriptionMaxLength, CycleRules.GroupDescriptionRequired, CycleRules.GroupDescriptionTooLong);
            refusals.AddRange(row.Select(r => r with { Field = $"{nameof(Decision.Groups)}[{i}].{r.Rule.Field}" }));
        }
    }

    /// <summary>
    /// R2 as a decision is saved: who took part, and a mode, a rung and input that agree with each other. A mode or rung
    /// not chosen is refused elsewhere, so nothing here is about it. Approving a specification records a decision too.
    /// </summary>
    internal List<Refusal> AgreementRefusals(DecisionDetails details)
    {
        List<Refusal> refusals = [];
        if (details.Participants.Count == 0 && details.Groups.Count == 0)
        {
            refusals.Add(new Refusal(CycleRules.DecisionNeedsParticipants));
        }

        bool coProduced = details.Mode == DecisionMode.CoProduced;
        if (coProduced && details.Rung is { } rung && rung != CoProductionLadderRung.CoProduction)
        {
            refusals.Add(new Refusal(CycleRules.CoProducedDecisionNeedsCoProductionRung));
        }
        else if (details.Mode is { } mode && mode != DecisionMode.CoProduced && details.Rung == CoProductionLadderRung.CoProduction)
        {
            refusals.Add(new Refusal(CycleRules.CoProductionRungNeedsCoProducedDecision));
        }

        if (coProduced)
        {
            bool livedExperienceTookPart = details.Participants.Any(p => CyclePermissions.Allows(p.Role, CycleOperation.GiveLivedExperienceInput))
                || details.Groups.Any(g => g.HasVoice && g.IsLivedExperience);
            if ((details.Participants.Count > 0 || details.Groups.Count > 0) && !livedExperienceTookPart)
            {
                refusals.Add(new Refusal(CycleRules.CoProducedDecisionNeedsLivedExperienceParticipant));
            }

            if (!details.Influences.Any(i => FindContribution(i.ContributionId)?.IsLivedExperience == true))
            {
                refusals.Add(new Refusal(CycleRules.CoProducedDecisionNeedsLivedExperience));
            }
        }
        else if (details.Mode is not null && TextInput.Clean(details.Rationale).Length == 0)
        {
            refusals.Add(new Refusal(CycleRules.DecisionNeedsRationale));
        }

        return refusals;
    }
}
