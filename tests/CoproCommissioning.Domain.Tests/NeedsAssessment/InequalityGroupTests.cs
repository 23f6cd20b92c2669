using CoproCommissioning.Domain.Cycles;
using CoproCommissioning.Domain.NeedsAssessment;

namespace CoproCommissioning.Domain.Tests.NeedsAssessment;

public sealed class InequalityGroupTests
{
    private static readonly DateTimeOffset Now = Moments.Now;

    [Fact]
    public void Records_the_group_and_what_the_inequality_is()
    {
        var cycle = ACycle.New().Build();

        var group = Expect.Success(InequalityGroup.Record(cycle, AffectedGroup.Race, " Black African and Caribbean men ",
            " Detained under the Mental Health Act at 3.5 times the rate of white men. ", People.Commissioner, CycleRole.Commissioner, Now));

        Assert.Equal(cycle.Id, group.CycleId);
        Assert.Equal(AffectedGroup.Race, group.Group);
        Assert.Equal("Black African and Caribbean men", group.Description);
        Assert.Equal("Detained under the Mental Health Act at 3.5 times the rate of white men.", group.Inequality);
    }

    [Fact]
    public void Needs_a_description_only_for_another_group()
    {
        var cycle = ACycle.New().Build();

        Assert.True(InequalityGroup.Record(cycle, AffectedGroup.Carers, null, "Carers are not told about discharge.",
            People.Commissioner, CycleRole.Commissioner, Now).Succeeded);
        var other = InequalityGroup.Record(cycle, AffectedGroup.Other, " ", "Seasonal workers cannot register with a GP.",
            People.Commissioner, CycleRole.Commissioner, Now);

        Assert.Equal([NeedsAssessmentRules.GroupDescriptionRequired], other.BrokenRules);
    }

    [Fact]
    public void Needs_the_inequality()
    {
        var outcome = InequalityGroup.Record(
            ACycle.New().Build(), AffectedGroup.Age, "Over 65s", "", People.Commissioner, CycleRole.Commissioner, Now);

        Assert.Equal([NeedsAssessmentRules.InequalityRequired], outcome.BrokenRules);
    }

    [Fact]
    public void Refuses_text_longer_than_the_limits()
    {
        var outcome = InequalityGroup.Record(ACycle.New().Build(), AffectedGroup.Age,
            new string('d', InequalityGroup.DescriptionMaxLength + 1), new string('i', InequalityGroup.InequalityMaxLength + 1),
            People.Commissioner, CycleRole.Commissioner, Now);

        Assert.Equal([NeedsAssessmentRules.GroupDescriptionTooLong, NeedsAssessmentRules.InequalityTooLong], outcome.BrokenRules);
    }

    [Fact]
    public void Is_refused_in_a_signed_off_needs_assessment()
    {
        var outcome = InequalityGroup.Record(ACycle.AtStage(StageKind.CoDesign).Build(), AffectedGroup.Disability, "",
            "Deaf people have no BSL access to crisis lines.", People.Commissioner, CycleRole.Commissioner, Now);

        Assert.Equal([CycleRules.StageSignedOff], outcome.BrokenRules);
    }

    [Theory]
    [InlineData(AffectedGroup.Age, true)]
    [InlineData(AffectedGroup.SexualOrientation, true)]
    [InlineData(AffectedGroup.PeopleExperiencingHomelessness, false)]
    [InlineData(AffectedGroup.Other, false)]
    public void Knows_the_protected_characteristics(AffectedGroup group, bool isProtected) =>
        Assert.Equal(isProtected, group.IsProtectedCharacteristic());

    [Fact]
    public void Lists_the_nine_protected_characteristics() =>
        Assert.Equal(9, Enum.GetValues<AffectedGroup>().Count(g => g.IsProtectedCharacteristic()));
}
