using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using CoproCommissioning.Domain.Cycles;
using CoproCommissioning.Domain.Monitoring;
using CoproCommissioning.Domain.Specification;
using CoproCommissioning.Web.Infrastructure.Pages;
using CoproCommissioning.Web.Pages.Cycles.Monitoring;
using CoproCommissioning.Web.Pages.Cycles.Monitoring.Ratings;
using Microsoft.EntityFrameworkCore;

namespace CoproCommissioning.Web.Tests.Pages.Cycles.Monitoring;

/// <summary>
/// The panel's own ratings: a panel member gives and changes theirs, the champion logs a member's on their behalf, the
/// commissioning team sees who has rated each period, and ratings shared with the team only reach nobody else. The
/// contract runs from April 2026, so by the real clock periods 1 to 3 have begun.
/// </summary>
public sealed class RatingPageTests(CyclePagesFixture fixture) : IClassFixture<CyclePagesFixture>
{
    private const string WhatItsLike = "Staff listened, but I waited two days for a call back.";

    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    private CyclePeople People => fixture.People;

    [Fact]
    public async Task A_panel_member_gives_their_ratings_and_changes_them()
    {
        var monitored = await TestMonitoring.ContractedAsync(fixture, People);
        var period = monitored.PeriodIds[0];
        var panel = await fixture.SignedInAsync(CyclePeople.PanelEmail);
        var rate = RatingsUrls.Rate(monitored.CycleId, period);

        var index = await panel.GetAsync(MonitoringUrls.Ratings(monitored.CycleId), _ct);
        var form = await panel.GetAsync(rate, _ct);
        var given = await panel.SubmitOnAsync(form, Ratings(crisis: "Good", crisisWords: WhatItsLike, visibility: "Everyone"), "main form", _ct);
        var afterGiving = await panel.FollowRedirectAsync(given, _ct);
        var first = await RatingOfAsync(monitored, period, People.Panel);
        var again = await panel.GetAsync(rate, _ct);
        var revised = await panel.SubmitOnAsync(again, Ratings(crisis: "Fair", enjoy: "Poor", enjoyWords: "Nothing to do at weekends.", visibility: "CommissioningTeam"),
            "main form", _ct);

        Assert.Equal(["period-3", "period-2", "period-1"], index.Document.QuerySelectorAll("#periods tbody tr").Select(r => r.Id ?? "").ToList());
        Assert.All(index.Document.QuerySelectorAll("#periods tbody tr"), row => Assert.Contains("Not rated", row.TextContent));
        Assert.Equal(HttpStatusCode.OK, form.Status);
        Assert.Contains("Most people get help within 2 days of asking.", form.Text);
        Assert.Equal(HttpStatusCode.Redirect, given.Status);
        Assert.Equal(MonitoringUrls.Ratings(monitored.CycleId), given.Location);
        Assert.Contains("Your ratings for period 1 are saved", afterGiving.Document.QuerySelector(".nhsuk-notification-banner")?.TextContent);
        Assert.Contains("1 of 2 outcomes", afterGiving.Document.GetElementById("period-1")?.TextContent);
        Assert.Contains("Not rated", afterGiving.Document.GetElementById("period-2")?.TextContent);
        Assert.Null(first.RecordedByUserId);
        Assert.Equal(Channel.Online, first.Channel);
        Assert.Equal(ContributionVisibility.Everyone, first.Visibility);
        var crisis = Assert.Single(first.Ratings);
        Assert.Equal((TestMonitoring.CrisisOutcome, RatingLevel.Good, WhatItsLike), (crisis.OutcomeId, crisis.Rating, crisis.WhatItsLike));
        Assert.Equal("Good", again.Document.QuerySelector<IHtmlInputElement>($"input[name='Form.Outcomes[{TestMonitoring.CrisisOutcome}].Rating']:checked")?.Value);
        Assert.Equal(WhatItsLike, (again.Document.GetElementById(Field(TestMonitoring.CrisisOutcome, "WhatItsLike")) as IHtmlTextAreaElement)?.Value);
        Assert.Equal(HttpStatusCode.Redirect, revised.Status);
        var second = await RatingOfAsync(monitored, period, People.Panel);
        Assert.Equal(first.Id, second.Id);
        Assert.Equal(ContributionVisibility.CommissioningTeam, second.Visibility);
        Assert.Equal(RatingLevel.Fair, second.RatingFor(TestMonitoring.CrisisOutcome)?.Rating);
        Assert.Equal("", second.RatingFor(TestMonitoring.CrisisOutcome)?.WhatItsLike);
        Assert.Equal("Nothing to do at weekends.", second.RatingFor(TestMonitoring.EnjoyOutcome)?.WhatItsLike);
    }

    [Fact]
    public async Task Ratings_with_nothing_rated_words_without_a_rating_or_no_choice_of_who_sees_them_are_refused_beside_each_answer()
    {
        var monitored = await TestMonitoring.ContractedAsync(fixture, People);
        var panel = await fixture.SignedInAsync(CyclePeople.PanelEmail);
        var rate = RatingsUrls.Rate(monitored.CycleId, monitored.PeriodIds[1]);

        var refused = await panel.SubmitAsync(rate, Ratings(crisis: "", crisisWords: WhatItsLike, visibility: ""), "main form", _ct);
        var tooLong = await panel.SubmitAsync(rate, Ratings(crisis: "Good", crisisWords: new string('a', PanelOutcomeRating.WhatItsLikeMaxLength + 1), visibility: "Everyone"),
            "main form", _ct);

        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains("Choose a rating for \u201CI can get help before I reach crisis\u201D, or clear what you wrote about it.",
            ErrorOf(refused, Field(TestMonitoring.CrisisOutcome, "Rating")));
        Assert.Contains("\u201CI can get help before I reach crisis\u201D", refused.Document.QuerySelector(".nhsuk-error-summary")?.TextContent);
        Assert.Contains(MonitoringRules.NothingRated.Message, ErrorOf(refused, "Form_Outcomes"));
        Assert.Contains(MonitoringRules.RatingVisibilityRequired.Message, ErrorOf(refused, "Form_Visibility"));
        Assert.DoesNotContain("observers", refused.Document.QuerySelector("main form")?.TextContent, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Every member of this cycle can read them", refused.Document.QuerySelector("main form")?.TextContent);
        Assert.NotNull(refused.Document.GetElementById("Form_Outcomes"));
        Assert.Null(refused.Document.GetElementById($"{Field(TestMonitoring.EnjoyOutcome, "Rating")}-error"));
        Assert.Equal(WhatItsLike, (refused.Document.GetElementById(Field(TestMonitoring.CrisisOutcome, "WhatItsLike")) as IHtmlTextAreaElement)?.Value);
        Assert.Contains(MonitoringRules.WhatItsLikeTooLong.Message, ErrorOf(tooLong, Field(TestMonitoring.CrisisOutcome, "WhatItsLike")));
        Assert.Equal("Good", tooLong.Document.QuerySelector<IHtmlInputElement>($"input[name='Form.Outcomes[{TestMonitoring.CrisisOutcome}].Rating']:checked")?.Value);
        Assert.Equal(0, await RatingCountAsync(monitored));
    }

    [Fact]
    public async Task Ratings_shared_with_the_team_only_are_hidden_from_those_without_ReadTeamOnlyInput()
    {
        var monitored = await TestMonitoring.ContractedAsync(fixture, People);
        var period = monitored.PeriodIds[0];
        var panel = await fixture.SignedInAsync(CyclePeople.PanelEmail);
        await panel.SubmitAsync(RatingsUrls.Rate(monitored.CycleId, period), Ratings(crisis: "Poor", crisisWords: WhatItsLike, visibility: "CommissioningTeam"),
            "main form", _ct);
        await TestMonitoring.RatedAsync(fixture, monitored, 1, People.Carer, RatingLevel.Good);

        foreach (var email in new[] { CyclePeople.CommissionerEmail, CyclePeople.ClinicianEmail, CyclePeople.ChampionEmail })
        {
            var team = await (await fixture.SignedInAsync(email)).GetAsync(MonitoringUrls.Ratings(monitored.CycleId), _ct);
            var who = team.Document.QuerySelector($"table[data-period='{period}']");
            Assert.Contains("Who has rated period 1 (2)", who?.TextContent);
            Assert.Contains("Jess Morgan", who?.TextContent);
            Assert.Contains("The commissioning team only", who?.TextContent);
            Assert.Contains("Alan Price", who?.TextContent);
            Assert.DoesNotContain(WhatItsLike, team.Html);
        }

        var carer = await fixture.SignedInAsync(CyclePeople.CarerEmail);
        foreach (var page in new[]
        {
            await carer.GetAsync(MonitoringUrls.Ratings(monitored.CycleId), _ct),
            await carer.GetAsync(RatingsUrls.Rate(monitored.CycleId, period), _ct),
        })
        {
            Assert.Equal(HttpStatusCode.OK, page.Status);
            Assert.DoesNotContain("Jess Morgan", page.Text);
            Assert.DoesNotContain(WhatItsLike, page.Html);
        }

        foreach (var email in new[] { CyclePeople.ProviderEmail, CyclePeople.ObserverEmail })
        {
            var page = await (await fixture.SignedInAsync(email)).GetAsync(MonitoringUrls.Ratings(monitored.CycleId), _ct);
            Assert.NotNull(page.Document.GetElementById("ratings-are-the-panels"));
            Assert.Null(page.Document.QuerySelector("main table"));
            Assert.DoesNotContain("Jess Morgan", page.Text);
            Assert.DoesNotContain("Alan Price", page.Text);
        }
    }

    [Fact]
    public async Task The_champion_logs_a_panel_members_ratings_on_their_behalf_and_changes_them_and_the_member_can_too()
    {
        var monitored = await TestMonitoring.ContractedAsync(fixture, People);
        var period = monitored.PeriodIds[0];
        var champion = await fixture.SignedInAsync(CyclePeople.ChampionEmail);
        var onBehalf = RatingsUrls.OnBehalf(monitored.CycleId, period);
        var carerMember = await fixture.MemberIdAsync(monitored.CycleId, People.Carer);
        var providerMember = await fixture.MemberIdAsync(monitored.CycleId, People.Provider);
        var gathered = UkTime.Today(DateTimeOffset.UtcNow).AddDays(-2);

        var form = await champion.GetAsync(onBehalf, _ct);
        var logged = await champion.SubmitOnAsync(form, OnBehalf(carerMember, gathered, "Phone", crisis: "Poor"), "main form", _ct);
        var list = await champion.FollowRedirectAsync(logged, _ct);
        var twice = await champion.SubmitAsync(onBehalf, OnBehalf(carerMember, gathered, "Phone", crisis: "Good"), "main form", _ct);
        var stored = await RatingOfAsync(monitored, period, People.Carer);
        var change = await champion.SubmitAsync(RatingsUrls.ChangeOnBehalf(monitored.CycleId, period, stored.Id),
            OnBehalf(null, gathered.AddDays(1), "Meeting", crisis: "Fair"), "main form", _ct);
        var carer = await fixture.SignedInAsync(CyclePeople.CarerEmail);
        var carersPage = await carer.GetAsync(RatingsUrls.Rate(monitored.CycleId, period), _ct);
        var carersChange = await carer.SubmitOnAsync(carersPage, Ratings(crisis: "Stretch", visibility: "Everyone"), "main form", _ct);

        Assert.Contains($"value=\"{carerMember}\"", form.Html, StringComparison.Ordinal);
        Assert.DoesNotContain($"value=\"{providerMember}\"", form.Html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, logged.Status);
        Assert.Contains("Ratings for period 1 logged for Alan Price", list.Document.QuerySelector(".nhsuk-notification-banner")?.TextContent);
        Assert.Contains("Logged by Tom Okafor (you)", list.Document.QuerySelector($"table[data-period='{period}']")?.TextContent);
        Assert.NotNull(list.Document.QuerySelector($"a[href='{RatingsUrls.ChangeOnBehalf(monitored.CycleId, period, stored.Id)}']"));
        Assert.Equal(People.Champion, stored.RecordedByUserId);
        Assert.Equal(gathered, stored.GatheredOn);
        Assert.Equal(Channel.Phone, stored.Channel);
        Assert.Equal(RatingLevel.Poor, stored.RatingFor(TestMonitoring.CrisisOutcome)?.Rating);
        Assert.Equal(HttpStatusCode.OK, twice.Status);
        Assert.Contains(MonitoringRules.MemberHasRating.Message, twice.Document.QuerySelector(".nhsuk-error-summary")?.TextContent);
        Assert.Equal(HttpStatusCode.Redirect, change.Status);
        Assert.Contains("Logged by Tom Okafor", carersPage.Document.GetElementById("logged-for-you")?.TextContent);
        Assert.Equal(HttpStatusCode.Redirect, carersChange.Status);
        var after = await RatingOfAsync(monitored, period, People.Carer);
        Assert.Equal(stored.Id, after.Id);
        Assert.Equal(1, await RatingCountAsync(monitored));
        Assert.Equal(People.Champion, after.RecordedByUserId);
        Assert.Equal(gathered.AddDays(1), after.GatheredOn);
        Assert.Equal(Channel.Meeting, after.Channel);
        Assert.Equal(RatingLevel.Stretch, after.RatingFor(TestMonitoring.CrisisOutcome)?.Rating);
    }

    [Fact]
    public async Task Logging_on_behalf_without_a_member_a_real_date_or_a_channel_is_refused_beside_each_answer_with_what_was_typed_kept()
    {
        var monitored = await TestMonitoring.ContractedAsync(fixture, People);
        var other = await TestMonitoring.ContractedAsync(fixture, People);
        var champion = await fixture.SignedInAsync(CyclePeople.ChampionEmail);
        var onBehalf = RatingsUrls.OnBehalf(monitored.CycleId, monitored.PeriodIds[0]);
        var elsewhere = await fixture.MemberIdAsync(other.CycleId, People.Carer);

        var blank = await champion.SubmitAsync(onBehalf, new Dictionary<string, string>(OnBehalf(null, null, null, crisis: "Good"))
        {
            ["Form.GatheredOn.Day"] = "",
        }, "main form", _ct);
        var notADate = await champion.SubmitAsync(onBehalf, new Dictionary<string, string>(OnBehalf(elsewhere, null, "Phone", crisis: "Good"))
        {
            ["Form.GatheredOn.Day"] = "31",
            ["Form.GatheredOn.Month"] = "2",
            ["Form.GatheredOn.Year"] = "2026",
        }, "main form", _ct);

        Assert.Contains(MonitoringRules.RatingsForPanelMembersOnly.Message, ErrorOf(blank, "Form_MemberId"));
        Assert.Contains(CycleRules.GatheredOnRequired.Message, ErrorOf(blank, "Form_GatheredOn"));
        Assert.Contains(CycleRules.ContributionChannelRequired.Message, ErrorOf(blank, "Form_Channel"));
        Assert.Equal("Good", blank.Document.QuerySelector<IHtmlInputElement>($"input[name='Form.Outcomes[{TestMonitoring.CrisisOutcome}].Rating']:checked")?.Value);
        Assert.Equal(WhatItsLike, (blank.Document.GetElementById(Field(TestMonitoring.CrisisOutcome, "WhatItsLike")) as IHtmlTextAreaElement)?.Value);
        Assert.Contains(MonitoringRules.RatingsForPanelMembersOnly.Message, ErrorOf(notADate, "Form_MemberId"));
        Assert.Contains(RatingForm.NotADateMessage, ErrorOf(notADate, "Form_GatheredOn"));
        Assert.DoesNotContain(CycleRules.GatheredOnRequired.Message, notADate.Html);
        Assert.Equal("31", (notADate.Document.GetElementById("Form_GatheredOn") as IHtmlInputElement)?.Value);
        Assert.Equal(0, await RatingCountAsync(monitored));
    }

    [Fact]
    public async Task Two_tabs_changing_the_same_ratings_the_second_is_told_and_keeps_what_was_chosen()
    {
        var monitored = await TestMonitoring.ContractedAsync(fixture, People);
        await TestMonitoring.RatedAsync(fixture, monitored, 1, People.Panel, RatingLevel.Good);
        var panel = await fixture.SignedInAsync(CyclePeople.PanelEmail);
        var rate = RatingsUrls.Rate(monitored.CycleId, monitored.PeriodIds[0]);
        var firstTab = await panel.GetAsync(rate, _ct);
        var secondTab = await panel.GetAsync(rate, _ct);

        var first = await panel.SubmitOnAsync(firstTab, Ratings(crisis: "Fair", visibility: "Everyone"), "main form", _ct);
        var second = await panel.SubmitOnAsync(secondTab, Ratings(crisis: "Outstanding", crisisWords: WhatItsLike, visibility: "Everyone"), "main form", _ct);

        Assert.Equal(HttpStatusCode.Redirect, first.Status);
        Assert.Equal(HttpStatusCode.OK, second.Status);
        Assert.Contains(RatingFormPageModel.ConflictMessage, second.Document.QuerySelector(".nhsuk-error-summary")?.TextContent);
        Assert.Equal("Outstanding", second.Document.QuerySelector<IHtmlInputElement>($"input[name='Form.Outcomes[{TestMonitoring.CrisisOutcome}].Rating']:checked")?.Value);
        Assert.Equal(WhatItsLike, (second.Document.GetElementById(Field(TestMonitoring.CrisisOutcome, "WhatItsLike")) as IHtmlTextAreaElement)?.Value);
        Assert.Equal(RatingLevel.Fair, (await RatingOfAsync(monitored, monitored.PeriodIds[0], People.Panel)).RatingFor(TestMonitoring.CrisisOutcome)?.Rating);
    }

    [Fact]
    public async Task A_period_or_ratings_of_another_cycle_are_not_found_and_each_page_answers_only_its_roles()
    {
        var here = await TestMonitoring.ContractedAsync(fixture, People);
        var elsewhere = await TestMonitoring.ContractedAsync(fixture, People);
        var theirs = await TestMonitoring.RatedAsync(fixture, elsewhere, 1, People.Carer, RatingLevel.Good);
        var panel = await fixture.SignedInAsync(CyclePeople.PanelEmail);
        var champion = await fixture.SignedInAsync(CyclePeople.ChampionEmail);
        var provider = await fixture.SignedInAsync(CyclePeople.ProviderEmail);

        Assert.Equal(HttpStatusCode.NotFound, (await panel.GetAsync(RatingsUrls.Rate(here.CycleId, elsewhere.PeriodIds[0]), _ct)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await champion.GetAsync(RatingsUrls.OnBehalf(here.CycleId, elsewhere.PeriodIds[0]), _ct)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await champion.GetAsync(RatingsUrls.ChangeOnBehalf(here.CycleId, here.PeriodIds[0], theirs), _ct)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await champion.PostCraftedAsync(RatingsUrls.ChangeOnBehalf(here.CycleId, here.PeriodIds[0], theirs),
            Ratings(crisis: "Poor", visibility: "Everyone"), RatingsUrls.OnBehalf(here.CycleId, here.PeriodIds[0]), _ct)).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await panel.GetAsync(RatingsUrls.OnBehalf(here.CycleId, here.PeriodIds[0]), _ct)).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await provider.GetAsync(RatingsUrls.Rate(here.CycleId, here.PeriodIds[0]), _ct)).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await champion.GetAsync(RatingsUrls.Rate(here.CycleId, here.PeriodIds[0]), _ct)).Status);
        Assert.Equal(RatingLevel.Good, (await RatingOfAsync(elsewhere, elsewhere.PeriodIds[0], People.Carer)).RatingFor(TestMonitoring.CrisisOutcome)?.Rating);
    }

    private static string Field(Guid outcomeId, string field) => $"Form_Outcomes_{outcomeId}__{field}";

    private static string? ErrorOf(BrowserLikeClient.Page page, string fieldId) => page.Document.GetElementById($"{fieldId}-error")?.TextContent;

    /// <summary>The ratings form's fields: a rating (left out when empty) and what it's like for each outcome, and who sees them.</summary>
    private static Dictionary<string, string> Ratings(
        string crisis = "", string crisisWords = "", string enjoy = "", string enjoyWords = "", string visibility = "")
    {
        var fields = new Dictionary<string, string>
        {
            [$"Form.Outcomes[{TestMonitoring.CrisisOutcome}].WhatItsLike"] = crisisWords,
            [$"Form.Outcomes[{TestMonitoring.EnjoyOutcome}].WhatItsLike"] = enjoyWords,
        };
        if (crisis.Length > 0)
        {
            fields[$"Form.Outcomes[{TestMonitoring.CrisisOutcome}].Rating"] = crisis;
        }

        if (enjoy.Length > 0)
        {
            fields[$"Form.Outcomes[{TestMonitoring.EnjoyOutcome}].Rating"] = enjoy;
        }

        if (visibility.Length > 0)
        {
            fields["Form.Visibility"] = visibility;
        }

        return fields;
    }

    /// <summary>The on-behalf form's fields: whose, when and how gathered, then the ratings (what it's like always given), shared with everyone.</summary>
    private static Dictionary<string, string> OnBehalf(string? memberId, DateOnly? gatheredOn, string? channel, string crisis)
    {
        var fields = Ratings(crisis: crisis, crisisWords: WhatItsLike, visibility: "Everyone");
        if (memberId is not null)
        {
            fields["Form.MemberId"] = memberId;
        }

        if (gatheredOn is { } day)
        {
            fields["Form.GatheredOn.Day"] = day.Day.ToString(CultureInfo.InvariantCulture);
            fields["Form.GatheredOn.Month"] = day.Month.ToString(CultureInfo.InvariantCulture);
            fields["Form.GatheredOn.Year"] = day.Year.ToString(CultureInfo.InvariantCulture);
        }

        if (channel is not null)
        {
            fields["Form.Channel"] = channel;
        }

        return fields;
    }

    private async Task<PanelRating> RatingOfAsync(TestMonitoring.Monitored monitored, Guid periodId, string memberUserId)
    {
        await using var scope = fixture.Db();
        return await scope.Context.PanelRatings.AsNoTracking()
            .SingleAsync(r => r.MonitoringId == monitored.MonitoringId && r.PeriodId == periodId && r.MemberUserId == memberUserId, _ct);
    }

    private async Task<int> RatingCountAsync(TestMonitoring.Monitored monitored)
    {
        await using var scope = fixture.Db();
        return await scope.Context.PanelRatings.CountAsync(r => r.MonitoringId == monitored.MonitoringId, _ct);
    }
}
