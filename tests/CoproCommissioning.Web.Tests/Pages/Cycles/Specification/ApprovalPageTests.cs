using System.Net;
using CoproCommissioning.Data;
using CoproCommissioning.Domain.Cycles;
using CoproCommissioning.Domain.Specification;
using CoproCommissioning.Web.Infrastructure.Specification;
using Microsoft.EntityFrameworkCore;
using static CoproCommissioning.Web.Tests.Pages.Cycles.Specification.SpecificationArrange;
using static CoproCommissioning.Web.Tests.Pages.Cycles.Specification.SpecificationForms;

namespace CoproCommissioning.Web.Tests.Pages.Cycles.Specification;

public sealed class ApprovalPageTests(SpecificationFixture fixture) : IClassFixture<SpecificationFixture>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Approving_records_a_decision_naming_the_version_and_after_sign_off_the_specification_is_frozen_and_printable()
    {
        var (cycle, comment) = await CommentedAndAnsweredAsync(fixture, _ct);
        var commissioner = await SignedInAsync(fixture, Commissioner, _ct);
        var commissionerId = await UserIdAsync(fixture, Commissioner);

        var approved = await commissioner.PostCraftedAsync(SpecificationUrls.Approve(cycle.Id), new Dictionary<string, string>
        {
            ["Form.Mode"] = nameof(DecisionMode.CoProduced),
            ["Form.Rung"] = nameof(CoProductionLadderRung.CoProduction),
            ["Form.Participants[0]"] = await fixture.MemberIdAsync(cycle.Id, commissionerId),
            ["Form.Participants[1]"] = await fixture.MemberIdAsync(cycle.Id, comment.AuthorUserId!),
            ["Form.Influences"] = comment.Id.ToString(),
        }, SpecificationUrls.Approve(cycle.Id), _ct);

        Assert.Equal(HttpStatusCode.Redirect, approved.Status);
        var specification = await LoadAsync(fixture, cycle.Id);
        Assert.Equal(2, specification.ApprovedVersionNumber);
        await using (var scope = fixture.Db())
        {
            var loaded = await scope.Context.Cycles.IncludeStages().SingleAsync(c => c.Id == cycle.Id, _ct);
            var decision = loaded.FindDecision(specification.ApprovalDecisionId!.Value)!;
            Assert.Equal(StageKind.Specification, decision.StageKind);
            Assert.Equal("Specification version 2 approved", decision.Title);
            Assert.Equal(comment.Id, Assert.Single(decision.Influences).ContributionId);
            Assert.Empty(loaded.SignOffBlockers(StageKind.Specification, ServiceSpecification.SignOffConditions(specification)));
        }

        var check = await commissioner.SubmitAsync(SpecificationUrls.SignOff(cycle.Id),
            new Dictionary<string, string> { ["Form.Statement"] = "Specification agreed with the panel" }, "main form:not([action*='Reopen'])", _ct);
        var signedOff = await commissioner.SubmitOnAsync(check, new Dictionary<string, string>(), ct: _ct);
        Assert.Equal(HttpStatusCode.Redirect, signedOff.Status);

        var editUrl = SpecificationUrls.Edit(cycle.Id);
        var edit = await commissioner.PostCraftedAsync(editUrl, EditFields(specification.Latest, 2, "After sign-off", 0, "Changed later"), SpecificationUrls.Overview(cycle.Id), _ct);
        var panel = await SignedInAsync(fixture, Panel, _ct);
        var sectionUrl = SpecificationUrls.Section(cycle.Id, specification.Latest.Sections[0].SectionId);
        var late = await panel.PostCraftedAsync(sectionUrl, CommentFields(2, "One more thing"), sectionUrl, _ct);
        var print = await panel.GetAsync(SpecificationUrls.Print(cycle.Id, 2), _ct);

        Assert.Contains(CycleRules.StageSignedOff.Message, edit.Text);
        Assert.Contains(CycleRules.StageSignedOff.Message, late.Text);
        Assert.Equal(2, (await LoadAsync(fixture, cycle.Id)).Latest.Number);
        Assert.Single(await CommentsAsync(fixture, cycle.Id));
        Assert.Equal(HttpStatusCode.OK, print.Status);
        Assert.Contains("Approved final specification. The specification stage is signed off.", print.Text);
        Assert.Contains("Open 9am to 9pm, every day.", print.Text);
        Assert.Contains("I can get help before I reach crisis", print.Text);
        Assert.NotNull(print.Document.QuerySelector("head link[href^='/css/specification.']"));
    }

    [Fact]
    public async Task The_stage_cannot_be_signed_off_until_the_latest_version_is_approved_and_the_sign_off_page_says_where_to_approve_it()
    {
        var (cycle, _) = await CommentedAndAnsweredAsync(fixture, _ct);
        var commissioner = await SignedInAsync(fixture, Commissioner, _ct);
        var signOffUrl = SpecificationUrls.SignOff(cycle.Id);

        var page = await commissioner.GetAsync(signOffUrl, _ct);
        var crafted = await commissioner.PostCraftedAsync(signOffUrl, new Dictionary<string, string>
        {
            ["Form.Statement"] = "Specification agreed",
            ["Form.Version"] = "0",
        }, SpecificationUrls.Overview(cycle.Id), _ct);

        var blocker = Assert.Single(page.Document.QuerySelectorAll("ol.nhsuk-list--number > li"));
        Assert.Contains(SpecificationRules.NotApproved.Message, blocker.TextContent);
        Assert.Equal(SpecificationUrls.Approve(cycle.Id), blocker.QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal(HttpStatusCode.OK, crafted.Status);
        Assert.Contains(SpecificationRules.NotApproved.Message, crafted.Text);
        await using var scope = fixture.Db();
        var loaded = await scope.Context.Cycles.IncludeStages().AsNoTracking().SingleAsync(c => c.Id == cycle.Id, _ct);
        Assert.False(loaded.StageOf(StageKind.Specification).IsSignedOff);
    }

    [Fact]
    public async Task Without_a_specification_the_sign_off_page_asks_for_one()
    {
        var cycle = await CycleAsync(fixture);
        var commissioner = await SignedInAsync(fixture, Commissioner, _ct);

        var page = await commissioner.GetAsync(SpecificationUrls.SignOff(cycle.Id), _ct);

        var blocker = page.Document.QuerySelectorAll("ol.nhsuk-list--number > li")
            .Single(li => li.TextContent.Contains(SpecificationRules.NotWritten.Message, StringComparison.Ordinal));
        Assert.Equal(SpecificationUrls.Edit(cycle.Id), blocker.QuerySelector("a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Approving_while_comments_are_open_is_refused()
    {
        var cycle = await CycleAsync(fixture);
        await SpecificationAsync(fixture, cycle.Id, OpenNow());
        var commissioner = await SignedInAsync(fixture, Commissioner, _ct);
        var commissionerId = await UserIdAsync(fixture, Commissioner);

        var page = await commissioner.PostCraftedAsync(SpecificationUrls.Approve(cycle.Id), new Dictionary<string, string>
        {
            ["Form.Mode"] = nameof(DecisionMode.CommissionerLed),
            ["Form.Rationale"] = "Agreed by the board",
            ["Form.Rung"] = nameof(CoProductionLadderRung.Consultation),
            ["Form.Participants"] = await fixture.MemberIdAsync(cycle.Id, commissionerId),
        }, SpecificationUrls.Approve(cycle.Id), _ct);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains(SpecificationRules.ApproveWhileCommentsOpen.Message, page.Text);
        Assert.Null((await LoadAsync(fixture, cycle.Id)).ApprovedVersionNumber);
    }

    [Fact]
    public async Task An_approval_without_who_took_part_or_a_panel_comment_is_refused_beside_those_answers()
    {
        var (cycle, _) = await CommentedAndAnsweredAsync(fixture, _ct);
        var commissioner = await SignedInAsync(fixture, Commissioner, _ct);

        var page = await commissioner.PostCraftedAsync(SpecificationUrls.Approve(cycle.Id), new Dictionary<string, string>
        {
            ["Form.Mode"] = nameof(DecisionMode.CoProduced),
            ["Form.Rung"] = nameof(CoProductionLadderRung.CoProduction),
        }, SpecificationUrls.Approve(cycle.Id), _ct);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains(CycleRules.DecisionNeedsParticipants.Message, page.Document.GetElementById("Form_Participants-error")?.TextContent);
        Assert.Contains(CycleRules.CoProducedDecisionNeedsLivedExperience.Message, page.Document.GetElementById("Form_Influences-error")?.TextContent);
        Assert.Null((await LoadAsync(fixture, cycle.Id)).ApprovedVersionNumber);
    }
}
