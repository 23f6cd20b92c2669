using CoproCommissioning.Domain.Cycles;
using CoproCommissioning.Domain.Membership;
using CoproCommissioning.Domain.Testing;

namespace CoproCommissioning.Web.Tests.Accounts;

/// <summary>
/// A cycle where a panel member contributed (and was answered) and took part in a decision, next to another panel
/// member's contribution: the material for "your data" and for deleting an account. Built through the domain's own methods.
/// </summary>
public static class ParticipationData
{
    public sealed record Built(Guid CycleId, string CycleTitle, Guid ContributionId, Guid DecisionId, Guid OtherContributionId);

    public static async Task<Built> CreateAsync(DatabaseFixture fixture, string panelMemberId, string otherPanelMemberId,
        string commissionerId, string contributionBody, string otherContributionBody)
    {
        var now = Moments.Now;
        var cycle = Expect.Success(CommissioningCycle.Create(
            $"Crisis support in Calderdale {Guid.NewGuid():N}"[..40], "Crisis support", "Adults in Calderdale", null,
            new DateOnly(2026, 4, 1), "West Yorkshire Integrated Care Board", commissionerId, now.AddDays(-10)));
        var contribution = Expect.Success(cycle.AddContribution(StageKind.NeedsAssessment, panelMemberId, CycleRole.PanelMember,
            Voice.LivedExperience, Channel.Online, ContributionVisibility.Everyone, "Nowhere to go at night", contributionBody, now.AddDays(-5)));
        var other = Expect.Success(cycle.AddContribution(StageKind.NeedsAssessment, otherPanelMemberId, CycleRole.PanelMember,
            Voice.Carer, Channel.Online, ContributionVisibility.Everyone, "Carers need a number to call", otherContributionBody, now.AddDays(-5)));
        Expect.Success(cycle.Respond(contribution.Id, commissionerId, CycleRole.Commissioner, ResponseType.Adopted,
            "We will fund a crisis café open until midnight.", now.AddDays(-4)));
        var decision = Expect.Success(cycle.RecordDecision(
            StageKind.NeedsAssessment,
            ADecision.CoProduced()
                .WithTitle("Out-of-hours crisis support is the top need")
                .WithParticipants(new DecisionParticipant(commissionerId, CycleRole.Commissioner),
                    new DecisionParticipant(panelMemberId, CycleRole.PanelMember))
                .ShapedBy(contribution)
                .Build(),
            commissionerId, CycleRole.Commissioner, now));

        await using var scope = fixture.Db();
        scope.Context.Cycles.Add(cycle);
        scope.Context.Memberships.AddRange(
            Expect.Success(CycleMembership.Create(cycle.Id, commissionerId, CycleRole.Commissioner, null, null, null, now.AddDays(-10))),
            Expect.Success(CycleMembership.Create(cycle.Id, panelMemberId, CycleRole.PanelMember, Voice.LivedExperience, null, commissionerId, now.AddDays(-9))),
            Expect.Success(CycleMembership.Create(cycle.Id, otherPanelMemberId, CycleRole.PanelMember, Voice.Carer, null, commissionerId, now.AddDays(-9))));
        await scope.Context.SaveChangesAsync();
        return new Built(cycle.Id, cycle.Title, contribution.Id, decision.Id, other.Id);
    }
}
