using CoproCommissioning.Domain.Cycles;

namespace CoproCommissioning.Domain.Testing;

/// <summary>
/// Builds a cycle through its public methods only. <see cref="AtStage"/> signs off each earlier stage the
/// way a commissioner would: lived-experience input, a response, then sign-off.
/// </summary>
public sealed class ACycle
{
    private readonly StageKind _stage;
    private readonly List<(Voice Voice, bool Answered)> _contributions = [];
    private bool _withChampion = true;
    private (int Contributions, int Contributors)? _policy;

    private ACycle(StageKind stage) => _stage = stage;

    public static ACycle New() => new(StageKind.NeedsAssessment);

    public static ACycle AtStage(StageKind stage) => new(stage);

    /// <summary>Contributions in the stage, each from a different person, none answered yet.</summary>
    public ACycle WithContributions(params Voice[] voices)
    {
        _contributions.AddRange(voices.Select(v => (v, false)));
        return this;
    }

    public ACycle WithAnsweredContributions(params Voice[] voices)
    {
        _contributions.AddRange(voices.Select(v => (v, true)));
        return this;
    }

    public ACycle ReadyToSignOff() => WithAnsweredContributions(Voice.LivedExperience);

    public ACycle WithoutChampion()
    {
        _withChampion = false;
        return this;
    }

    public ACycle WithPolicy(int minimumContributions, int minimumContributors)
    {
        _policy = (minimumContributions, minimumContributors);
        return this;
    }

    public CommissioningCycle Build()
    {
        if (!_withChampion && _stage != StageKind.NeedsAssessment)
        {
            throw new InvalidOperationException("Reaching a later stage means signing off earlier ones, which needs a champion.");
        }

        var at = Moments.CycleCreated;
        DateTimeOffset Tick() => at = at.AddMinutes(1);

        var cycle = Expect.Success(CommissioningCycle.Create(
            "Community mental health transformation",
            "Community mental health",
            "Adults aged 18 to 65 in Leeds",
            2_500_000m,
            new DateOnly(2026, 4, 1),
            "West Yorkshire Integrated Care Board",
            People.Commissioner,
            at));

        if (_withChampion)
        {
            Expect.Success(cycle.SetChampion(People.Champion, CycleRole.Commissioner, Tick()));
        }

        foreach (var earlier in Enum.GetValues<StageKind>().Where(k => k < _stage))
        {
            var input = Expect.Success(cycle.AddContribution(
                earlier, People.PanelMember(1), CycleRole.PanelMember, Voice.LivedExperience, Channel.Workshop, ContributionVisibility.Everyone,
                "Evening appointments matter to people in work", "", Tick()));
            Expect.Success(cycle.Respond(
                input.Id, People.Commissioner, CycleRole.Commissioner, ResponseType.Adopted, "We added evening appointments.", Tick()));
            // A cycle built past its specification stage stands for one whose specification was approved.
            Expect.Success(cycle.SignOff(earlier, People.Commissioner, CycleRole.Commissioner, $"{earlier} agreed with the panel", Tick(), stageConditions: []));
        }

        if (_policy is var (minimumContributions, minimumContributors))
        {
            Expect.Success(cycle.ChangeSignOffPolicy(minimumContributions, minimumContributors, CycleRole.Commissioner, Tick()));
        }

        int number = 1;
        foreach (var (voice, answered) in _contributions)
        {
            var (author, role) = People.SpeakingAs(voice, number++);
            var contribution = Expect.Success(cycle.AddContribution(
                _stage, author, role, voice, Channel.Online, ContributionVisibility.Everyone, $"Input {number - 1} in a {voice} voice", "", Tick()));
            if (answered)
            {
                Expect.Success(cycle.Respond(
                    contribution.Id, People.Commissioner, CycleRole.Commissioner, ResponseType.Adapted, "We changed the opening hours.", Tick()));
            }
        }

        return cycle;
    }
}
