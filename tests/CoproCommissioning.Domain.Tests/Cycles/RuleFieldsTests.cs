using System.Reflection;
using CoproCommissioning.Domain.Cycles;
using CoproCommissioning.Domain.Membership;

namespace CoproCommissioning.Domain.Tests.Cycles;

/// <summary>The answers rules name are the names pages give their fields, so a message lands beside the right one.</summary>
public sealed class RuleFieldsTests
{
    public static TheoryData<string, string> DecisionRules => new()
    {
        { nameof(CycleRules.DecisionTitleRequired), "Title" },
        { nameof(CycleRules.DecisionTitleTooLong), "Title" },
        { nameof(CycleRules.WhatWasDecidedRequired), "WhatWasDecided" },
        { nameof(CycleRules.WhatWasDecidedTooLong), "WhatWasDecided" },
        { nameof(CycleRules.DecisionModeRequired), "Mode" },
        { nameof(CycleRules.DecisionRole), "Mode" },
        { nameof(CycleRules.DecisionRationaleTooLong), "Rationale" },
        { nameof(CycleRules.DecisionNeedsRationale), "Rationale" },
        { nameof(CycleRules.DecisionRungRequired), "Rung" },
        { nameof(CycleRules.DecisionDateRequired), "DecidedOn" },
        { nameof(CycleRules.DecisionDateInFuture), "DecidedOn" },
        { nameof(CycleRules.DecisionNeedsParticipants), "Participants" },
        { nameof(CycleRules.CoProducedDecisionNeedsLivedExperience), "Influences" },
        { nameof(CycleRules.InfluenceNoteRequired), "Notes" },
        { nameof(CycleRules.InfluenceNoteTooLong), "Notes" },
    };

    [Theory]
    [MemberData(nameof(DecisionRules))]
    public void Decision_rules_name_the_answer_they_are_about(string rule, string field) =>
        Assert.Equal(field, Rule(typeof(CycleRules), rule).Field);

    [Fact]
    public void Rules_about_who_may_act_or_the_stage_as_a_whole_name_no_answer()
    {
        Assert.All(
            [CycleRules.CommissionerOnly, CycleRules.StageSignedOff, CycleRules.ResponseRole, CycleRules.OnBehalfNeedsChampionOrCommissioner,
                CycleRules.LivedExperienceVoiceNeedsPanelMember, CycleRules.InputAwaitingResponse, MembershipRules.InvitationExpired],
            rule => Assert.Null(rule.Field));
    }

    [Fact]
    public void A_refusal_about_one_cited_contribution_names_that_contributions_note()
    {
        var id = Guid.CreateVersion7();

        Assert.Equal($"Notes[{id}]", Refusal.ForItem(CycleRules.InfluenceNoteRequired, id).Field);
    }

    private static DomainRule Rule(Type rules, string name) =>
        (DomainRule)rules.GetField(name, BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;
}
