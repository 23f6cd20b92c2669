using System.Net;
using CoproCommissioning.Data;
using CoproCommissioning.Data.Notifications;
using CoproCommissioning.Domain.Cycles;
using CoproCommissioning.Domain.Membership;
using CoproCommissioning.Domain.Specification;
using CoproCommissioning.Domain.Testing;
using Microsoft.EntityFrameworkCore;

namespace CoproCommissioning.Web.Tests.Notifications;

/// <summary>Events raised by what a save adds, for the right people and never the person who acted.</summary>
public sealed class ChangeNotificationTests(CyclePagesFixture fixture) : IClassFixture<CyclePagesFixture>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_response_tells_the_author_straight_away_with_its_words_and_a_link_to_what_happened_to_their_input()
    {
        Guid contributionId = default;
        var cycleId = await fixture.CreateCycleAsync(c => contributionId = c.FromPanel().Id);
        var commissioner = await fixture.SignedInAsync(CyclePeople.CommissionerEmail);

        var posted = await commissioner.SubmitAsync(CycleUrls.Respond(cycleId, contributionId), new Dictionary<string, string>
        {
            ["Form.Type"] = nameof(ResponseType.Adopted),
            ["Form.Explanation"] = "Visits will carry on for as long as people need them.",
        }, ct: _ct);

        Assert.Equal(HttpStatusCode.Redirect, posted.Status);
        var notifications = await NotificationsAsync(cycleId);
        var notification = Assert.Single(notifications);
        Assert.Equal((fixture.People.Panel, NotificationKind.InputAnswered), (notification.UserId, notification.Kind));
        Assert.Equal($"/my-input?cycle={cycleId}", notification.Link);
        Assert.NotNull(notification.EmailedAt);

        var email = Assert.Single(await EmailsToAsync(CyclePeople.PanelEmail), e => e.TextBody.Contains(cycleId.ToString()));
        Assert.Contains("Visits will carry on for as long as people need them.", email.TextBody);
        Assert.Contains($"http://localhost/my-input?cycle={cycleId}", email.TextBody);
        Assert.Contains($"href=\"http://localhost/my-input?cycle={cycleId}\"", email.HtmlBody);
        Assert.DoesNotContain(await EmailsToAsync(CyclePeople.CommissionerEmail), e => e.TextBody.Contains(cycleId.ToString()));
    }

    [Fact]
    public async Task Nobody_is_told_about_their_own_response()
    {
        Guid contributionId = default;
        var cycleId = await fixture.CreateCycleAsync(c => contributionId = Expect.Success(c.Cycle.AddContribution(StageKind.NeedsAssessment,
            c.People.Champion, CycleRole.CoProductionChampion, Voice.Commissioner, Channel.Online, ContributionVisibility.Everyone,
            "Run the groups in the evening", "", c.Next())).Id);

        await using (var scope = fixture.As(fixture.People.Champion))
        {
            var cycle = await scope.Context.Cycles.IncludeStages().SingleAsync(c => c.Id == cycleId, _ct);
            Expect.Success(cycle.Respond(contributionId, fixture.People.Champion, CycleRole.CoProductionChampion, ResponseType.Adopted,
                "We moved two groups to the evening.", DateTimeOffset.UtcNow));
            await scope.Context.SaveChangesAsync(_ct);
        }

        Assert.Empty(await NotificationsAsync(cycleId));
    }

    [Fact]
    public async Task A_decision_that_cites_input_tells_its_author_once_and_a_revision_citing_it_again_does_not_repeat_it()
    {
        Guid contributionId = default;
        Guid decisionId = default;
        var cycleId = await fixture.CreateCycleAsync(c => contributionId = c.FromPanel().Id);

        await using (var scope = fixture.As(fixture.People.Commissioner))
        {
            var cycle = await scope.Context.Cycles.IncludeStages().SingleAsync(c => c.Id == cycleId, _ct);
            decisionId = Expect.Success(cycle.RecordDecision(StageKind.NeedsAssessment, Details("Keep home visits", contributionId),
                fixture.People.Commissioner, CycleRole.Commissioner, DateTimeOffset.UtcNow)).Id;
            await scope.Context.SaveChangesAsync(_ct);
        }

        await using (var scope = fixture.As(fixture.People.Commissioner))
        {
            var cycle = await scope.Context.Cycles.IncludeStages().SingleAsync(c => c.Id == cycleId, _ct);
            Expect.Success(cycle.ReviseDecision(decisionId, Details("Keep home visits for a year", contributionId),
                fixture.People.Commissioner, CycleRole.Commissioner, DateTimeOffset.UtcNow));
            await scope.Context.SaveChangesAsync(_ct);
        }

        var notification = Assert.Single(await NotificationsAsync(cycleId));
        Assert.Equal((fixture.People.Panel, NotificationKind.DecisionCitesInput), (notification.UserId, notification.Kind));
        Assert.Contains("Keep home visits", notification.Text);
    }

    [Fact]
    public async Task A_sign_off_tells_every_member_but_the_commissioner_who_signed_and_no_deactivated_account()
    {
        var cycleId = await fixture.CreateCycleAsync(c => c.ReadyToSignOff());
        await using (var scope = fixture.Db())
        {
            var observer = await scope.Context.Users.SingleAsync(u => u.Id == fixture.People.Observer, _ct);
            observer.DeactivatedAt = DateTimeOffset.UtcNow;
            await scope.Context.SaveChangesAsync(_ct);
        }

        try
        {
            await using var scope = fixture.As(fixture.People.Commissioner);
            var cycle = await scope.Context.Cycles.IncludeStages().SingleAsync(c => c.Id == cycleId, _ct);
            Expect.Success(cycle.SignOff(StageKind.NeedsAssessment, fixture.People.Commissioner, CycleRole.Commissioner,
                "Agreed with the panel on 3 March.", DateTimeOffset.UtcNow));
            await scope.Context.SaveChangesAsync(_ct);
        }
        finally
        {
            await using var scope = fixture.Db();
            var observer = await scope.Context.Users.SingleAsync(u => u.Id == fixture.People.Observer, _ct);
            observer.DeactivatedAt = null;
            await scope.Context.SaveChangesAsync(_ct);
        }

        var told = (await NotificationsAsync(cycleId)).Where(n => n.Kind == NotificationKind.StageSignedOff).Select(n => n.UserId).Order();
        var p = fixture.People;
        Assert.Equal(new[] { p.Champion, p.Panel, p.Carer, p.Provider, p.Clinician }.Order(), told);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Opening_the_specification_for_comment_tells_the_panel_and_providers_only_when_they_are_invited(bool providers)
    {
        var p = fixture.People;
        var cycle = ACycle.AtStage(StageKind.Specification).Build();
        await using (var scope = fixture.Db())
        {
            scope.Context.Cycles.Add(cycle);
            foreach (var (userId, role, voice, organisation) in p.Memberships())
            {
                scope.Context.Memberships.Add(Expect.Success(CycleMembership.Create(cycle.Id, userId, role, voice, organisation, null, Moments.Now)));
            }

            await scope.Context.SaveChangesAsync(_ct);
        }

        var closesAt = DateTimeOffset.UtcNow.AddDays(14);
        await using (var scope = fixture.As(p.Commissioner))
        {
            var loaded = await scope.Context.Cycles.IncludeStages().SingleAsync(c => c.Id == cycle.Id, _ct);
            var specification = Expect.Success(ServiceSpecification.Start(loaded, new VersionDraft("First draft",
                [new SectionDraft(Guid.CreateVersion7(), "Opening hours", "Open 9am to 8pm every day.", "When you can get help.")], []),
                p.Commissioner, CycleRole.Commissioner, DateTimeOffset.UtcNow.AddMinutes(-1)));
            Expect.Success(specification.OpenForComment(loaded, closesAt, providers, p.Commissioner, CycleRole.Commissioner, DateTimeOffset.UtcNow));
            scope.Context.Specifications.Add(specification);
            await scope.Context.SaveChangesAsync(_ct);
        }

        var told = await NotificationsAsync(cycle.Id);
        string[] expected = providers ? [p.Panel, p.Carer, p.Provider] : [p.Panel, p.Carer];
        Assert.Equal(expected.Order(), told.Select(n => n.UserId).Order());
        Assert.All(told, n => Assert.Equal(NotificationKind.CommentWindowOpened, n.Kind));
        Assert.All(told, n => Assert.Equal($"/cycles/{cycle.Id}/specification", n.Link));
    }

    [Fact]
    public async Task A_change_that_rolls_back_leaves_no_notification_and_no_email()
    {
        Guid contributionId = default;
        var cycleId = await fixture.CreateCycleAsync(c => contributionId = c.FromPanel().Id);

        await using (var scope = fixture.As(fixture.People.Commissioner))
        {
            await using var transaction = await scope.Context.Database.BeginTransactionAsync(_ct);
            var cycle = await scope.Context.Cycles.IncludeStages().SingleAsync(c => c.Id == cycleId, _ct);
            Expect.Success(cycle.Respond(contributionId, fixture.People.Commissioner, CycleRole.Commissioner, ResponseType.Adopted,
                "An answer that is never committed.", DateTimeOffset.UtcNow));
            await scope.Context.SaveChangesAsync(_ct);
            Assert.Single(await scope.Context.Notifications.Where(n => n.CycleId == cycleId).ToListAsync(_ct));
            await transaction.RollbackAsync(_ct);
        }

        Assert.Empty(await NotificationsAsync(cycleId));
        Assert.DoesNotContain(await EmailsToAsync(CyclePeople.PanelEmail), e => e.TextBody.Contains("never committed", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(NotificationFrequency.DailySummary)]
    [InlineData(NotificationFrequency.WeeklySummary)]
    [InlineData(NotificationFrequency.NotByEmail)]
    public async Task A_person_who_chose_not_to_hear_straight_away_gets_the_notification_without_an_email(NotificationFrequency frequency)
    {
        Guid contributionId = default;
        var cycleId = await fixture.CreateCycleAsync(c => contributionId = Expect.Success(c.Cycle.AddContribution(StageKind.NeedsAssessment,
            c.People.Carer, CycleRole.PanelMember, Voice.Carer, Channel.Online, ContributionVisibility.Everyone,
            $"Respite for carers {frequency}", "", c.Next())).Id);
        await ChooseAsync(fixture.People.Carer, NotificationKind.InputAnswered, frequency);
        var before = (await EmailsToAsync(CyclePeople.CarerEmail)).Count;

        try
        {
            await using var scope = fixture.As(fixture.People.Commissioner);
            var cycle = await scope.Context.Cycles.IncludeStages().SingleAsync(c => c.Id == cycleId, _ct);
            Expect.Success(cycle.Respond(contributionId, fixture.People.Commissioner, CycleRole.Commissioner, ResponseType.Adopted,
                "Respite is in the new service.", DateTimeOffset.UtcNow));
            await scope.Context.SaveChangesAsync(_ct);
        }
        finally
        {
            await ChooseAsync(fixture.People.Carer, NotificationKind.InputAnswered, null);
        }

        var notification = Assert.Single(await NotificationsAsync(cycleId));
        Assert.Equal(frequency, notification.Frequency);
        Assert.Null(notification.EmailedAt);
        Assert.Equal(before, (await EmailsToAsync(CyclePeople.CarerEmail)).Count);
    }

    private DecisionDetails Details(string title, Guid contributionId) => new(title, "Home visits stay.", DecisionMode.CoProduced, "",
        CoProductionLadderRung.CoProduction, DateTimeOffset.UtcNow,
        [new DecisionParticipant(fixture.People.Commissioner, CycleRole.Commissioner), new DecisionParticipant(fixture.People.Panel, CycleRole.PanelMember)],
        [new DecisionInfluence(contributionId, "It set the first priority.")]);

    private async Task ChooseAsync(string userId, NotificationKind kind, NotificationFrequency? frequency)
    {
        await using var scope = fixture.Db();
        var existing = await scope.Context.NotificationPreferences.SingleOrDefaultAsync(p => p.UserId == userId && p.Kind == kind, _ct);
        if (existing is not null)
        {
            scope.Context.NotificationPreferences.Remove(existing);
        }

        if (frequency is { } chosen)
        {
            scope.Context.NotificationPreferences.Add(new NotificationPreference(userId, kind, chosen));
        }

        await scope.Context.SaveChangesAsync(_ct);
    }

    private async Task<List<Notification>> NotificationsAsync(Guid cycleId)
    {
        await using var scope = fixture.Db();
        return await scope.Context.Notifications.AsNoTracking().Where(n => n.CycleId == cycleId).ToListAsync(_ct);
    }

    private async Task<List<CoproCommissioning.Data.Outbox.OutboxMessage>> EmailsToAsync(string email)
    {
        await using var scope = fixture.Db();
        return await scope.Context.Outbox.AsNoTracking().Where(m => m.To == email && m.Purpose.StartsWith("Notification")).ToListAsync(_ct);
    }
}
