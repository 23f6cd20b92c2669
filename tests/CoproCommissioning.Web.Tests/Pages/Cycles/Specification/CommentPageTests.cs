using System.Net;
using CoproCommissioning.Domain.Cycles;
using CoproCommissioning.Domain.Specification;
using CoproCommissioning.Web.Infrastructure.Specification;
using static CoproCommissioning.Web.Tests.Pages.Cycles.Specification.SpecificationArrange;
using static CoproCommissioning.Web.Tests.Pages.Cycles.Specification.SpecificationForms;

namespace CoproCommissioning.Web.Tests.Pages.Cycles.Specification;

public sealed class CommentPageTests(SpecificationFixture fixture) : IClassFixture<SpecificationFixture>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_panel_member_comments_on_a_section_and_the_comment_is_anchored_to_that_version()
    {
        var cycle = await CycleAsync(fixture);
        var specification = await SpecificationAsync(fixture, cycle.Id, OpenNow());
        var section = specification.Latest.Sections[1];
        var panel = await SignedInAsync(fixture, Panel, _ct);
        var url = SpecificationUrls.Section(cycle.Id, section.SectionId);

        var form = await panel.GetAsync(url, _ct);
        var posted = await panel.SubmitAsync(url, CommentFields(1, "Evening opening would help", "I work until 6pm."), "main form", _ct);
        var shown = await panel.FollowRedirectAsync(posted, _ct);

        Assert.Null(form.Document.QuerySelector(".nhsuk-error-summary"));
        Assert.Equal("1", ValueOf(form, "Form.Version"));

        Assert.Equal(HttpStatusCode.Redirect, posted.Status);
        var comment = Assert.Single(await CommentsAsync(fixture, cycle.Id));
        Assert.Equal(TargetKind.SpecificationSection, comment.TargetKind);
        Assert.Equal(section.Id, comment.TargetId);
        Assert.Equal(Voice.LivedExperience, comment.Voice);
        Assert.Contains("Your comment was added", shown.Text);
        Assert.Contains("Evening opening would help", shown.Document.QuerySelector($"#comment-{comment.Id}")!.TextContent);
        Assert.Contains("Awaiting response", shown.Document.QuerySelector($"#comment-{comment.Id}")!.TextContent);
    }

    [Fact]
    public async Task A_comment_after_the_window_closes_is_refused_with_a_clear_message_and_nothing_is_stored()
    {
        var cycle = await CycleAsync(fixture);
        var specification = await SpecificationAsync(fixture, cycle.Id, ClosedYesterday());
        var url = SpecificationUrls.Section(cycle.Id, specification.Latest.Sections[0].SectionId);
        var panel = await SignedInAsync(fixture, Panel, _ct);

        var page = await panel.GetAsync(url, _ct);
        var crafted = await panel.PostCraftedAsync(url, CommentFields(1, "Too late?"), url, _ct);

        Assert.Null(page.Document.QuerySelector("#Form_Summary"));
        Assert.Contains(SpecificationRules.CommentsClosed.Message, page.Text);
        Assert.Equal(HttpStatusCode.OK, crafted.Status);
        Assert.Contains(SpecificationRules.CommentsClosed.Message, crafted.Document.QuerySelector(".nhsuk-error-summary")!.TextContent);
        Assert.Empty(await CommentsAsync(fixture, cycle.Id));
    }

    [Fact]
    public async Task A_provider_cannot_comment_unless_providers_were_invited()
    {
        var cycle = await CycleAsync(fixture);
        var specification = await SpecificationAsync(fixture, cycle.Id, OpenNow(providers: false));
        var url = SpecificationUrls.Section(cycle.Id, specification.Latest.Sections[2].SectionId);
        var provider = await SignedInAsync(fixture, Provider, _ct);

        var page = await provider.GetAsync(url, _ct);
        var crafted = await provider.PostCraftedAsync(url, CommentFields(1, "Nurse posts are hard to fill"), url, _ct);

        Assert.Null(page.Document.QuerySelector("#Form_Summary"));
        Assert.Contains(SpecificationRules.ProvidersNotInvited.Message, page.Text);
        Assert.Equal(HttpStatusCode.OK, crafted.Status);
        Assert.Contains(SpecificationRules.ProvidersNotInvited.Message, crafted.Text);
        Assert.Empty(await CommentsAsync(fixture, cycle.Id));
    }

    [Fact]
    public async Task A_provider_can_comment_when_providers_were_invited()
    {
        var cycle = await CycleAsync(fixture);
        var specification = await SpecificationAsync(fixture, cycle.Id, OpenNow(providers: true));
        var url = SpecificationUrls.Section(cycle.Id, specification.Latest.Sections[2].SectionId);
        var provider = await SignedInAsync(fixture, Provider, _ct);

        var posted = await provider.SubmitAsync(url, CommentFields(1, "Nurse posts are hard to fill"), "main form", _ct);

        Assert.Equal(HttpStatusCode.Redirect, posted.Status);
        Assert.Equal(Voice.Provider, Assert.Single(await CommentsAsync(fixture, cycle.Id)).Voice);
    }

    [Fact]
    public async Task Staff_read_comments_but_do_not_comment_as_their_own_input()
    {
        var cycle = await CycleAsync(fixture);
        var specification = await SpecificationAsync(fixture, cycle.Id, OpenNow(providers: true));
        var url = SpecificationUrls.Section(cycle.Id, specification.Latest.Sections[0].SectionId);
        var champion = await SignedInAsync(fixture, Champion, _ct);

        var page = await champion.GetAsync(url, _ct);
        var crafted = await champion.PostCraftedAsync(url, CommentFields(1, "As the champion"), url, _ct);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Null(page.Document.QuerySelector("#Form_Summary"));
        Assert.Contains(SpecificationRules.CommentRole.Message, crafted.Text);
        Assert.Empty(await CommentsAsync(fixture, cycle.Id));
    }

    [Fact]
    public async Task A_panel_member_comments_on_an_outcome()
    {
        var cycle = await CycleAsync(fixture);
        var specification = await SpecificationAsync(fixture, cycle.Id, OpenNow());
        var outcome = specification.Latest.Outcomes[0];
        var carer = await SignedInAsync(fixture, Carer, _ct);

        var posted = await carer.SubmitAsync(SpecificationUrls.Outcome(cycle.Id, outcome.OutcomeId),
            CommentFields(1, "Crisis means different things to different people"), "main form", _ct);

        Assert.Equal(HttpStatusCode.Redirect, posted.Status);
        var comment = Assert.Single(await CommentsAsync(fixture, cycle.Id));
        Assert.Equal(TargetKind.SpecificationOutcome, comment.TargetKind);
        Assert.Equal(outcome.Id, comment.TargetId);
    }

    [Fact]
    public async Task A_comment_on_a_version_that_does_not_exist_is_not_found()
    {
        var cycle = await CycleAsync(fixture);
        var specification = await SpecificationAsync(fixture, cycle.Id, OpenNow());
        var url = SpecificationUrls.Section(cycle.Id, specification.Latest.Sections[0].SectionId);
        var panel = await SignedInAsync(fixture, Panel, _ct);

        var crafted = await panel.PostCraftedAsync(url, CommentFields(7, "Which version?"), url, _ct);

        Assert.Equal(HttpStatusCode.NotFound, crafted.Status);
        Assert.Empty(await CommentsAsync(fixture, cycle.Id));
    }

    [Fact]
    public async Task Opening_comments_without_a_closing_date_or_a_choice_about_providers_says_so_beside_each()
    {
        var cycle = await CycleAsync(fixture);
        await SpecificationAsync(fixture, cycle.Id);
        var commissioner = await SignedInAsync(fixture, Commissioner, _ct);
        var url = SpecificationUrls.Comments(cycle.Id);

        var page = await commissioner.PostCraftedAsync(url, new Dictionary<string, string>
        {
            ["Form.ClosesAt.Day"] = "",
            ["Form.ClosesAt.Month"] = "",
            ["Form.ClosesAt.Year"] = "",
        }, url, _ct);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains(SpecificationRules.ClosingDateRequired.Message, page.Document.GetElementById("Form_ClosesAt-error")?.TextContent);
        Assert.Contains(SpecificationRules.ProvidersChoiceRequired.Message, page.Document.GetElementById("Form_ProvidersMayComment-error")?.TextContent);
        Assert.Empty((await LoadAsync(fixture, cycle.Id)).CommentWindows);
    }
}
