using CoproCommissioning.Data;
using CoproCommissioning.Domain.Cycles;
using CoproCommissioning.Domain.Testing;
using CoproCommissioning.Web.Infrastructure.Specification;
using CoproCommissioning.Web.Tests.Pages.Cycles.Specification;
using Microsoft.EntityFrameworkCore;

namespace CoproCommissioning.Web.Tests.Pages.Cycles;

/// <summary>
/// A cycle at its specification stage with input shared with the commissioning team only in every place a page shows
/// contributions: the stage's input (a panel member's own, and input logged for people without an account), a decision
/// it shaped, the sign-off blockers (it awaits a response) and a comment on a specification section; beside input
/// shared with everyone, which every member sees.
/// </summary>
public static class TeamOnlyInput
{
    public const string Secret = "I was detained under the Mental Health Act in March";
    public const string SecretDetail = "Please keep this from the providers as the ward is one of theirs.";
    public const string LoggedForOthers = "Two people at the drop-in said the crisis line hung up on them";
    public const string SecretComment = "This section would have stopped my son being sent out of area";
    public const string Shared = "Open in the evenings so people who work can come";

    /// <summary>Every team-only text, in the cycle's stage input, decision, sign-off blockers and specification comments.</summary>
    public static readonly string[] TeamOnlyTexts = [Secret, SecretDetail, LoggedForOthers, SecretComment];

    public static async Task<Arranged> CreateAsync(CyclePagesFixture fixture)
    {
        Contribution secret = null!, loggedForOthers = null!, shared = null!;
        Decision decision = null!;
        var cycleId = await fixture.CreateCycleAsync(a =>
        {
            a.SignOff(StageKind.NeedsAssessment);
            a.SignOff(StageKind.CoDesign);
            secret = Expect.Success(a.Cycle.AddContribution(StageKind.Specification, a.People.Panel, CycleRole.PanelMember,
                Voice.LivedExperience, Channel.Online, ContributionVisibility.CommissioningTeam, Secret, SecretDetail, a.Next()));
            // No author: the rule must still hold back a row whose author column is NULL.
            loggedForOthers = Expect.Success(a.Cycle.LogContributionOnBehalf(StageKind.Specification, a.People.Champion,
                CycleRole.CoProductionChampion, null, 2, Voice.LivedExperience, Channel.Workshop, ContributionVisibility.CommissioningTeam,
                LoggedForOthers, "", a.Next()));
            shared = a.FromPanel(StageKind.Specification, Shared);
            decision = a.CoProducedDecision(StageKind.Specification, "Evening opening", secret, shared);
        });

        var specification = await SpecificationArrange.SpecificationAsync(fixture, cycleId, SpecificationArrange.OpenNow());
        var section = specification.Latest.Sections[1];
        Contribution comment;
        await using (var scope = fixture.Db())
        {
            var cycle = await scope.Context.Cycles.IncludeStages().SingleAsync(c => c.Id == cycleId);
            var tracked = await scope.Context.Specifications.IncludeVersions().SingleAsync(s => s.Id == specification.Id);
            comment = Expect.Success(tracked.Comment(cycle, section.Id, fixture.People.Panel, CycleRole.PanelMember, Voice.LivedExperience,
                ContributionVisibility.CommissioningTeam, SecretComment, "", DateTimeOffset.UtcNow.AddMinutes(-1)));
            await scope.Context.SaveChangesAsync();
        }

        return new Arranged(cycleId, secret.Id, loggedForOthers.Id, comment.Id, shared.Id, decision.Id, section.SectionId);
    }

    public sealed record Arranged(
        Guid CycleId, Guid SecretId, Guid LoggedForOthersId, Guid CommentId, Guid SharedId, Guid DecisionId, Guid SectionId)
    {
        public IReadOnlyList<Guid> TeamOnlyIds => [SecretId, LoggedForOthersId, CommentId];

        public string Workspace => CycleUrls.Stage(CycleId, "specification");

        public string Decision => CycleUrls.Decision(CycleId, DecisionId, "specification");

        public string SignOff => CycleUrls.SignOff(CycleId, "specification");

        public string Section => SpecificationUrls.Section(CycleId, SectionId);

        /// <summary>Every page a member of the cycle can open that shows, lists or counts this cycle's contributions.</summary>
        public IReadOnlyList<string> PagesAnyMemberOpens =>
            [Workspace, Decision, Section, CycleUrls.Overview(CycleId), SpecificationUrls.Overview(CycleId), "/cycles", "/my-input"];
    }
}
