using System.Net;
using AngleSharp.Html.Dom;
using CoproCommissioning.Domain.Cycles;
using CoproCommissioning.Domain.Specification;
using CoproCommissioning.Web.Infrastructure.Specification;
using static CoproCommissioning.Web.Tests.Pages.Cycles.Specification.SpecificationArrange;
using static CoproCommissioning.Web.Tests.Pages.Cycles.Specification.SpecificationForms;

namespace CoproCommissioning.Web.Tests.Pages.Cycles.Specification;

public sealed class EditPageTests(SpecificationFixture fixture) : IClassFixture<SpecificationFixture>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_commissioner_writes_three_sections_and_saves_them_as_version_1()
    {
        var cycle = await CycleAsync(fixture);
        var commissioner = await SignedInAsync(fixture, Commissioner, _ct);

        var saved = await commissioner.SubmitAsync(SpecificationUrls.Edit(cycle.Id), new Dictionary<string, string>
        {
            ["Form.ChangeSummary"] = "First draft",
            ["Form.Sections[0].SectionId"] = Guid.CreateVersion7().ToString(),
            ["Form.Sections[0].Title"] = "Who the service is for",
            ["Form.Sections[0].Body"] = "Adults in Leeds.",
            ["Form.Sections[0].PlainSummary"] = "Grown-ups in Leeds.",
            ["Form.Sections[1].SectionId"] = Guid.CreateVersion7().ToString(),
            ["Form.Sections[1].Title"] = "Opening hours",
            ["Form.Sections[1].Body"] = "9am to 5pm.",
            ["Form.Sections[2].SectionId"] = Guid.CreateVersion7().ToString(),
            ["Form.Sections[2].Title"] = "Staffing",
            ["Form.Sections[2].Body"] = "Two nurses.",
        }, "main form", _ct);

        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        Assert.Contains("Version 1 saved", (await commissioner.FollowRedirectAsync(saved, _ct)).Text);
        var specification = await LoadAsync(fixture, cycle.Id);
        Assert.Equal(["Who the service is for", "Opening hours", "Staffing"], specification.Latest.Sections.Select(s => s.Title));
        Assert.Equal("Grown-ups in Leeds.", specification.Latest.Sections[0].PlainSummary);
    }

    [Fact]
    public async Task A_section_without_text_is_shown_again_with_the_error_beside_it_and_what_was_typed()
    {
        var cycle = await CycleAsync(fixture);
        var commissioner = await SignedInAsync(fixture, Commissioner, _ct);

        var page = await commissioner.SubmitAsync(SpecificationUrls.Edit(cycle.Id), new Dictionary<string, string>
        {
            ["Form.ChangeSummary"] = "First draft",
            ["Form.Sections[0].Title"] = "Opening hours",
            ["Form.Sections[0].Body"] = "",
        }, "main form", _ct);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains(SpecificationRules.SectionBodyRequired.Message, page.Document.QuerySelector("#Form_Sections_0__Body-error")!.TextContent);
        Assert.NotNull(page.Document.QuerySelector(".nhsuk-error-summary a[href='#Form_Sections_0__Body']"));
        Assert.Equal("Opening hours", ValueOf(page, "Form_Sections_0__Title"));
        Assert.False(await AnySpecificationAsync(cycle.Id));
    }

    [Fact]
    public async Task Two_commissioners_editing_the_same_draft_the_second_is_told_and_shown_the_newer_text_with_theirs_kept()
    {
        var cycle = await CycleAsync(fixture);
        var v1 = (await SpecificationAsync(fixture, cycle.Id)).Latest;
        var editUrl = SpecificationUrls.Edit(cycle.Id);
        var first = await SignedInAsync(fixture, Commissioner, _ct);
        var second = await SignedInAsync(fixture, SecondCommissioner, _ct);
        Assert.Equal("1", ValueOf(await first.GetAsync(editUrl, _ct), "Form.BasedOnVersion"));

        var firstSave = await first.PostCraftedAsync(editUrl,
            EditFields(v1, 1, "Evening opening", 1, "Open 9am to 9pm, every day."), editUrl, _ct);
        var clash = await second.PostCraftedAsync(editUrl,
            EditFields(v1, 1, "Weekend opening", 1, "Open 9am to 5pm, including Saturdays."), editUrl, _ct);

        Assert.Equal(HttpStatusCode.Redirect, firstSave.Status);
        Assert.Equal(HttpStatusCode.OK, clash.Status);
        Assert.Contains(SpecificationRules.DraftChanged.Message, clash.Document.QuerySelector(".nhsuk-error-summary")!.TextContent);
        Assert.Equal("Open 9am to 5pm, including Saturdays.", ValueOf(clash, "Form_Sections_1__Body"));
        Assert.Contains("Open 9am to 9pm, every day.", clash.Document.QuerySelector(".nhsuk-card--warning")!.TextContent);
        Assert.Equal("2", ValueOf(clash, "Form.BasedOnVersion"));
        var afterClash = await LoadAsync(fixture, cycle.Id);
        Assert.Equal(2, afterClash.Latest.Number);
        Assert.Equal("Open 9am to 9pm, every day.", afterClash.Latest.Sections[1].Body);

        // Having seen the newer text, their next save goes on top of it.
        var again = await second.PostCraftedAsync(editUrl,
            EditFields(afterClash.Latest, 2, "Weekend opening", 1, "Open 9am to 9pm, every day, and Saturdays."), editUrl, _ct);
        Assert.Equal(HttpStatusCode.Redirect, again.Status);
        Assert.Equal(3, (await LoadAsync(fixture, cycle.Id)).Latest.Number);
    }

    [Fact]
    public async Task Linking_a_changed_section_to_a_panel_comment_answers_it_with_the_version()
    {
        var cycle = await CycleAsync(fixture);
        var v1 = (await SpecificationAsync(fixture, cycle.Id, OpenNow())).Latest;
        var hours = v1.Sections[1];
        var panel = await SignedInAsync(fixture, Panel, _ct);
        var commented = await panel.SubmitAsync(SpecificationUrls.Section(cycle.Id, hours.SectionId),
            CommentFields(1, "Evening opening would help people who work"), "main form", _ct);
        Assert.Equal(HttpStatusCode.Redirect, commented.Status);
        var comment = Assert.Single(await CommentsAsync(fixture, cycle.Id));
        var commissioner = await SignedInAsync(fixture, Commissioner, _ct);
        var editUrl = SpecificationUrls.Edit(cycle.Id);
        Assert.NotNull((await commissioner.GetAsync(editUrl, _ct)).Document.GetElementById($"Form_Sections_1__Answers_{comment.Id}_"));

        var saved = await commissioner.PostCraftedAsync(editUrl,
            EditFields(v1, 1, "Open until 9pm", 1, "Open 9am to 9pm, every day.", (comment.Id, "Adopted")), editUrl, _ct);

        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        var specification = await LoadAsync(fixture, cycle.Id);
        Assert.Equal(comment.Id, Assert.Single(specification.Latest.Sections[1].Answers).ContributionId);
        var answered = Assert.Single(await CommentsAsync(fixture, cycle.Id));
        Assert.Equal(ResponseType.Adopted, answered.CurrentResponse!.Type);
        Assert.Equal("Changed in v2 (Opening hours): Open until 9pm", answered.CurrentResponse.Explanation);
        var sectionPage = await panel.GetAsync(SpecificationUrls.Section(cycle.Id, hours.SectionId, 2), _ct);
        Assert.Contains("Changed in v2 because of 1 panel comment", sectionPage.Text);
        var card = sectionPage.Document.QuerySelector($"#comment-{comment.Id}")!.TextContent;
        Assert.Contains("Adopted", card);
        Assert.Contains("Changed in v2 (Opening hours): Open until 9pm", card);
    }

    [Fact]
    public async Task A_note_written_for_the_person_explains_their_response_and_a_too_long_one_is_shown_again_beside_its_box()
    {
        var cycle = await CycleAsync(fixture);
        var v1 = (await SpecificationAsync(fixture, cycle.Id, OpenNow())).Latest;
        var panel = await SignedInAsync(fixture, Panel, _ct);
        await panel.SubmitAsync(SpecificationUrls.Section(cycle.Id, v1.Sections[1].SectionId), CommentFields(1, "Open at weekends"), "main form", _ct);
        var comment = Assert.Single(await CommentsAsync(fixture, cycle.Id));
        var commissioner = await SignedInAsync(fixture, Commissioner, _ct);
        var editUrl = SpecificationUrls.Edit(cycle.Id);
        string noteField = $"Form.Sections[1].Notes[{comment.Id}]";
        var tooLong = new string('x', AnsweredComment.NoteMaxLength + 1);

        var refused = await commissioner.PostCraftedAsync(editUrl, new Dictionary<string, string>(
            EditFields(v1, 1, "Weekend opening", 1, "Open every day.", (comment.Id, "Adapted"))) { [noteField] = tooLong }, editUrl, _ct);
        var saved = await commissioner.PostCraftedAsync(editUrl, new Dictionary<string, string>(
            EditFields(v1, 1, "Weekend opening", 1, "Open every day.", (comment.Id, "Adapted"))) { [noteField] = "Saturdays now; Sundays from April." },
            editUrl, _ct);

        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains(SpecificationRules.AnswerNoteTooLong.Message, refused.Document.GetElementById($"Form_Sections_1__Notes_{comment.Id}_-error")?.TextContent);
        Assert.Equal(tooLong, (refused.Document.QuerySelector($"textarea[name='{noteField}']") as IHtmlTextAreaElement)?.Value);
        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        var answered = Assert.Single(await CommentsAsync(fixture, cycle.Id));
        Assert.Equal(ResponseType.Adapted, answered.CurrentResponse!.Type);
        Assert.Equal("Changed in v2 (Opening hours): Saturdays now; Sundays from April.", answered.CurrentResponse.Explanation);
    }

    [Fact]
    public async Task A_comment_on_another_section_cannot_be_linked_even_by_a_crafted_post()
    {
        var cycle = await CycleAsync(fixture);
        var v1 = (await SpecificationAsync(fixture, cycle.Id, OpenNow())).Latest;
        var panel = await SignedInAsync(fixture, Panel, _ct);
        await panel.SubmitAsync(SpecificationUrls.Section(cycle.Id, v1.Sections[2].SectionId),
            CommentFields(1, "More peer workers"), "main form", _ct);
        var comment = Assert.Single(await CommentsAsync(fixture, cycle.Id));
        var commissioner = await SignedInAsync(fixture, Commissioner, _ct);
        var editUrl = SpecificationUrls.Edit(cycle.Id);

        var page = await commissioner.PostCraftedAsync(editUrl,
            EditFields(v1, 1, "Open until 9pm", 1, "Open 9am to 9pm.", (comment.Id, "Adopted")), editUrl, _ct);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains(SpecificationRules.AnswerNotACommentOnThisPart.Message, page.Document.QuerySelector("#Form_Sections_1__Answers-error")!.TextContent);
        Assert.Equal(1, (await LoadAsync(fixture, cycle.Id)).Latest.Number);
        Assert.Null(Assert.Single(await CommentsAsync(fixture, cycle.Id)).CurrentResponse);
    }

    [Fact]
    public async Task Moving_a_section_up_keeps_what_was_typed_and_saving_keeps_the_new_order()
    {
        var cycle = await CycleAsync(fixture);
        var v1 = (await SpecificationAsync(fixture, cycle.Id)).Latest;
        var editUrl = SpecificationUrls.Edit(cycle.Id);
        var commissioner = await SignedInAsync(fixture, Commissioner, _ct);

        var moved = await commissioner.PostCraftedAsync($"{editUrl}?handler=Move",
            new Dictionary<string, string>(EditFields(v1, 1, "Staffing first", 2, "Three nurses.")) { ["move"] = "2-up" }, editUrl, _ct);

        Assert.Equal(HttpStatusCode.OK, moved.Status);
        Assert.Equal("Staffing", ValueOf(moved, "Form_Sections_1__Title"));
        Assert.Equal("Three nurses.", ValueOf(moved, "Form_Sections_1__Body"));
        Assert.Equal("Opening hours", ValueOf(moved, "Form_Sections_2__Title"));
        Assert.Contains("Staffing is now section 2.", moved.Text);
        Assert.NotNull(moved.Document.QuerySelector("button[name=move][value='1-up'][autofocus]"));
        Assert.Equal(1, (await LoadAsync(fixture, cycle.Id)).Latest.Number);

        var fields = moved.Document.QuerySelectorAll("main form[method=post] input[name], main form[method=post] textarea[name]")
            .Where(e => e.GetAttribute("type") is not ("checkbox" or "radio") && e.GetAttribute("name") != "__RequestVerificationToken")
            .ToDictionary(e => e.GetAttribute("name")!, e => e is IHtmlTextAreaElement area ? area.Value : ((IHtmlInputElement)e).Value);
        var saved = await commissioner.PostCraftedAsync(editUrl, fields, editUrl, _ct);

        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        var v2 = (await LoadAsync(fixture, cycle.Id)).Latest;
        Assert.Equal(["Who the service is for", "Staffing", "Opening hours"], v2.Sections.Select(s => s.Title));
        Assert.Equal("Three nurses.", v2.Sections[1].Body);
    }

    [Fact]
    public async Task Only_commissioners_reach_the_edit_page_and_its_handlers()
    {
        var cycle = await CycleAsync(fixture);
        var v1 = (await SpecificationAsync(fixture, cycle.Id)).Latest;
        var editUrl = SpecificationUrls.Edit(cycle.Id);
        var panel = await SignedInAsync(fixture, Panel, _ct);

        var get = await panel.GetAsync(editUrl, _ct);
        var post = await panel.PostCraftedAsync(editUrl, EditFields(v1, 1, "Mine now", 0, "Panel text"), SpecificationUrls.Overview(cycle.Id), _ct);

        Assert.Equal(HttpStatusCode.Forbidden, get.Status);
        Assert.Equal(HttpStatusCode.Forbidden, post.Status);
        Assert.Equal(1, (await LoadAsync(fixture, cycle.Id)).Latest.Number);
    }

    private async Task<bool> AnySpecificationAsync(Guid cycleId)
    {
        await using var scope = fixture.Db();
        return scope.Context.Specifications.Any(s => s.CycleId == cycleId);
    }

    [Fact]
    public async Task An_outcome_without_an_area_of_life_is_shown_again_with_the_message_beside_the_choice()
    {
        var cycle = await CycleAsync(fixture);
        await SpecificationAsync(fixture, cycle.Id);
        var commissioner = await SignedInAsync(fixture, Commissioner, _ct);
        var url = SpecificationUrls.EditOutcome(cycle.Id);

        var page = await commissioner.SubmitAsync(url, new Dictionary<string, string>
        {
            ["Form.Statement"] = "I have people I can turn to",
            ["Form.Measure"] = "Asked at each review.",
            ["Form.Levels.Poor"] = "Nobody to turn to.",
            ["Form.Levels.Fair"] = "Someone, sometimes.",
            ["Form.Levels.Good"] = "Someone most days.",
            ["Form.Levels.Stretch"] = "Several people.",
            ["Form.Levels.Outstanding"] = "A circle of support.",
            ["Form.ChangeSummary"] = "Added an outcome about connections.",
        }, "main form", _ct);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains(SpecificationRules.OutcomeDomainRequired.Message, page.Document.GetElementById("Form_Domain-error")?.TextContent);
        Assert.Equal("I have people I can turn to", ValueOf(page, "Form_Statement"));
        Assert.Equal(1, (await LoadAsync(fixture, cycle.Id)).Latest.Number);
    }
}
