using CoproCommissioning.Domain.Cycles;
using CoproCommissioning.Domain.Specification;

namespace CoproCommissioning.Domain.Tests.Specification;

public sealed class ApprovalTests
{
    private static readonly DateTimeOffset Now = Moments.Now;

    private static DecisionDetails Approval(params Contribution[] shapedBy) => new(
        "Specification v2 approved",
        "Version 2 of the specification is approved as final.",
        DecisionMode.CoProduced,
        "",
        CoProductionLadderRung.CoProduction,
        Now.AddHours(-1),
        [new DecisionParticipant(People.Commissioner, CycleRole.Commissioner), new DecisionParticipant(People.PanelMember(1), CycleRole.PanelMember)],
        [.. shapedBy.Select(c => new DecisionInfluence(c.Id, "Their comment changed the opening hours."))]);

    /// <summary>What a commissioner answers on the approval form, with who took part.</summary>
    private static ApprovalDetails Answers(DecisionMode? mode, params Contribution[] shapedBy) => new(
        mode,
        "",
        mode == DecisionMode.CoProduced ? CoProductionLadderRung.CoProduction : CoProductionLadderRung.Engagement,
        [new DecisionParticipant(People.Commissioner, CycleRole.Commissioner), new DecisionParticipant(People.PanelMember(1), CycleRole.PanelMember)],
        [.. shapedBy.Select(c => new DecisionInfluence(c.Id, "Their comment changed the opening hours."))],
        "");

    /// <summary>v1 commented on, v2 answering the comment, comments closed.</summary>
    private static (CommissioningCycle Cycle, ServiceSpecification Specification, Contribution Comment) ReadyToApprove()
    {
        var (cycle, specification) = ASpecification.OpenForComment();
        var comment = specification.PanelComment(cycle, ASpecification.OpeningHours);
        Expect.Success(specification.CloseComments(cycle, People.Commissioner, CycleRole.Commissioner, Now.AddHours(-3)));
        Expect.Success(specification.SaveVersion(cycle, 1, specification.Changing(ASpecification.OpeningHours, "Open until 9pm.", "Evenings",
            new AnsweredComment(comment.Id, ResponseType.Adopted)), People.Commissioner, CycleRole.Commissioner, Now.AddHours(-2)));
        return (cycle, specification, comment);
    }

    [Fact]
    public void Approving_records_a_decision_in_the_specification_stage_that_names_the_version()
    {
        var (cycle, specification, comment) = ReadyToApprove();

        var decision = Expect.Success(specification.Approve(cycle, 2, Approval(comment), People.Commissioner, CycleRole.Commissioner, Now));

        Assert.Equal(StageKind.Specification, decision.StageKind);
        Assert.Contains(decision, cycle.StageOf(StageKind.Specification).Decisions);
        Assert.Equal(2, specification.ApprovedVersionNumber);
        Assert.Equal(decision.Id, specification.ApprovalDecisionId);
        Assert.True(specification.IsLatestApproved);
    }

    [Fact]
    public void The_stage_can_then_be_signed_off_and_the_approved_version_is_frozen()
    {
        var (cycle, specification, comment) = ReadyToApprove();
        Expect.Success(specification.Approve(cycle, 2, Approval(comment), People.Commissioner, CycleRole.Commissioner, Now));

        Expect.Success(cycle.SignOff(StageKind.Specification, People.Commissioner, CycleRole.Commissioner, "Specification agreed with the panel", Now,
            ServiceSpecification.SignOffConditions(specification)));

        Assert.True(ServiceSpecification.IsFrozen(cycle));
        Assert.Contains(CycleRules.StageSignedOff, specification.SaveVersion(cycle, 2,
            specification.Changing(ASpecification.Staffing, "More nurses."), People.Commissioner, CycleRole.Commissioner, Now).BrokenRules);
        Assert.Contains(CycleRules.StageSignedOff, specification.OpenForComment(
            cycle, Now.AddDays(7), false, People.Commissioner, CycleRole.Commissioner, Now).BrokenRules);
        Assert.Contains(CycleRules.StageSignedOff, specification.CommentBlockers(
            cycle, specification.Section(ASpecification.Staffing, 2).Id, CycleRole.PanelMember, Now).Select(r => r.Rule));
        Assert.Equal(2, specification.Latest.Number);
    }

    [Fact]
    public void Is_refused_while_comments_are_open()
    {
        var (cycle, specification) = ASpecification.OpenForComment();

        var outcome = specification.Approve(cycle, 1, Approval(), People.Commissioner, CycleRole.Commissioner, Now);

        Assert.Equal([SpecificationRules.ApproveWhileCommentsOpen], outcome.BrokenRules);
        Assert.Empty(cycle.StageOf(StageKind.Specification).Decisions);
        Assert.Null(specification.ApprovedVersionNumber);
    }

    [Fact]
    public void The_same_version_is_not_approved_twice()
    {
        var (cycle, specification, comment) = ReadyToApprove();
        Expect.Success(specification.Approve(cycle, 2, Approval(comment), People.Commissioner, CycleRole.Commissioner, Now));

        var again = specification.Approve(cycle, 2, Approval(comment), People.Commissioner, CycleRole.Commissioner, Now);

        Assert.Equal([SpecificationRules.AlreadyApproved], again.BrokenRules);
        Assert.Single(cycle.StageOf(StageKind.Specification).Decisions);
    }

    [Fact]
    public void Only_the_latest_version_can_be_approved()
    {
        var (cycle, specification, _) = ReadyToApprove();

        var outcome = specification.Approve(cycle, 1, Approval(), People.Commissioner, CycleRole.Commissioner, Now);

        Assert.Equal([SpecificationRules.ApproveLatestOnly], outcome.BrokenRules);
    }

    [Theory]
    [InlineData(CycleRole.CoProductionChampion)]
    [InlineData(CycleRole.PanelMember)]
    [InlineData(CycleRole.ClinicalAdviser)]
    public void Only_a_commissioner_approves(CycleRole role)
    {
        var (cycle, specification, _) = ReadyToApprove();

        var outcome = specification.Approve(cycle, 2, Approval(), "someone", role, Now);

        Assert.Equal([CycleRules.CommissionerOnly], outcome.BrokenRules);
        Assert.Null(specification.ApprovedVersionNumber);
    }

    [Fact]
    public void The_cycles_decision_rules_still_apply_and_nothing_is_approved_when_they_refuse()
    {
        var (cycle, specification, comment) = ReadyToApprove();

        var outcome = specification.Approve(cycle, 2, Approval(comment) with { WhatWasDecided = "" }, People.Commissioner, CycleRole.Commissioner, Now);

        Assert.Equal([CycleRules.WhatWasDecidedRequired], outcome.BrokenRules);
        Assert.Null(specification.ApprovedVersionNumber);
    }

    [Fact]
    public void A_version_saved_after_approval_is_not_approved_until_it_is_approved_again()
    {
        var (cycle, specification, comment) = ReadyToApprove();
        Expect.Success(specification.Approve(cycle, 2, Approval(comment), People.Commissioner, CycleRole.Commissioner, Now));

        Expect.Success(specification.SaveVersion(cycle, 2, specification.Changing(ASpecification.Staffing, "More nurses.", "Staffing"),
            People.Commissioner, CycleRole.Commissioner, Now));

        Assert.Equal(2, specification.ApprovedVersionNumber);
        Assert.False(specification.IsLatestApproved);
    }

    [Fact]
    public void The_stage_cannot_be_signed_off_until_the_latest_version_is_approved()
    {
        var (cycle, specification, comment) = ReadyToApprove();

        var beforeApproval = SignOff(cycle, specification);
        Expect.Success(specification.Approve(cycle, 2, Approval(comment), People.Commissioner, CycleRole.Commissioner, Now));
        Expect.Success(specification.SaveVersion(cycle, 2, specification.Changing(ASpecification.Staffing, "More nurses.", "Staffing"),
            People.Commissioner, CycleRole.Commissioner, Now));
        var afterAChange = SignOff(cycle, specification);

        Assert.Equal([SpecificationRules.NotApproved], beforeApproval.BrokenRules);
        Assert.Equal([SpecificationRules.ChangedSinceApproval], afterAChange.BrokenRules);
        Assert.False(cycle.StageOf(StageKind.Specification).IsSignedOff);
    }

    [Fact]
    public void The_stage_cannot_be_signed_off_without_a_specification_and_the_cycle_insists_on_being_told()
    {
        var cycle = ACycle.AtStage(StageKind.Specification).ReadyToSignOff().Build();

        var outcome = SignOff(cycle, specification: null);

        Assert.Equal([SpecificationRules.NotWritten], outcome.BrokenRules);
        Assert.Throws<ArgumentException>(() => cycle.SignOff(StageKind.Specification, People.Commissioner, CycleRole.Commissioner, "Agreed", Now));
        Assert.Contains(new Refusal(SpecificationRules.NotWritten), cycle.SignOffBlockers(StageKind.Specification, ServiceSpecification.SignOffConditions(null)));
    }

    private static DomainOutcome SignOff(CommissioningCycle cycle, ServiceSpecification? specification) =>
        cycle.SignOff(StageKind.Specification, People.Commissioner, CycleRole.Commissioner, "Specification agreed with the panel", Now,
            ServiceSpecification.SignOffConditions(specification));

    [Fact]
    public void Approving_with_the_commissioners_answers_records_a_decision_that_names_the_version_and_meets_R2()
    {
        var (cycle, specification, comment) = ReadyToApprove();

        var decision = Expect.Success(specification.Approve(cycle, 2, Answers(DecisionMode.CoProduced, comment) with { Note = " Agreed at the panel meeting. " },
            People.Commissioner, CycleRole.Commissioner, Now));

        Assert.Equal("Specification version 2 approved", decision.Title);
        Assert.Equal("Version 2 of the specification is approved as the final specification. Agreed at the panel meeting.", decision.WhatWasDecided);
        Assert.Equal(Now, decision.DecidedAt);
        Assert.Equal(2, specification.ApprovedVersionNumber);
        Assert.DoesNotContain(cycle.SignOffBlockers(StageKind.Specification), r => r.SubjectId == decision.Id);
    }

    [Fact]
    public void An_approval_must_meet_R2_as_it_is_made_and_each_refusal_names_its_answer()
    {
        var (cycle, specification, _) = ReadyToApprove();
        var answers = new ApprovalDetails(DecisionMode.CoProduced, "", Rung: null, [], [], new string('n', ServiceSpecification.ApprovalNoteMaxLength + 1));

        var outcome = specification.Approve(cycle, 2, answers, People.Commissioner, CycleRole.Commissioner, Now);

        Assert.Equal(
            [SpecificationRules.ApprovalRungRequired, CycleRules.DecisionNeedsParticipants, CycleRules.CoProducedDecisionNeedsLivedExperience,
                SpecificationRules.ApprovalNoteTooLong],
            outcome.BrokenRules);
        Assert.Equal(
            [nameof(ApprovalDetails.Rung), nameof(ApprovalDetails.Participants), nameof(ApprovalDetails.Influences), nameof(ApprovalDetails.Note)],
            outcome.Refusals.Select(r => r.Field));
        Assert.Empty(cycle.StageOf(StageKind.Specification).Decisions);
        Assert.Null(specification.ApprovedVersionNumber);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(DecisionMode.ClinicallyLed)]
    [InlineData(DecisionMode.StatutoryRequirement)]
    public void Is_agreed_with_the_panel_or_led_by_commissioners(DecisionMode? mode)
    {
        var (cycle, specification, comment) = ReadyToApprove();

        var outcome = specification.Approve(cycle, 2, Answers(mode, comment), People.Commissioner, CycleRole.Commissioner, Now);

        Assert.Equal([SpecificationRules.ApprovalModeRequired], outcome.BrokenRules);
        Assert.Equal(nameof(ApprovalDetails.Mode), outcome.Refusals[0].Field);
    }

    [Fact]
    public void A_commissioner_led_approval_says_why_it_was_not_co_produced()
    {
        var (cycle, specification, _) = ReadyToApprove();

        var withoutReason = specification.Approve(cycle, 2, Answers(DecisionMode.CommissionerLed), People.Commissioner, CycleRole.Commissioner, Now);
        var withReason = specification.Approve(cycle, 2, Answers(DecisionMode.CommissionerLed) with { Rationale = "The board had to decide before the panel met." },
            People.Commissioner, CycleRole.Commissioner, Now);

        Assert.Equal([new Refusal(CycleRules.DecisionNeedsRationale, Field: nameof(ApprovalDetails.Rationale))], withoutReason.Refusals);
        Assert.Equal("The board had to decide before the panel met.", Expect.Success(withReason).Rationale);
    }
}
