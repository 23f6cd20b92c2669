using CoproCommissioning.Domain.Membership;

namespace CoproCommissioning.Domain.Specification;

/// <summary>
/// A cycle's service specification: saved versions of the draft (each an immutable snapshot of every section and
/// outcome), the windows in which a version was open for comment, and which version was approved.
/// Comments are contributions on the cycle anchored to a snapshot (<see cref="ContributionTarget.ForSpecificationSection"/>),
/// so a comment always points at the text the person read. Kept apart from the cycle so editing the draft never
/// clashes with work on other stages; every change still checks the cycle's specification stage.
/// docs/decisions/0007-specification-versions-and-anchored-comments.md explains the choices.
/// </summary>
public sealed class ServiceSpecification
{
    public const int ChangeSummaryMaxLength = 1000;
    public const int ApprovalNoteMaxLength = 1000;

    private readonly List<SpecificationVersion> _versions = [];
    private readonly List<CommentWindow> _commentWindows = [];

    private ServiceSpecification() { }

    private ServiceSpecification(Guid cycleId, string createdByUserId, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7();
        CycleId = cycleId;
        CreatedByUserId = createdByUserId;
        CreatedAt = now;
        LastChangedAt = now;
    }

    public Guid Id { get; private set; }

    public Guid CycleId { get; private set; }

    public string CreatedByUserId { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>Set by every change, so saving any change updates this row and <see cref="Version"/> catches two people saving at once.</summary>
    public DateTimeOffset LastChangedAt { get; private set; }

    /// <summary>Concurrency token, mapped to PostgreSQL xmin; the domain never sets it.</summary>
    public uint Version { get; private set; }

    /// <summary>The version named by the latest approval decision; null until one is approved.</summary>
    public int? ApprovedVersionNumber { get; private set; }

    /// <summary>The decision in the specification stage that approved it.</summary>
    public Guid? ApprovalDecisionId { get; private set; }

    public IReadOnlyList<SpecificationVersion> Versions => _versions;

    public IReadOnlyList<CommentWindow> CommentWindows => _commentWindows;

    /// <summary>How a specification can be agreed: with the panel, or by commissioners who say why it was not co-produced.</summary>
    public static IReadOnlyList<DecisionMode> ApprovalModes { get; } = [DecisionMode.CoProduced, DecisionMode.CommissionerLed];

    public SpecificationVersion Latest =>
        _versions.MaxBy(v => v.Number) ?? throw new InvalidOperationException("The specification has no versions: were they loaded?");

    /// <summary>True when the approval names the latest version, so nothing has changed since it was approved.</summary>
    public bool IsLatestApproved => ApprovedVersionNumber == Latest.Number;

    public SpecificationVersion? FindVersion(int number) => _versions.SingleOrDefault(v => v.Number == number);

    public SectionSnapshot? FindSection(Guid snapshotId) =>
        _versions.SelectMany(v => v.Sections).SingleOrDefault(s => s.Id == snapshotId);

    public OutcomeSnapshot? FindOutcome(Guid snapshotId) =>
        _versions.SelectMany(v => v.Outcomes).SingleOrDefault(o => o.Id == snapshotId);

    /// <summary>Every snapshot of one section, oldest first: where its comments are anchored.</summary>
    public IReadOnlyList<SectionSnapshot> HistoryOfSection(Guid sectionId) =>
        [.. _versions.OrderBy(v => v.Number).Select(v => v.SectionFor(sectionId)).OfType<SectionSnapshot>()];

    public IReadOnlyList<OutcomeSnapshot> HistoryOfOutcome(Guid outcomeId) =>
        [.. _versions.OrderBy(v => v.Number).Select(v => v.OutcomeFor(outcomeId)).OfType<OutcomeSnapshot>()];

    /// <summary>The window open at <paramref name="moment"/>, if any. At most one is open at a time.</summary>
    public CommentWindow? OpenWindowAt(DateTimeOffset moment) => _commentWindows.SingleOrDefault(w => w.IsOpenAt(moment));

    /// <summary>The most recent window, open or closed.</summary>
    public CommentWindow? LatestWindow => _commentWindows.MaxBy(w => w.OpenedAt);

    /// <summary>A signed-off specification stage freezes the specification until the stage is reopened.</summary>
    public static bool IsFrozen(CommissioningCycle cycle)
    {
        ArgumentNullException.ThrowIfNull(cycle);
        return cycle.StageOf(StageKind.Specification).IsSignedOff;
    }

    /// <summary>
    /// What the specification itself needs before its stage can be signed off: a latest version that is the approved
    /// one. Passed to <see cref="CommissioningCycle.SignOff"/> as the stage's conditions; <paramref name="specification"/>
    /// is null when none has been written.
    /// </summary>
    public static IReadOnlyList<Refusal> SignOffConditions(ServiceSpecification? specification) =>
        SignOffConditions(specification?.Latest.Number, specification?.ApprovedVersionNumber);

    /// <summary>The same, from the two numbers alone, for pages that list many cycles without loading their versions.</summary>
    public static IReadOnlyList<Refusal> SignOffConditions(int? latestVersion, int? approvedVersion) =>
        (latestVersion, approvedVersion) switch
        {
            (null, _) => [new Refusal(SpecificationRules.NotWritten)],
            (_, null) => [new Refusal(SpecificationRules.NotApproved)],
            var (latest, approved) when latest != approved => [new Refusal(SpecificationRules.ChangedSinceApproval)],
            _ => [],
        };

    /// <summary>A commissioner saves the first version of the draft.</summary>
    public static DomainOutcome<ServiceSpecification> Start(
        CommissioningCycle cycle, VersionDraft draft, string savedByUserId, CycleRole saverRole, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(cycle);
        var specification = new ServiceSpecification(cycle.Id, savedByUserId, now);
        var saved = specification.SaveVersion(cycle, basedOnVersion: 0, draft, savedByUserId, saverRole, now);
        return saved.Succeeded ? DomainOutcome.Success(specification) : DomainOutcome.Refused<ServiceSpecification>(saved.Refusals);
    }

    /// <summary>
    /// A commissioner saves the draft as a new version. <paramref name="basedOnVersion"/> is the version they started
    /// editing: if someone saved another since, nothing is saved and they are told (R8). Each comment a changed part
    /// answers gets a response on the cycle ("Changed in v3 (section): summary"), so "you said, we did" follows the change.
    /// </summary>
    public DomainOutcome<SpecificationVersion> SaveVersion(
        CommissioningCycle cycle, int basedOnVersion, VersionDraft draft, string savedByUserId, CycleRole saverRole, DateTimeOffset now)
    {
        StageContent.CheckCycle(cycle, CycleId);
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(draft.Sections);
        ArgumentNullException.ThrowIfNull(draft.Outcomes);
        ArgumentException.ThrowIfNullOrWhiteSpace(savedByUserId);
        Guard.Defined(saverRole);
        Guard.Utc(now);
        CheckDraftShape(draft);

        var previous = _versions.MaxBy(v => v.Number);
        int number = (previous?.Number ?? 0) + 1;
        var refusals = CheckActor(cycle, saverRole);
        if ((previous?.Number ?? 0) != basedOnVersion)
        {
            refusals.Add(new Refusal(SpecificationRules.DraftChanged));
        }

        TextInput.Check(
            refusals, draft.ChangeSummary, ChangeSummaryMaxLength, SpecificationRules.ChangeSummaryRequired, SpecificationRules.ChangeSummaryTooLong);
        if (draft.Sections.Count == 0)
        {
            refusals.Add(new Refusal(SpecificationRules.SectionsRequired));
        }

        var sections = draft.Sections.Select((s, i) => CleanSection(s, i + 1, previous, refusals)).ToList();
        var outcomes = draft.Outcomes.Select((o, i) => CleanOutcome(o, i + 1, previous, refusals)).ToList();

        foreach (var section in sections)
        {
            CheckAnswers(cycle, refusals, section.Draft.SectionId, section.Changed, section.Draft.Answers,
                [.. HistoryOfSection(section.Draft.SectionId).Select(s => s.Id)], TargetKind.SpecificationSection);
        }

        foreach (var outcome in outcomes)
        {
            CheckAnswers(cycle, refusals, outcome.Draft.OutcomeId, outcome.Changed, outcome.Draft.Answers,
                [.. HistoryOfOutcome(outcome.Draft.OutcomeId).Select(o => o.Id)], TargetKind.SpecificationOutcome);
        }

        if (previous is not null && refusals.Count == 0 && IsUnchanged(previous, sections, outcomes))
        {
            refusals.Add(new Refusal(SpecificationRules.NothingChanged));
        }

        if (refusals.Count > 0)
        {
            return DomainOutcome.Refused<SpecificationVersion>(refusals);
        }

        string summary = TextInput.Clean(draft.ChangeSummary);
        var version = new SpecificationVersion(
            number,
            summary,
            savedByUserId,
            now,
            sections.Select(s => new SectionSnapshot(
                s.Draft.SectionId, number, s.Position, s.Title, s.Body, s.PlainSummary, s.Changed ? number : s.ChangedInVersion, s.Draft.Answers)),
            outcomes.Select(o => new OutcomeSnapshot(
                o.Draft.OutcomeId, number, o.Position, o.Statement, o.Domain, o.Measure, o.Levels, o.Changed ? number : o.ChangedInVersion,
                o.Draft.Answers)));

        // Checked above: the saver is a commissioner, the stage is open and each comment is in this cycle's specification stage.
        foreach (var section in sections)
        {
            RespondTo(cycle, section.Draft.Answers, $"Changed in v{number} ({section.Title})", summary, savedByUserId, saverRole, now);
        }

        foreach (var outcome in outcomes)
        {
            RespondTo(cycle, outcome.Draft.Answers, $"Changed in v{number} (outcome: {outcome.Statement})", summary, savedByUserId, saverRole, now);
        }

        _versions.Add(version);
        LastChangedAt = now;
        return DomainOutcome.Success(version);
    }

    /// <summary>
    /// A commissioner opens the latest version for comment until <paramref name="closesAt"/>, saying whether providers
    /// may comment too. Null is a closing date or a choice the commissioner has not given.
    /// </summary>
    public DomainOutcome<CommentWindow> OpenForComment(
        CommissioningCycle cycle, DateTimeOffset? closesAt, bool? providersMayComment, string openedByUserId, CycleRole openerRole, DateTimeOffset now)
    {
        StageContent.CheckCycle(cycle, CycleId);
        ArgumentException.ThrowIfNullOrWhiteSpace(openedByUserId);
        Guard.Defined(openerRole);
        Guard.Utc(now);

        var refusals = CheckActor(cycle, openerRole);
        if (closesAt is not { } closing)
        {
            refusals.Add(new Refusal(SpecificationRules.ClosingDateRequired));
        }
        else
        {
            Guard.Utc(closing, nameof(closesAt));
            if (closing <= now)
            {
                refusals.Add(new Refusal(SpecificationRules.ClosingDateInPast));
            }
        }

        if (providersMayComment is null)
        {
            refusals.Add(new Refusal(SpecificationRules.ProvidersChoiceRequired));
        }

        if (OpenWindowAt(now) is not null)
        {
            refusals.Add(new Refusal(SpecificationRules.CommentsAlreadyOpen));
        }

        if (refusals.Count > 0)
        {
            return DomainOutcome.Refused<CommentWindow>(refusals);
        }

        var window = new CommentWindow(Latest.Number, now, closesAt!.Value, providersMayComment!.Value, openedByUserId);
        _commentWindows.Add(window);
        LastChangedAt = now;
        return DomainOutcome.Success(window);
    }

    /// <summary>A commissioner closes comments before the closing date, for example to approve the specification.</summary>
    public DomainOutcome CloseComments(CommissioningCycle cycle, string closedByUserId, CycleRole closerRole, DateTimeOffset now)
    {
        StageContent.CheckCycle(cycle, CycleId);
        ArgumentException.ThrowIfNullOrWhiteSpace(closedByUserId);
        Guard.Defined(closerRole);
        Guard.Utc(now);

        var refusals = CheckActor(cycle, closerRole);
        var window = OpenWindowAt(now);
        if (window is null)
        {
            refusals.Add(new Refusal(SpecificationRules.CommentsNotOpen));
        }

        if (refusals.Count > 0)
        {
            return DomainOutcome.Refused(refusals);
        }

        window!.CloseEarly(closedByUserId, now);
        LastChangedAt = now;
        return DomainOutcome.Success();
    }

    /// <summary>
    /// Panel members comment on the specification as their own input, and providers when a commissioner invites them;
    /// the commissioning team reads the comments and answers them.
    /// </summary>
    public static bool CommentsAsOwnInput(CycleRole role) => role is CycleRole.PanelMember or CycleRole.Provider;

    /// <summary>
    /// Why someone in <paramref name="role"/> cannot comment now on the section or outcome snapshot
    /// <paramref name="snapshotId"/>, if they cannot; the page shows these instead of the comment form.
    /// </summary>
    public IReadOnlyList<Refusal> CommentBlockers(CommissioningCycle cycle, Guid snapshotId, CycleRole role, DateTimeOffset now) =>
        CommentBlockers(
            cycle,
            FindSection(snapshotId)?.VersionNumber
                ?? FindOutcome(snapshotId)?.VersionNumber
                ?? throw new ArgumentException($"{snapshotId} is not a section or outcome of this specification.", nameof(snapshotId)),
            role,
            now);

    /// <summary>Why someone in <paramref name="role"/> cannot comment now on the version open for comment, if they cannot.</summary>
    public IReadOnlyList<Refusal> CommentBlockers(CommissioningCycle cycle, CycleRole role, DateTimeOffset now) =>
        CommentBlockers(cycle, OpenWindowAt(now)?.VersionNumber ?? Latest.Number, role, now);

    /// <summary>
    /// Why someone in <paramref name="role"/> cannot comment now on a section or outcome as it reads in version
    /// <paramref name="versionNumber"/>, if they cannot: what <see cref="CommentBlockers(CommissioningCycle, Guid, CycleRole, DateTimeOffset)"/>
    /// says for any snapshot of that version, for a page that knows the version without holding the snapshot.
    /// </summary>
    public IReadOnlyList<Refusal> CommentBlockersOnVersion(CommissioningCycle cycle, int versionNumber, CycleRole role, DateTimeOffset now) =>
        CommentBlockers(cycle, versionNumber, role, now);

    private List<Refusal> CommentBlockers(CommissioningCycle cycle, int versionNumber, CycleRole role, DateTimeOffset now)
    {
        StageContent.CheckCycle(cycle, CycleId);
        Guard.Defined(role);
        Guard.Utc(now);

        List<Refusal> refusals = [];
        if (IsFrozen(cycle))
        {
            refusals.Add(new Refusal(CycleRules.StageSignedOff));
        }

        if (!CommentsAsOwnInput(role))
        {
            refusals.Add(new Refusal(SpecificationRules.CommentRole));
        }

        var window = OpenWindowAt(now);
        if (window is null || window.VersionNumber != versionNumber)
        {
            bool hadWindow = _commentWindows.Any(w => w.VersionNumber == versionNumber && w.OpenedAt <= now);
            refusals.Add(new Refusal(hadWindow ? SpecificationRules.CommentsClosed : SpecificationRules.CommentsNotOpen));
        }
        else if (role == CycleRole.Provider && !window.ProvidersMayComment)
        {
            refusals.Add(new Refusal(SpecificationRules.ProvidersNotInvited));
        }

        return refusals;
    }

    /// <summary>
    /// A panel member (or an invited provider) comments on a section or outcome as it reads in the version open
    /// for comment. The comment is their contribution to the cycle's specification stage, so it counts towards
    /// R1 and needs a response before sign-off (R3).
    /// </summary>
    public DomainOutcome<Contribution> Comment(
        CommissioningCycle cycle, Guid snapshotId, string authorUserId, CycleRole authorRole, Voice voice, ContributionVisibility? visibility,
        string? summary, string? body,
        DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(authorUserId);
        var blockers = CommentBlockers(cycle, snapshotId, authorRole, now);
        if (blockers.Count > 0)
        {
            return DomainOutcome.Refused<Contribution>(blockers);
        }

        var target = FindSection(snapshotId) is not null
            ? ContributionTarget.ForSpecificationSection(snapshotId)
            : ContributionTarget.ForSpecificationOutcome(snapshotId);
        return cycle.AddContribution(StageKind.Specification, authorUserId, authorRole, voice, Channel.Online, visibility, summary, body, now, target);
    }

    /// <summary>
    /// A commissioner approves the latest version as the final specification. The approval is a decision in the
    /// specification stage, so R2 applies to it at sign-off; the decision names the version.
    /// </summary>
    public DomainOutcome<Decision> Approve(
        CommissioningCycle cycle, int versionNumber, DecisionDetails details, string approvedByUserId, CycleRole approverRole, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(approvedByUserId);
        var refusals = ApprovalBlockers(cycle, versionNumber, approverRole, now);
        if (refusals.Count > 0)
        {
            return DomainOutcome.Refused<Decision>(refusals);
        }

        var decision = cycle.RecordDecision(StageKind.Specification, details, approvedByUserId, approverRole, now);
        if (!decision.Succeeded)
        {
            return decision;
        }

        ApprovedVersionNumber = versionNumber;
        ApprovalDecisionId = decision.Value.Id;
        LastChangedAt = now;
        return decision;
    }

    /// <summary>
    /// A commissioner approves the latest version with what they answered about the approval. The decision it records
    /// says which version was approved, and meets R2 as it is made, like every decision: who took part, a mode and rung
    /// that agree, and the lived-experience comments that shaped a co-produced approval or why it was not co-produced.
    /// Every refusal comes back at once, beside the answer it concerns.
    /// </summary>
    public DomainOutcome<Decision> Approve(
        CommissioningCycle cycle, int versionNumber, ApprovalDetails approval, string approvedByUserId, CycleRole approverRole, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(approval);
        ArgumentNullException.ThrowIfNull(approval.Participants);
        ArgumentNullException.ThrowIfNull(approval.Influences);
        ArgumentException.ThrowIfNullOrWhiteSpace(approvedByUserId);

        var refusals = ApprovalBlockers(cycle, versionNumber, approverRole, now);
        DecisionMode? mode = approval.Mode is { } chosen && ApprovalModes.Contains(chosen) ? chosen : null;
        if (mode is null)
        {
            refusals.Add(new Refusal(SpecificationRules.ApprovalModeRequired));
        }

        string rationale = TextInput.Clean(approval.Rationale);
        if (rationale.Length > Decision.RationaleMaxLength)
        {
            refusals.Add(new Refusal(CycleRules.DecisionRationaleTooLong, Field: nameof(ApprovalDetails.Rationale)));
        }

        CoProductionLadderRung? rung = approval.Rung is { } chosenRung && Enum.IsDefined(chosenRung) ? chosenRung : null;
        if (rung is null)
        {
            refusals.Add(new Refusal(SpecificationRules.ApprovalRungRequired));
        }

        // The cycle's own R2 rules, as for any decision: the answers' fields are named as the decision's are.
        refusals.AddRange(cycle.AgreementRefusals(
            new DecisionDetails(null, null, mode, rationale, rung, now, approval.Participants, approval.Influences)));

        TextInput.Check(refusals, approval.Note, ApprovalNoteMaxLength, required: null, SpecificationRules.ApprovalNoteTooLong);
        if (refusals.Count > 0)
        {
            return DomainOutcome.Refused<Decision>(refusals);
        }

        string note = TextInput.Clean(approval.Note);
        var details = new DecisionDetails(
            $"Specification version {versionNumber} approved",
            $"Version {versionNumber} of the specification is approved as the final specification.{(note.Length > 0 ? " " + note : "")}",
            mode!.Value,
            rationale,
            approval.Rung!.Value,
            now,
            approval.Participants,
            approval.Influences);
        return Approve(cycle, versionNumber, details, approvedByUserId, approverRole, now);
    }

    // What stops anyone in this role approving this version now, whatever they answered.
    private List<Refusal> ApprovalBlockers(CommissioningCycle cycle, int versionNumber, CycleRole approverRole, DateTimeOffset now)
    {
        StageContent.CheckCycle(cycle, CycleId);
        Guard.Defined(approverRole);
        Guard.Utc(now);
        _ = FindVersion(versionNumber)
            ?? throw new ArgumentException($"The specification has no version {versionNumber}.", nameof(versionNumber));

        var refusals = CheckActor(cycle, approverRole);
        if (versionNumber != Latest.Number)
        {
            refusals.Add(new Refusal(SpecificationRules.ApproveLatestOnly));
        }
        else if (ApprovedVersionNumber == versionNumber)
        {
            refusals.Add(new Refusal(SpecificationRules.AlreadyApproved));
        }

        if (OpenWindowAt(now) is not null)
        {
            refusals.Add(new Refusal(SpecificationRules.ApproveWhileCommentsOpen));
        }

        return refusals;
    }

    private static List<Refusal> CheckActor(CommissioningCycle cycle, CycleRole role)
    {
        List<Refusal> refusals = [];
        if (!CyclePermissions.Allows(role, CycleOperation.ManageCycle))
        {
            refusals.Add(new Refusal(CycleRules.CommissionerOnly));
        }

        if (IsFrozen(cycle))
        {
            refusals.Add(new Refusal(CycleRules.StageSignedOff));
        }

        return refusals;
    }

    private static void CheckDraftShape(VersionDraft draft)
    {
        if (draft.Sections.Any(s => s is null || s.Answers is null) || draft.Outcomes.Any(o => o is null || o.Answers is null || o.Levels is null))
        {
            throw new ArgumentException("Sections, outcomes and their answers cannot be null.", nameof(draft));
        }

        if (draft.Sections.Any(s => s.SectionId == Guid.Empty) || draft.Outcomes.Any(o => o.OutcomeId == Guid.Empty))
        {
            throw new ArgumentException("Give every section and outcome an id; a new one gets a new id.", nameof(draft));
        }

        if (draft.Sections.DistinctBy(s => s.SectionId).Count() != draft.Sections.Count
            || draft.Outcomes.DistinctBy(o => o.OutcomeId).Count() != draft.Outcomes.Count)
        {
            throw new ArgumentException("Each section and outcome can appear once in a version.", nameof(draft));
        }

        var answers = draft.Sections.SelectMany(s => s.Answers).Concat(draft.Outcomes.SelectMany(o => o.Answers)).ToList();
        if (answers.Any(a => a is null) || answers.DistinctBy(a => a.ContributionId).Count() != answers.Count)
        {
            throw new ArgumentException("Each comment can be answered once in a version.", nameof(draft));
        }
    }

    private static CleanSectionDraft CleanSection(SectionDraft draft, int position, SpecificationVersion? previous, List<Refusal> refusals)
    {
        var id = draft.SectionId;
        TextInput.Check(refusals, draft.Title, SectionSnapshot.TitleMaxLength, SpecificationRules.SectionTitleRequired, SpecificationRules.SectionTitleTooLong, id);
        TextInput.Check(refusals, draft.Body, SectionSnapshot.BodyMaxLength, SpecificationRules.SectionBodyRequired, SpecificationRules.SectionBodyTooLong, id);
        TextInput.Check(refusals, draft.PlainSummary, SectionSnapshot.PlainSummaryMaxLength, required: null, SpecificationRules.PlainSummaryTooLong, id);

        string title = TextInput.Clean(draft.Title), body = TextInput.Clean(draft.Body), plainSummary = TextInput.Clean(draft.PlainSummary);
        var before = previous?.SectionFor(id);
        bool changed = before is null || !before.ReadsTheSameAs(title, body, plainSummary);
        return new CleanSectionDraft(draft, position, title, body, plainSummary, changed, before?.ChangedInVersion ?? 0, before?.Position);
    }

    private static CleanOutcomeDraft CleanOutcome(OutcomeDraft draft, int position, SpecificationVersion? previous, List<Refusal> refusals)
    {
        var id = draft.OutcomeId;
        TextInput.Check(
            refusals, draft.Statement, OutcomeSnapshot.StatementMaxLength, SpecificationRules.OutcomeStatementRequired, SpecificationRules.OutcomeStatementTooLong, id);
        string statement = TextInput.Clean(draft.Statement);
        if (statement.Length > 0 && !IsFirstPerson(statement))
        {
            refusals.Add(new Refusal(SpecificationRules.OutcomeStatementNotInFirstPerson, id));
        }

        if (draft.Domain is not { } domain || !Enum.IsDefined(domain))
        {
            refusals.Add(new Refusal(SpecificationRules.OutcomeDomainRequired, id));
            domain = default;
        }

        TextInput.Check(
            refusals, draft.Measure, OutcomeSnapshot.MeasureMaxLength, SpecificationRules.OutcomeMeasureRequired, SpecificationRules.OutcomeMeasureTooLong, id);
        var levels = draft.Levels.Cleaned();
        if (levels.All.Any(l => l.Length == 0))
        {
            refusals.Add(new Refusal(SpecificationRules.OutcomeLevelsRequired, id));
        }

        if (levels.All.Any(l => l.Length > RatingLevels.DescriptionMaxLength))
        {
            refusals.Add(new Refusal(SpecificationRules.OutcomeLevelTooLong, id));
        }

        string measure = TextInput.Clean(draft.Measure);
        var before = previous?.OutcomeFor(id);
        bool changed = before is null || !before.ReadsTheSameAs(statement, domain, measure, levels);
        return new CleanOutcomeDraft(draft, position, statement, domain, measure, levels, changed, before?.ChangedInVersion ?? 0, before?.Position);
    }

    // "I can...", "I'm...", "I've...": the person's own words, as the outcome framework is co-produced with them.
    private static bool IsFirstPerson(string statement) =>
        statement.Length > 1 && statement[0] == 'I' && (statement[1] is ' ' or '\'' or '\u2019');

    private void CheckAnswers(
        CommissioningCycle cycle, List<Refusal> refusals, Guid partId, bool changed, IReadOnlyList<AnsweredComment> answers,
        HashSet<Guid> snapshotIds, TargetKind kind)
    {
        if (answers.Count == 0)
        {
            return;
        }

        if (!changed)
        {
            refusals.Add(new Refusal(SpecificationRules.AnswerNeedsChange, partId));
        }

        foreach (var answer in answers)
        {
            if (answer.Note.Length > AnsweredComment.NoteMaxLength)
            {
                refusals.Add(new Refusal(SpecificationRules.AnswerNoteTooLong, answer.ContributionId));
            }

            var comment = cycle.FindContribution(answer.ContributionId);
            bool onThisPart = comment is { StageKind: StageKind.Specification }
                && comment.TargetKind == kind
                && comment.TargetId is { } target
                && snapshotIds.Contains(target);
            if (!onThisPart)
            {
                refusals.Add(new Refusal(SpecificationRules.AnswerNotACommentOnThisPart, answer.ContributionId));
            }
        }
    }

    // Each person reads which version changed and where, then the commissioner's note to them or the version's summary.
    private static void RespondTo(
        CommissioningCycle cycle, IReadOnlyList<AnsweredComment> answers, string where, string summary, string userId, CycleRole role,
        DateTimeOffset now)
    {
        foreach (var answer in answers)
        {
            // Always within Response.ExplanationMaxLength: a title or statement is at most 300 characters, a note or summary 1000.
            string explanation = $"{where}: {(answer.Note.Length > 0 ? answer.Note : summary)}";
            var response = cycle.Respond(answer.ContributionId, userId, role, answer.Type, explanation, now);
            if (!response.Succeeded)
            {
                throw new InvalidOperationException(
                    "The cycle refused a response the specification had checked: " + string.Join(", ", response.BrokenRules.Select(r => r.Code)));
            }
        }
    }

    private static bool IsUnchanged(SpecificationVersion previous, List<CleanSectionDraft> sections, List<CleanOutcomeDraft> outcomes) =>
        sections.Count == previous.Sections.Count
        && outcomes.Count == previous.Outcomes.Count
        && sections.All(s => !s.Changed && s.PreviousPosition == s.Position)
        && outcomes.All(o => !o.Changed && o.PreviousPosition == o.Position);


    private sealed record CleanSectionDraft(
        SectionDraft Draft, int Position, string Title, string Body, string PlainSummary, bool Changed, int ChangedInVersion, int? PreviousPosition);

    private sealed record CleanOutcomeDraft(
        OutcomeDraft Draft, int Position, string Statement, OutcomeDomain Domain, string Measure, RatingLevels Levels, bool Changed, int ChangedInVersion, int? PreviousPosition);
}
