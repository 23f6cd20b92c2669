using CoproCommissioning.Domain.Cycles;

namespace CoproCommissioning.Domain.Testing;

/// <summary>Decision details as a page would send them. Defaults: co-produced, two participants, shaped by nothing yet.</summary>
public sealed class ADecision
{
    private readonly List<DecisionParticipant> _participants =
    [
        new(People.Commissioner, CycleRole.Commissioner),
        new(People.PanelMember(1), CycleRole.PanelMember),
    ];

    private readonly List<DecisionInfluence> _influences = [];
    private readonly List<GroupOfPeople> _groups = [];
    private DecisionMode _mode = DecisionMode.CoProduced;
    private CoProductionLadderRung _rung = CoProductionLadderRung.CoProduction;
    private string? _title = "Preferred model";
    private string? _whatWasDecided = "A crisis café open until midnight, run with a peer-led organisation.";
    private string? _rationale = "";
    private DateTimeOffset _decidedAt = Moments.Now.AddDays(-1);

    private ADecision() { }

    public static ADecision CoProduced() => new();

    public static ADecision InMode(DecisionMode mode) => new()
    {
        _mode = mode,
        _rung = mode == DecisionMode.CoProduced ? CoProductionLadderRung.CoProduction : CoProductionLadderRung.Consultation,
    };

    public ADecision ShapedBy(params Contribution[] contributions)
    {
        _influences.AddRange(contributions.Select(c => new DecisionInfluence(c.Id, "It set the opening hours.")));
        return this;
    }

    public ADecision ShapedBy(Guid contributionId, string? note)
    {
        _influences.Add(new DecisionInfluence(contributionId, note));
        return this;
    }

    public ADecision WithParticipants(params DecisionParticipant[] participants)
    {
        _participants.Clear();
        _participants.AddRange(participants);
        return this;
    }

    public ADecision WithoutParticipants() => WithParticipants();

    public ADecision WithGroups(params GroupOfPeople[] groups)
    {
        _groups.Clear();
        _groups.AddRange(groups);
        return this;
    }

    public ADecision OnRung(CoProductionLadderRung rung)
    {
        _rung = rung;
        return this;
    }

    public ADecision WithRationale(string? rationale)
    {
        _rationale = rationale;
        return this;
    }

    public ADecision WithTitle(string? title)
    {
        _title = title;
        return this;
    }

    public ADecision WithWhatWasDecided(string? whatWasDecided)
    {
        _whatWasDecided = whatWasDecided;
        return this;
    }

    public ADecision DecidedAt(DateTimeOffset decidedAt)
    {
        _decidedAt = decidedAt;
        return this;
    }

    public DecisionDetails Build() =>
        new(_title, _whatWasDecided, _mode, _rationale, _rung, _decidedAt, [.. _participants], [.. _influences], [.. _groups]);
}
