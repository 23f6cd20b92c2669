namespace CoproCommissioning.Domain.Cycles;

/// <summary>What was decided in a stage, how (its mode), why, who took part and which contributions shaped it (R2).</summary>
public sealed class Decision
{
    public const int TitleMaxLength = 200;
    public const int WhatWasDecidedMaxLength = 4000;
    public const int RationaleMaxLength = 2000;

    private readonly List<DecisionParticipant> _participants = [];
    private readonly List<DecisionInfluence> _influences = [];
    private readonly List<GroupOfPeople> _groups = [];

    private Decision() { }

    internal Decision(StageKind stageKind, DecisionDetails details, string recordedByUserId, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7();
        StageKind = stageKind;
        RecordedByUserId = recordedByUserId;
        RecordedAt = now;
        Apply(details);
    }

    public Guid Id { get; private set; }

    public StageKind StageKind { get; private set; }

    public string Title { get; private set; } = "";

    public string WhatWasDecided { get; private set; } = "";

    public DecisionMode Mode { get; private set; }

    /// <summary>Why it was decided this way; required when the decision is not co-produced.</summary>
    public string Rationale { get; private set; } = "";

    public CoProductionLadderRung Rung { get; private set; }

    public DateTimeOffset DecidedAt { get; private set; }

    public string RecordedByUserId { get; private set; } = "";

    public DateTimeOffset RecordedAt { get; private set; }

    public string? LastRevisedByUserId { get; private set; }

    public DateTimeOffset? LastRevisedAt { get; private set; }

    public IReadOnlyList<DecisionParticipant> Participants => _participants;

    public IReadOnlyList<DecisionInfluence> Influences => _influences;

    /// <summary>People without an account who took part, as groups: "6 parents at the Harbourside workshop".</summary>
    public IReadOnlyList<GroupOfPeople> Groups => _groups;

    /// <summary>Anyone took part: a member or a group of people without an account (R2).</summary>
    public bool HasParticipants => _participants.Count > 0 || _groups.Count > 0;

    internal void Revise(DecisionDetails details, string revisedByUserId, DateTimeOffset now)
    {
        Apply(details);
        LastRevisedByUserId = revisedByUserId;
        LastRevisedAt = now;
    }

    private void Apply(DecisionDetails details)
    {
        Title = TextInput.Clean(details.Title);
        WhatWasDecided = TextInput.Clean(details.WhatWasDecided);
        Mode = details.Mode ?? throw new ArgumentException("A decision needs its mode: check the details first.", nameof(details));
        Rationale = TextInput.Clean(details.Rationale);
        Rung = details.Rung ?? throw new ArgumentException("A decision needs its rung: check the details first.", nameof(details));
        DecidedAt = details.DecidedAt ?? throw new ArgumentException("A decision needs its date: check the details first.", nameof(details));

        // Copies, so no owned instance is ever shared between two decisions.
        _participants.Clear();
        _participants.AddRange(details.Participants.Select(p => new DecisionParticipant(p.UserId, p.Role)));
        _influences.Clear();
        _influences.AddRange(details.Influences.Select(i => new DecisionInfluence(i.ContributionId, i.Note)));
        _groups.Clear();
        _groups.AddRange(details.Groups.Select(g => new GroupOfPeople(g.Count, g.Voice, g.Description, g.SessionId)));
    }
}
