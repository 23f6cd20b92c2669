using CoproCommissioning.Domain.Cycles;
using CoproCommissioning.Domain.Specification;

namespace CoproCommissioning.Domain.Tests.Specification;

public sealed class OutcomeFrameworkTests
{
    private static readonly DateTimeOffset Now = Moments.Now;

    private static VersionDraft WithOutcome(ServiceSpecification specification, OutcomeDraft outcome, string summary = "Outcome added")
    {
        var draft = specification.Latest.ToDraft();
        return draft with
        {
            ChangeSummary = summary,
            Outcomes = [.. draft.Outcomes.Where(o => o.OutcomeId != outcome.OutcomeId), outcome],
        };
    }

    [Fact]
    public void Adding_an_outcome_saves_a_new_version_with_its_domain_measure_and_levels()
    {
        var (cycle, specification) = ASpecification.Started();
        var id = Guid.CreateVersion7();

        Expect.Success(specification.SaveVersion(cycle, 1, WithOutcome(specification, new OutcomeDraft(id,
            "I have people I can turn to", OutcomeDomain.SocialNetworks, "Asked at each review.", ASpecification.Levels)),
            People.Commissioner, CycleRole.Commissioner, Now));

        var outcome = specification.Outcome(id, 2);
        Assert.Equal(OutcomeDomain.SocialNetworks, outcome.Domain);
        Assert.Equal("Most people get help within 2 days of asking.", outcome.Levels.Describe(RatingLevel.Good));
        Assert.Equal(2, outcome.Position);
        Assert.Equal(1, specification.Outcome(ASpecification.CrisisOutcome, 2).ChangedInVersion);
    }

    [Theory]
    [InlineData("People can get help before crisis")]
    [InlineData("It is easy to get help")]
    [InlineData("If I need help I get it")]
    public void Is_written_as_an_I_statement(string statement)
    {
        var (cycle, specification) = ASpecification.Started();
        var id = Guid.CreateVersion7();

        var outcome = specification.SaveVersion(cycle, 1, WithOutcome(specification,
            new OutcomeDraft(id, statement, OutcomeDomain.MentalWellbeing, "Reviews.", ASpecification.Levels)),
            People.Commissioner, CycleRole.Commissioner, Now);

        Assert.Equal([new Refusal(SpecificationRules.OutcomeStatementNotInFirstPerson, id)], outcome.Refusals);
    }

    [Theory]
    [InlineData("I can get help before I reach crisis")]
    [InlineData("I'm listened to")]
    [InlineData("I’ve got a safe place to live")]
    public void First_person_statements_are_accepted(string statement)
    {
        var (cycle, specification) = ASpecification.Started();

        var outcome = specification.SaveVersion(cycle, 1, WithOutcome(specification,
            new OutcomeDraft(Guid.CreateVersion7(), statement, OutcomeDomain.Housing, "Reviews.", ASpecification.Levels)),
            People.Commissioner, CycleRole.Commissioner, Now);

        Assert.True(outcome.Succeeded);
    }

    [Fact]
    public void Needs_a_measure_and_every_rating_level_described()
    {
        var (cycle, specification) = ASpecification.Started();
        var id = Guid.CreateVersion7();

        var outcome = specification.SaveVersion(cycle, 1, WithOutcome(specification, new OutcomeDraft(id,
            "I have a job I value", OutcomeDomain.Employment, "", ASpecification.Levels with { Stretch = " " })),
            People.Commissioner, CycleRole.Commissioner, Now);

        Assert.Equal(
            [new Refusal(SpecificationRules.OutcomeMeasureRequired, id), new Refusal(SpecificationRules.OutcomeLevelsRequired, id)],
            outcome.Refusals);
    }

    [Fact]
    public void Outcome_text_has_limits()
    {
        var (cycle, specification) = ASpecification.Started();
        var id = Guid.CreateVersion7();

        var outcome = specification.SaveVersion(cycle, 1, WithOutcome(specification, new OutcomeDraft(id,
            "I " + new string('x', OutcomeSnapshot.StatementMaxLength), OutcomeDomain.Employment,
            new string('m', OutcomeSnapshot.MeasureMaxLength + 1),
            ASpecification.Levels with { Poor = new string('p', RatingLevels.DescriptionMaxLength + 1) })),
            People.Commissioner, CycleRole.Commissioner, Now);

        Assert.Equal(
            [SpecificationRules.OutcomeStatementTooLong, SpecificationRules.OutcomeMeasureTooLong, SpecificationRules.OutcomeLevelTooLong],
            outcome.BrokenRules);
    }

    [Fact]
    public void A_changed_outcome_can_answer_comments_made_on_it()
    {
        var (cycle, specification) = ASpecification.OpenForComment();
        var comment = Expect.Success(specification.Comment(cycle, specification.Outcome(ASpecification.CrisisOutcome).Id, People.PanelMember(1),
            CycleRole.PanelMember, Voice.LivedExperience, ContributionVisibility.Everyone, "Say what crisis means", "", Now));
        var changed = specification.Latest.ToDraft().Outcomes[0] with
        {
            Statement = "I can get help before I reach crisis, as I understand crisis",
            Answers = [new AnsweredComment(comment.Id, ResponseType.Adapted)],
        };

        Expect.Success(specification.SaveVersion(cycle, 1, WithOutcome(specification, changed, "Crisis defined by the person"),
            People.Commissioner, CycleRole.Commissioner, Now));

        Assert.Equal(comment.Id, Assert.Single(specification.Outcome(ASpecification.CrisisOutcome, 2).Answers).ContributionId);
        Assert.Equal(ResponseType.Adapted, comment.CurrentResponse!.Type);
        Assert.StartsWith("Changed in v2 (outcome: I can get help", comment.CurrentResponse.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Needs_an_area_of_life_chosen()
    {
        var (cycle, specification) = ASpecification.Started();
        var id = Guid.CreateVersion7();

        var outcome = specification.SaveVersion(cycle, 1, WithOutcome(specification,
            new OutcomeDraft(id, "I have people I can turn to", null, "Asked at each review.", ASpecification.Levels)),
            People.Commissioner, CycleRole.Commissioner, Now);

        Assert.Equal([new Refusal(SpecificationRules.OutcomeDomainRequired, id)], outcome.Refusals);
        Assert.Equal(nameof(OutcomeDraft.Domain), outcome.Refusals[0].Field);
        Assert.Equal(1, specification.Latest.Number);
    }
}
