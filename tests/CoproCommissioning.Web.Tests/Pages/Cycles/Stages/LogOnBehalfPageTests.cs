using System.Net;
using CoproCommissioning.Domain.Cycles;

namespace CoproCommissioning.Web.Tests.Pages.Cycles.Stages;

public sealed class LogOnBehalfPageTests(CyclePagesFixture fixture) : IClassFixture<CyclePagesFixture>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_champion_logs_a_workshop_of_people_without_accounts_with_who_recorded_it()
    {
        var cycleId = await fixture.CreateCycleAsync();
        var client = await fixture.SignedInAsync(CyclePeople.ChampionEmail);

        var posted = await client.SubmitAsync(CycleUrls.LogOnBehalf(cycleId), new Dictionary<string, string>
        {
            ["Form.Voice"] = nameof(Voice.Carer),
            ["Form.Channel"] = nameof(Channel.Workshop),
            ["Form.VoicesCarried"] = "6",
            ["Form.GatheredOn.Day"] = "12",
            ["Form.GatheredOn.Month"] = "3",
            ["Form.GatheredOn.Year"] = "2026",
            ["Form.OnBehalfOfMemberId"] = "",
            ["Form.Summary"] = "Carers want a named contact",
            ["Form.Visibility"] = "Everyone",
            ["Form.Body"] = "Six carers at the library workshop.",
        }, ct: _ct);

        Assert.Equal(HttpStatusCode.Redirect, posted.Status);
        var stored = Assert.Single((await fixture.LoadCycleAsync(cycleId)).StageOf(StageKind.NeedsAssessment).Contributions);
        Assert.Null(stored.AuthorUserId);
        Assert.Equal(fixture.People.Champion, stored.RecordedByUserId);
        Assert.Equal(6, stored.VoicesCarried);
        Assert.Equal(Voice.Carer, stored.Voice);
        Assert.Equal(Channel.Workshop, stored.Channel);

        var workspace = await client.FollowRedirectAsync(posted, _ct);
        Assert.Contains("6 people without an account, logged by Tom Okafor (you)", workspace.Text);
    }

    [Fact]
    public async Task A_commissioner_logs_a_phone_call_on_behalf_of_a_panel_member_with_an_account()
    {
        var cycleId = await fixture.CreateCycleAsync();
        var client = await fixture.SignedInAsync(CyclePeople.CommissionerEmail);

        var posted = await client.SubmitAsync(CycleUrls.LogOnBehalf(cycleId), new Dictionary<string, string>
        {
            ["Form.Voice"] = nameof(Voice.LivedExperience),
            ["Form.Channel"] = nameof(Channel.Phone),
            ["Form.VoicesCarried"] = "1",
            ["Form.GatheredOn.Day"] = "12",
            ["Form.GatheredOn.Month"] = "3",
            ["Form.GatheredOn.Year"] = "2026",
            ["Form.OnBehalfOfMemberId"] = await fixture.MemberIdAsync(cycleId, fixture.People.Panel),
            ["Form.Summary"] = "Letters should come in plain English",
            ["Form.Visibility"] = "Everyone",
        }, ct: _ct);

        Assert.Equal(HttpStatusCode.Redirect, posted.Status);
        var stored = Assert.Single((await fixture.LoadCycleAsync(cycleId)).StageOf(StageKind.NeedsAssessment).Contributions);
        Assert.Equal(fixture.People.Panel, stored.AuthorUserId);
        Assert.Equal(fixture.People.Commissioner, stored.RecordedByUserId);
    }

    [Fact]
    public async Task Missing_answers_are_refused_beside_each_field_with_what_was_typed_kept_and_nothing_stored()
    {
        var cycleId = await fixture.CreateCycleAsync();
        var client = await fixture.SignedInAsync(CyclePeople.ChampionEmail);

        var posted = await client.SubmitAsync(CycleUrls.LogOnBehalf(cycleId), new Dictionary<string, string>
        {
            ["Form.VoicesCarried"] = "a few",
            ["Form.GatheredOn.Day"] = "12",
            ["Form.GatheredOn.Month"] = "3",
            ["Form.GatheredOn.Year"] = "2026",
            ["Form.Summary"] = "Carers want a named contact",
            ["Form.Visibility"] = "Everyone",
        }, ct: _ct);

        Assert.Equal(HttpStatusCode.OK, posted.Status);
        Assert.Contains("Choose whose voice this input carries", posted.Document.QuerySelector("#Form_Voice-error")!.TextContent);
        Assert.Contains("Choose how the input reached you", posted.Document.QuerySelector("#Form_Channel-error")!.TextContent);
        Assert.Contains("Enter how many people's views this carries", posted.Document.QuerySelector("#Form_VoicesCarried-error")!.TextContent);
        Assert.Equal("a few", posted.Document.QuerySelector("#Form_VoicesCarried")!.GetAttribute("value"));
        Assert.Equal("Carers want a named contact", posted.Document.QuerySelector("#Form_Summary")!.GetAttribute("value"));
        Assert.Empty((await fixture.LoadCycleAsync(cycleId)).StageOf(StageKind.NeedsAssessment).Contributions);
    }

    [Fact]
    public async Task Input_cannot_be_logged_on_behalf_of_someone_outside_the_cycle()
    {
        var cycleId = await fixture.CreateCycleAsync();
        var client = await fixture.SignedInAsync(CyclePeople.ChampionEmail);

        var posted = await client.PostCraftedAsync(CycleUrls.LogOnBehalf(cycleId), new Dictionary<string, string>
        {
            ["Form.Voice"] = nameof(Voice.LivedExperience),
            ["Form.Channel"] = nameof(Channel.Phone),
            ["Form.VoicesCarried"] = "1",
            ["Form.GatheredOn.Day"] = "12",
            ["Form.GatheredOn.Month"] = "3",
            ["Form.GatheredOn.Year"] = "2026",
            ["Form.OnBehalfOfMemberId"] = await fixture.MemberIdOutsideAsync(cycleId, fixture.People.Panel),
            ["Form.Summary"] = "Someone else's words",
            ["Form.Visibility"] = "Everyone",
        }, tokenFromUrl: CycleUrls.LogOnBehalf(cycleId), _ct);

        Assert.Equal(HttpStatusCode.OK, posted.Status);
        Assert.NotNull(posted.Document.QuerySelector("#Form_OnBehalfOfMemberId-error"));
        Assert.Empty((await fixture.LoadCycleAsync(cycleId)).StageOf(StageKind.NeedsAssessment).Contributions);
    }

    [Fact]
    public async Task A_panel_member_cannot_log_input_on_behalf_of_others()
    {
        var cycleId = await fixture.CreateCycleAsync();
        var client = await fixture.SignedInAsync(CyclePeople.PanelEmail);

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(CycleUrls.LogOnBehalf(cycleId), _ct)).Status);
        var posted = await client.PostCraftedAsync(CycleUrls.LogOnBehalf(cycleId), new Dictionary<string, string>
        {
            ["Form.Voice"] = nameof(Voice.LivedExperience),
            ["Form.Channel"] = nameof(Channel.Workshop),
            ["Form.VoicesCarried"] = "20",
            ["Form.GatheredOn.Day"] = "12",
            ["Form.GatheredOn.Month"] = "3",
            ["Form.GatheredOn.Year"] = "2026",
            ["Form.Summary"] = "Twenty people agree with me",
            ["Form.Visibility"] = "Everyone",
        }, tokenFromUrl: CycleUrls.Stage(cycleId), _ct);

        Assert.Equal(HttpStatusCode.Forbidden, posted.Status);
        Assert.Empty((await fixture.LoadCycleAsync(cycleId)).StageOf(StageKind.NeedsAssessment).Contributions);
        Assert.DoesNotContain("Log input on someone", (await client.GetAsync(CycleUrls.Stage(cycleId), _ct)).Text);
    }
}
