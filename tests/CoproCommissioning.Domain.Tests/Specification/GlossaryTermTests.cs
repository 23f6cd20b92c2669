using CoproCommissioning.Domain.Cycles;
using CoproCommissioning.Domain.Specification;

namespace CoproCommissioning.Domain.Tests.Specification;

public sealed class GlossaryTermTests
{
    private static readonly DateTimeOffset Now = Moments.Now;
    private static readonly CommissioningCycle Cycle = ACycle.AtStage(StageKind.Specification).Build();

    [Fact]
    public void A_commissioners_term_is_agreed_at_once()
    {
        var term = Expect.Success(GlossaryTerm.Add(Cycle, [], " Crisis plan ", "A plan you make with your team about what helps when things get hard.",
            People.Commissioner, CycleRole.Commissioner, Now));

        Assert.Equal("Crisis plan", term.Term);
        Assert.True(term.IsAgreed);
        Assert.Equal(People.Commissioner, term.AgreedByUserId);
    }

    [Theory]
    [InlineData(CycleRole.PanelMember)]
    [InlineData(CycleRole.CoProductionChampion)]
    [InlineData(CycleRole.Provider)]
    [InlineData(CycleRole.ClinicalAdviser)]
    public void Anyone_else_taking_part_suggests_a_term_for_a_commissioner_to_agree(CycleRole role)
    {
        var term = Expect.Success(GlossaryTerm.Add(Cycle, [], "Step-down", "Support after a stay in hospital.", "member-1", role, Now));

        Assert.Equal(GlossaryTermStatus.Proposed, term.Status);
        Assert.Null(term.AgreedAt);
    }

    [Fact]
    public void An_observer_cannot_suggest_terms()
    {
        var outcome = GlossaryTerm.Add(Cycle, [], "Step-down", "Support after a stay in hospital.", People.Observer, CycleRole.Observer, Now);

        Assert.Equal([SpecificationRules.GlossaryRole], outcome.BrokenRules);
    }

    [Fact]
    public void A_term_already_in_the_glossary_is_refused_whatever_its_case()
    {
        var outcome = GlossaryTerm.Add(Cycle, ["Crisis plan"], "crisis PLAN", "Another meaning.", People.PanelMember(1), CycleRole.PanelMember, Now);

        Assert.Equal([SpecificationRules.TermDuplicate], outcome.BrokenRules);
    }

    [Fact]
    public void Needs_a_term_and_its_meaning_within_limits()
    {
        var blank = GlossaryTerm.Add(Cycle, [], " ", "", People.Commissioner, CycleRole.Commissioner, Now);
        var tooLong = GlossaryTerm.Add(Cycle, [], new string('t', GlossaryTerm.TermMaxLength + 1), new string('m', GlossaryTerm.MeaningMaxLength + 1),
            People.Commissioner, CycleRole.Commissioner, Now);

        Assert.Equal([SpecificationRules.TermRequired, SpecificationRules.MeaningRequired], blank.BrokenRules);
        Assert.Equal([SpecificationRules.TermTooLong, SpecificationRules.MeaningTooLong], tooLong.BrokenRules);
    }

    [Fact]
    public void A_commissioner_agrees_a_suggestion_and_may_reword_it()
    {
        var term = Expect.Success(GlossaryTerm.Add(Cycle, [], "Step down", "After hospital.", People.PanelMember(1), CycleRole.PanelMember, Now));

        Expect.Success(term.Agree(Cycle, [], "Step-down care", "Support to settle back at home after a stay in hospital.",
            People.Commissioner, CycleRole.Commissioner, Now));

        Assert.True(term.IsAgreed);
        Assert.Equal("Step-down care", term.Term);
        Assert.Equal(People.PanelMember(1), term.ProposedByUserId);
    }

    [Fact]
    public void Only_a_commissioner_agrees_changes_or_removes_a_term()
    {
        var term = Expect.Success(GlossaryTerm.Add(Cycle, [], "Step-down", "After hospital.", People.PanelMember(1), CycleRole.PanelMember, Now));

        var agree = term.Agree(Cycle, [], "Step-down", "After hospital.", People.PanelMember(1), CycleRole.PanelMember, Now);

        Assert.Equal([CycleRules.CommissionerOnly], agree.BrokenRules);
        Assert.Equal([CycleRules.CommissionerOnly], term.RemovalBlockers(Cycle, CycleRole.CoProductionChampion).Select(r => r.Rule));
        Assert.False(term.IsAgreed);
    }

    [Fact]
    public void The_glossary_is_frozen_once_the_specification_stage_is_signed_off()
    {
        var cycle = ACycle.AtStage(StageKind.Specification).ReadyToSignOff().Build();
        var term = Expect.Success(GlossaryTerm.Add(cycle, [], "Step-down", "After hospital.", People.PanelMember(1), CycleRole.PanelMember, Now));
        Expect.Success(cycle.SignOff(StageKind.Specification, People.Commissioner, CycleRole.Commissioner, "Agreed", Now, stageConditions: []));

        var add = GlossaryTerm.Add(cycle, [], "Recovery college", "Courses about mental health, run with people who use services.",
            People.Commissioner, CycleRole.Commissioner, Now);
        var agree = term.Agree(cycle, [], "Step-down", "After hospital.", People.Commissioner, CycleRole.Commissioner, Now);

        Assert.Equal([CycleRules.StageSignedOff], add.BrokenRules);
        Assert.Equal([CycleRules.StageSignedOff], agree.BrokenRules);
        Assert.Equal([CycleRules.StageSignedOff], term.RemovalBlockers(cycle, CycleRole.Commissioner).Select(r => r.Rule));
        Assert.False(term.IsAgreed);
    }

    [Fact]
    public void A_commissioner_removes_a_term_and_nobody_else_can()
    {
        var term = Expect.Success(GlossaryTerm.Add(Cycle, [], "Step-down", "After hospital.", People.PanelMember(1), CycleRole.PanelMember, Now));

        var byChampion = term.Remove(Cycle, CycleRole.CoProductionChampion);
        Assert.Equal([CycleRules.CommissionerOnly], byChampion.BrokenRules);
        Assert.False(term.IsRemoved);

        Expect.Success(term.Remove(Cycle, CycleRole.Commissioner));
        Assert.True(term.IsRemoved);
    }

    [Fact]
    public void A_term_is_not_removed_once_the_specification_stage_is_signed_off()
    {
        var cycle = ACycle.AtStage(StageKind.Specification).ReadyToSignOff().Build();
        var term = Expect.Success(GlossaryTerm.Add(cycle, [], "Step-down", "After hospital.", People.Commissioner, CycleRole.Commissioner, Now));
        Expect.Success(cycle.SignOff(StageKind.Specification, People.Commissioner, CycleRole.Commissioner, "Agreed", Now, stageConditions: []));

        var outcome = term.Remove(cycle, CycleRole.Commissioner);

        Assert.Equal([CycleRules.StageSignedOff], outcome.BrokenRules);
        Assert.False(term.IsRemoved);
    }

    [Fact]
    public void Refusals_about_the_term_and_its_meaning_name_those_inputs()
    {
        var outcome = GlossaryTerm.Add(Cycle, ["Crisis plan"], "crisis plan", "", People.Commissioner, CycleRole.Commissioner, Now);

        Assert.Equal([SpecificationRules.MeaningRequired, SpecificationRules.TermDuplicate], outcome.BrokenRules);
        Assert.Equal([nameof(GlossaryTerm.Meaning), nameof(GlossaryTerm.Term)], outcome.Refusals.Select(r => r.Field));
    }
}
