using CoproCommissioning.Domain.Cycles;
using CoproCommissioning.Web.Pages.Cycles;
using Microsoft.EntityFrameworkCore;

namespace CoproCommissioning.Web.Tests.Pages.Cycles;

/// <summary>
/// The query the contribution pages read through, on PostgreSQL: what it returns to each member is what the pages can
/// show, so a row it does not return cannot reach a page (R7).
/// </summary>
public sealed class ReadableContributionsTests(CyclePagesFixture fixture) : IClassFixture<CyclePagesFixture>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("provider")]
    [InlineData("observer")]
    [InlineData("other panel member")]
    public async Task A_member_outside_the_commissioning_team_gets_no_team_only_row_only_how_many(string who)
    {
        var cycle = await TeamOnlyInput.CreateAsync(fixture);
        var (userId, role) = Member(who);
        await using var scope = fixture.Db();
        var inCycle = ReadableContributions.InCycle(scope.Context, cycle.CycleId);

        var views = await inCycle.ReadableBy(userId, role).ToViewsAsync(scope.Context, _ct);
        var hidden = await inCycle.CountHiddenFromAsync(userId, role, _ct);

        Assert.DoesNotContain(views, v => cycle.TeamOnlyIds.Contains(v.Id));
        Assert.DoesNotContain(views, v => TeamOnlyInput.TeamOnlyTexts.Contains(v.Summary) || TeamOnlyInput.TeamOnlyTexts.Contains(v.Body));
        Assert.Contains(views, v => v.Id == cycle.SharedId);
        Assert.Equal(3, hidden);
        // The rows held back are in the table: the filter, not their absence, kept them out.
        Assert.Equal(views.Count + 3, await inCycle.CountAsync(_ct));
        var ids = cycle.TeamOnlyIds;
        Assert.Equal(3, await inCycle.CountAsync(c => ids.Contains(c.Id) && c.Visibility == ContributionVisibility.CommissioningTeam, _ct));
    }

    [Theory]
    [InlineData("commissioner")]
    [InlineData("champion")]
    [InlineData("clinical adviser")]
    public async Task The_commissioning_team_gets_every_row_and_nothing_is_counted_as_hidden(string who)
    {
        var cycle = await TeamOnlyInput.CreateAsync(fixture);
        var (userId, role) = Member(who);
        await using var scope = fixture.Db();
        var inCycle = ReadableContributions.InCycle(scope.Context, cycle.CycleId);

        var views = await inCycle.ReadableBy(userId, role).ToViewsAsync(scope.Context, _ct);

        Assert.All(cycle.TeamOnlyIds, id => Assert.Contains(views, v => v.Id == id));
        Assert.Equal(await inCycle.CountAsync(_ct), views.Count);
        Assert.Equal(0, await inCycle.CountHiddenFromAsync(userId, role, _ct));
        var secret = Assert.Single(views, v => v.Id == cycle.SecretId);
        Assert.Equal(TeamOnlyInput.SecretDetail, secret.Body);
    }

    [Fact]
    public async Task The_contributor_gets_their_own_team_only_rows_but_not_input_others_shared_with_the_team()
    {
        var cycle = await TeamOnlyInput.CreateAsync(fixture);
        await using var scope = fixture.Db();
        var inCycle = ReadableContributions.InCycle(scope.Context, cycle.CycleId);
        var inSpecification = ReadableContributions.InStage(scope.Context, cycle.CycleId, StageKind.Specification);

        var views = await inCycle.ReadableBy(fixture.People.Panel, CycleRole.PanelMember).ToViewsAsync(scope.Context, _ct);

        Assert.Contains(views, v => v.Id == cycle.SecretId);
        Assert.Contains(views, v => v.Id == cycle.CommentId);
        Assert.DoesNotContain(views, v => v.Id == cycle.LoggedForOthersId);
        Assert.Equal(1, await inCycle.CountHiddenFromAsync(fixture.People.Panel, CycleRole.PanelMember, _ct));
        Assert.Equal(1, await inSpecification.CountHiddenFromAsync(fixture.People.Panel, CycleRole.PanelMember, _ct));
        Assert.Equal(0, await ReadableContributions.InStage(scope.Context, cycle.CycleId, StageKind.NeedsAssessment)
            .CountHiddenFromAsync(fixture.People.Provider, CycleRole.Provider, _ct));
    }

    [Fact]
    public async Task Looking_up_contributions_by_id_returns_only_those_the_viewer_may_read()
    {
        var cycle = await TeamOnlyInput.CreateAsync(fixture);
        await using var scope = fixture.Db();
        Guid[] wanted = [cycle.SecretId, cycle.SharedId, cycle.LoggedForOthersId];

        var forProvider = await ReadableContributions.ReadableByIdAsync(
            scope.Context, cycle.CycleId, wanted, fixture.People.Provider, CycleRole.Provider, _ct);
        var forCommissioner = await ReadableContributions.ReadableByIdAsync(
            scope.Context, cycle.CycleId, wanted, fixture.People.Commissioner, CycleRole.Commissioner, _ct);

        Assert.Equal(cycle.SharedId, Assert.Single(forProvider.Keys));
        Assert.Equal(TeamOnlyInput.Shared, forProvider[cycle.SharedId].Summary);
        Assert.Equal(wanted.Order(), forCommissioner.Keys.Order());
        Assert.Null(forCommissioner[cycle.LoggedForOthersId].AuthorUserId);
    }

    [Fact]
    public async Task Each_contribution_is_read_once_with_its_latest_response_however_often_it_was_answered()
    {
        Contribution revised = null!, answered = null!, unanswered = null!;
        var cycleId = await fixture.CreateCycleAsync(a =>
        {
            revised = a.FromPanel(summary: "The crisis line should answer at night");
            answered = a.FromProvider();
            unanswered = a.FromPanel(summary: "I want to be asked before my care plan changes");
            a.Respond(revised, "We will look at night cover.");
            a.Respond(answered, "We counted the placements again.");
            a.Respond(revised, "Night cover is now in the specification.");
        });
        await using var scope = fixture.Db();

        var views = (await ReadableContributions.InCycle(scope.Context, cycleId)
                .ReadableBy(fixture.People.Commissioner, CycleRole.Commissioner)
                .ToViewsAsync(scope.Context, _ct))
            .ToDictionary(v => v.Id);

        Assert.Equal(3, views.Count);
        Assert.Equal("Night cover is now in the specification.", views[revised.Id].CurrentResponse?.Explanation);
        Assert.Equal("We counted the placements again.", views[answered.Id].CurrentResponse?.Explanation);
        Assert.Null(views[unanswered.Id].CurrentResponse);
        // The revision each contribution keeps is the one the aggregate calls current.
        var kept = await ReadableContributions.InCycle(scope.Context, cycleId).ToDictionaryAsync(c => c.Id, c => c.ResponseRevision, _ct);
        Assert.Equal(2, kept[revised.Id]);
        Assert.Equal(1, kept[answered.Id]);
        Assert.Equal(0, kept[unanswered.Id]);
    }

    private (string UserId, CycleRole Role) Member(string who) => who switch
    {
        "provider" => (fixture.People.Provider, CycleRole.Provider),
        "observer" => (fixture.People.Observer, CycleRole.Observer),
        "other panel member" => (fixture.People.Carer, CycleRole.PanelMember),
        "commissioner" => (fixture.People.Commissioner, CycleRole.Commissioner),
        "champion" => (fixture.People.Champion, CycleRole.CoProductionChampion),
        "clinical adviser" => (fixture.People.Clinician, CycleRole.ClinicalAdviser),
        _ => throw new ArgumentOutOfRangeException(nameof(who), who, "Not one of the test cycle's members."),
    };
}
