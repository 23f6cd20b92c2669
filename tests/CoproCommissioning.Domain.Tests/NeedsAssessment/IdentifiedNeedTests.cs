using CoproCommissioning.Domain.Cycles;
using CoproCommissioning.Domain.NeedsAssessment;

namespace CoproCommissioning.Domain.Tests.NeedsAssessment;

public sealed class IdentifiedNeedTests
{
    private static readonly DateTimeOffset Now = Moments.Now;

    [Fact]
    public void Records_a_need_with_its_priority_and_supporting_evidence()
    {
        var cycle = ACycle.New().Build();
        var jsna = Evidence(cycle, "Harbourside JSNA 2025");
        var story = Evidence(cycle, "Jess's story");

        var need = Expect.Success(IdentifiedNeed.Identify(cycle, "  People leaving rehabilitation wards lose support within weeks  ",
            NeedPriority.High, [jsna, story], People.Champion, CycleRole.CoProductionChampion, Now));

        Assert.Equal(cycle.Id, need.CycleId);
        Assert.Equal("People leaving rehabilitation wards lose support within weeks", need.Statement);
        Assert.Equal(NeedPriority.High, need.Priority);
        Assert.Equal([jsna.Id, story.Id], need.SupportingEvidence.Select(e => e.EvidenceItemId));
        Assert.Equal(People.Champion, need.RecordedByUserId);
        Assert.Equal(Now, need.RecordedAt);
    }

    [Fact]
    public void May_be_recorded_before_its_evidence_is_linked()
    {
        var need = Expect.Success(IdentifiedNeed.Identify(
            ACycle.New().Build(), "Carers need a named contact", NeedPriority.Medium, [], People.Commissioner, CycleRole.Commissioner, Now));

        Assert.Empty(need.SupportingEvidence);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("  ")]
    public void Needs_a_statement(string? statement)
    {
        var outcome = IdentifiedNeed.Identify(
            ACycle.New().Build(), statement, NeedPriority.Low, [], People.Commissioner, CycleRole.Commissioner, Now);

        Assert.Equal([NeedsAssessmentRules.NeedStatementRequired], outcome.BrokenRules);
    }

    [Fact]
    public void Refuses_a_statement_longer_than_the_limit()
    {
        var outcome = IdentifiedNeed.Identify(ACycle.New().Build(), new string('n', IdentifiedNeed.StatementMaxLength + 1),
            NeedPriority.Low, [], People.Commissioner, CycleRole.Commissioner, Now);

        Assert.Equal([NeedsAssessmentRules.NeedStatementTooLong], outcome.BrokenRules);
    }

    [Fact]
    public void Is_refused_for_a_panel_member_and_in_a_signed_off_stage_together()
    {
        var cycle = ACycle.AtStage(StageKind.CoDesign).Build();

        var outcome = IdentifiedNeed.Identify(cycle, "Evening support", NeedPriority.High, [], People.PanelMember(1), CycleRole.PanelMember, Now);

        Assert.Equal([NeedsAssessmentRules.StaffOnly, CycleRules.StageSignedOff], outcome.BrokenRules);
    }

    [Fact]
    public void Cannot_cite_evidence_from_another_cycle()
    {
        var cycle = ACycle.New().Build();
        var elsewhere = Evidence(ACycle.New().Build(), "Another borough's JSNA");

        Assert.Throws<ArgumentException>(() => IdentifiedNeed.Identify(
            cycle, "Evening support", NeedPriority.High, [elsewhere], People.Commissioner, CycleRole.Commissioner, Now));
    }

    [Fact]
    public void Cannot_cite_the_same_evidence_twice()
    {
        var cycle = ACycle.New().Build();
        var jsna = Evidence(cycle, "Harbourside JSNA 2025");

        Assert.Throws<ArgumentException>(() => IdentifiedNeed.Identify(
            cycle, "Evening support", NeedPriority.High, [jsna, jsna], People.Commissioner, CycleRole.Commissioner, Now));
    }

    [Fact]
    public void Revising_replaces_the_statement_priority_and_evidence()
    {
        var cycle = ACycle.New().Build();
        var jsna = Evidence(cycle, "Harbourside JSNA 2025");
        var survey = Evidence(cycle, "Wellbeing survey");
        var need = Expect.Success(IdentifiedNeed.Identify(
            cycle, "Evening support", NeedPriority.Low, [jsna], People.Commissioner, CycleRole.Commissioner, Now));

        Expect.Success(need.Revise(cycle, "Support in the evenings and at weekends", NeedPriority.High, [survey], CycleRole.Commissioner, Now));

        Assert.Equal("Support in the evenings and at weekends", need.Statement);
        Assert.Equal(NeedPriority.High, need.Priority);
        Assert.Equal([survey.Id], need.SupportingEvidence.Select(e => e.EvidenceItemId));
    }

    private static EvidenceItem Evidence(CommissioningCycle cycle, string source) =>
        Expect.Success(EvidenceItem.Add(cycle, source, EvidenceKind.Jsna, "What it shows", null, People.Commissioner, CycleRole.Commissioner, Now));
}
