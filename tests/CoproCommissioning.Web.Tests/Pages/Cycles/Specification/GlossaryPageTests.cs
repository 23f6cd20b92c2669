using System.Net;
using CoproCommissioning.Data;
using CoproCommissioning.Domain.Cycles;
using CoproCommissioning.Domain.Specification;
using CoproCommissioning.Domain.Testing;
using CoproCommissioning.Web.Infrastructure.Specification;
using Microsoft.EntityFrameworkCore;
using static CoproCommissioning.Web.Tests.Pages.Cycles.Specification.SpecificationArrange;
using static CoproCommissioning.Web.Tests.Pages.Cycles.Specification.SpecificationForms;

namespace CoproCommissioning.Web.Tests.Pages.Cycles.Specification;

public sealed class GlossaryPageTests(SpecificationFixture fixture) : IClassFixture<SpecificationFixture>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_term_without_words_or_already_in_the_glossary_is_shown_again_with_each_message_beside_its_field()
    {
        var cycle = await CycleAsync(fixture);
        await TermAsync(cycle.Id, "Crisis plan");
        var panel = await SignedInAsync(fixture, Panel, _ct);
        var url = SpecificationUrls.Glossary(cycle.Id);

        var blank = await panel.SubmitAsync(url, new Dictionary<string, string> { ["Form.Term"] = "", ["Form.Meaning"] = "" }, "main form", _ct);
        var again = await panel.SubmitAsync(url, new Dictionary<string, string> { ["Form.Term"] = "crisis PLAN", ["Form.Meaning"] = "Another meaning" },
            "main form", _ct);

        Assert.Equal(HttpStatusCode.OK, blank.Status);
        Assert.Contains(SpecificationRules.TermRequired.Message, blank.Document.GetElementById("Form_Term-error")?.TextContent);
        Assert.Contains(SpecificationRules.MeaningRequired.Message, blank.Document.GetElementById("Form_Meaning-error")?.TextContent);
        Assert.Contains(SpecificationRules.TermDuplicate.Message, again.Document.GetElementById("Form_Term-error")?.TextContent);
        Assert.Equal("crisis PLAN", ValueOf(again, "Form_Term"));
        await using var scope = fixture.Db();
        Assert.Equal(1, await scope.Context.GlossaryTerms.CountAsync(t => t.CycleId == cycle.Id, _ct));
    }

    [Fact]
    public async Task A_commissioner_removes_a_term_and_it_is_gone()
    {
        var cycle = await CycleAsync(fixture);
        var termId = await TermAsync(cycle.Id, "Step-down");
        var commissioner = await SignedInAsync(fixture, Commissioner, _ct);

        var removed = await commissioner.SubmitAsync(SpecificationUrls.GlossaryTerm(cycle.Id, termId), new Dictionary<string, string>(),
            "main form[action*='handler=Remove']", _ct);

        Assert.Equal(HttpStatusCode.Redirect, removed.Status);
        Assert.Contains("\u201cStep-down\u201d removed from the glossary.", (await commissioner.FollowRedirectAsync(removed, _ct)).Text);
        await using var scope = fixture.Db();
        Assert.False(await scope.Context.GlossaryTerms.AnyAsync(t => t.Id == termId, _ct));
    }

    private async Task<Guid> TermAsync(Guid cycleId, string term)
    {
        var panelId = await UserIdAsync(fixture, Panel);
        await using var scope = fixture.Db();
        var cycle = await scope.Context.Cycles.IncludeStages().AsNoTracking().SingleAsync(c => c.Id == cycleId, _ct);
        var added = Expect.Success(GlossaryTerm.Add(cycle, [], term, "Support after a stay in hospital.", panelId, CycleRole.PanelMember, Moments.Now));
        scope.Context.GlossaryTerms.Add(added);
        await scope.Context.SaveChangesAsync(_ct);
        return added.Id;
    }
}
