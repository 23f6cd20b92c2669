using CoproCommissioning.Data;
using CoproCommissioning.Domain;
using CoproCommissioning.Domain.Cycles;
using CoproCommissioning.Domain.Testing;
using Microsoft.EntityFrameworkCore;

namespace CoproCommissioning.Web.Tests.Data;

/// <summary>
/// The sign-off page asks PostgreSQL for the facts the rules read instead of loading every contribution. Over many
/// generated cycles (team-only input, input logged on someone's behalf for people with and without an account,
/// answered and unanswered, decisions that later lost their participants or rationale), the database's facts and the
/// blockers they give must be exactly the aggregate's own.
/// </summary>
public sealed class SignOffFactsTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private const int Cycles = 60;
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_database_works_out_the_same_facts_and_blockers_as_the_aggregate_on_generated_cycles()
    {
        int nonTrivial = 0;
        for (int seed = 0; seed < Cycles; seed++)
        {
            var random = new Random(seed);
            var cycle = Generate(random);
            await using (var scope = fixture.Db())
            {
                scope.Context.Cycles.Add(cycle);
                await scope.Context.SaveChangesAsync(_ct);
            }

            await SpoilSomeDecisionsAsync(cycle, random);
            nonTrivial += await AssertSameFactsAsync(cycle.Id, $"seed {seed}");

            // PostgreSQL keeps the counts as rows change (decision 0035): change the saved cycle the ways its rows can
            // change, through the domain and behind its back, and the facts must still be the aggregate's.
            await ChangeLaterAsync(cycle.Id, random);
            await ChangeInTheDatabaseAsync(cycle.Id, random);
            nonTrivial += await AssertSameFactsAsync(cycle.Id, $"seed {seed}, changed later");
        }

        // The generator must reach the interesting cases, or the comparison proves little.
        Assert.True(nonTrivial > Cycles, $"only {nonTrivial} non-trivial cases");
    }

    private async Task<int> AssertSameFactsAsync(Guid cycleId, string about)
    {
        int nonTrivial = 0;
        {
            await using var check = fixture.Db();
            var loaded = await check.Context.Cycles.IncludeStages().AsNoTracking().SingleAsync(c => c.Id == cycleId, _ct);
            Assert.Equal(
                loaded.Stages.ToDictionary(s => s.Kind, s => new StageCount(s.Contributions.Count, s.Decisions.Count)),
                await check.Context.StageCountsAsync(cycleId, _ct));
            foreach (var signer in new[] { null, People.Commissioner, People.Champion, "commissioner-2" })
            {
                // All five stages at once, as the dashboard and overview ask, and one at a time, as sign-off asks.
                var together = await check.Context.SignOffFactsAsync([.. loaded.Stages], signer, _ct);
                var countedTogether = new Dictionary<int, IReadOnlyDictionary<Guid, SignOffFacts>>
                {
                    [0] = await check.Context.SignOffFactsAsync([.. loaded.Stages], signer, _ct, unansweredListed: 0),
                    [2] = await check.Context.SignOffFactsAsync([.. loaded.Stages], signer, _ct, unansweredListed: 2),
                };
                foreach (var kind in Enum.GetValues<StageKind>())
                {
                    var expected = SignOffFacts.Of(loaded, kind, signer);
                    var actual = await check.Context.SignOffFactsAsync(loaded.StageOf(kind), signer, _ct);
                    Assert.Equal(Describe(actual), Describe(together[loaded.StageOf(kind).Id]));
                    var context = $"{about}, {kind}, signer {signer ?? "none"}";

                    Assert.True(expected.Stage == actual.Stage, context);
                    Assert.True(expected.SignerUserId == actual.SignerUserId, context);
                    Assert.True(expected.LivedExperienceContributions == actual.LivedExperienceContributions, $"{context}: count");
                    Assert.True(expected.DistinctLivedExperienceContributors == actual.DistinctLivedExperienceContributors, $"{context}: distinct");
                    Assert.True(expected.OnlyLoggedBySigner == actual.OnlyLoggedBySigner, $"{context}: only logged by the signer");
                    Assert.True(expected.UnansweredLivedExperience.SequenceEqual(actual.UnansweredLivedExperience), $"{context}: unanswered");
                    Assert.True(expected.DecisionsToFix.SequenceEqual(actual.DecisionsToFix), $"{context}: decisions");
                    Assert.Equal(
                        loaded.SignOffBlockers(kind, [], signer).Select(r => (r.Rule.Code, r.SubjectId)),
                        loaded.SignOffBlockers(kind, actual, []).Select(r => (r.Rule.Code, r.SubjectId)));
                    Assert.True(expected.UnansweredLivedExperience.Count == actual.UnansweredLivedExperienceCount, $"{context}: unanswered count");

                    // Counted, with only the oldest few listed (or none), as pages that show how many read them: the same
                    // blockers, the unlisted ones without naming which.
                    foreach (var most in new[] { 0, 2 })
                    {
                        var counted = await check.Context.SignOffFactsAsync(loaded.StageOf(kind), signer, _ct, unansweredListed: most);
                        Assert.Equal(Describe(counted), Describe(countedTogether[most][loaded.StageOf(kind).Id]));
                        Assert.True(expected.UnansweredLivedExperience.Count == counted.UnansweredLivedExperienceCount, $"{context}: counted, {most} listed");
                        Assert.True(expected.UnansweredLivedExperience.Take(most).SequenceEqual(counted.UnansweredLivedExperience), $"{context}: {most} listed");
                        Assert.Equal(
                            loaded.SignOffBlockers(kind, actual, []).Select(r => (r.Rule.Code, expected.UnansweredLivedExperience.Take(most).Contains(r.SubjectId ?? Guid.Empty) || r.Rule.Code != CycleRules.InputAwaitingResponse.Code ? r.SubjectId : null)),
                            loaded.SignOffBlockers(kind, counted, []).Select(r => (r.Rule.Code, r.SubjectId)));
                    }

                    if (actual.OnlyLoggedBySigner || actual.DecisionsToFix.Count > 0 || actual.UnansweredLivedExperience.Count > 0)
                    {
                        nonTrivial++;
                    }
                }
            }
        }

        return nonTrivial;
    }

    /// <summary>Answers some unanswered input and logs more, through the aggregate, as pages do.</summary>
    private async Task ChangeLaterAsync(Guid cycleId, Random random)
    {
        await using var scope = fixture.Db();
        var cycle = await scope.Context.Cycles.IncludeStages().SingleAsync(c => c.Id == cycleId, _ct);
        var stage = cycle.Stages.Single(s => s.Status == StageStatus.Open).Kind;
        var at = Moments.Now.AddDays(-1);
        foreach (var contribution in cycle.Stages.SelectMany(s => s.Contributions).Where(c => c.CurrentResponse is null && random.Next(2) == 0).ToList())
        {
            Expect.Success(cycle.Respond(contribution.Id, People.Commissioner, CycleRole.Commissioner, ResponseType.Adopted, "We did this later.", at = at.AddMinutes(1)));
        }

        for (int i = random.Next(0, 3); i > 0; i--)
        {
            string? author = random.Next(2) == 0 ? People.PanelMember(random.Next(1, 5)) : null;
            Expect.Success(cycle.LogContributionOnBehalf(stage, People.Commissioner, CycleRole.Commissioner,
                author is null ? null : new Contributor(author, CycleRole.PanelMember), random.Next(1, 4), Voice.LivedExperience,
                Channel.Workshop, ContributionVisibility.Everyone, $"Later input {i}", "", at = at.AddMinutes(1)));
        }

        await scope.Context.SaveChangesAsync(_ct);
    }

    /// <summary>Rows changed without the aggregate: input removed, its voice, author or stage changed.</summary>
    private async Task ChangeInTheDatabaseAsync(Guid cycleId, Random random)
    {
        await using var scope = fixture.Db();
        var db = scope.Context.Database;
        var stages = await scope.Context.Cycles.Where(c => c.Id == cycleId).SelectMany(c => c.Stages).Select(s => s.Id).ToListAsync(_ct);
        var contributions = await scope.Context.Set<Contribution>()
            .Where(c => stages.Contains(EF.Property<Guid>(c, "StageId"))).Select(c => c.Id).OrderBy(id => id).ToListAsync(_ct);
        foreach (var id in contributions)
        {
            switch (random.Next(8))
            {
                case 0:
                    // Input no decision cites can go (with its responses).
                    await db.ExecuteSqlAsync($"DELETE FROM contributions WHERE id = {id} AND NOT EXISTS (SELECT 1 FROM decision_influences WHERE contribution_id = {id})", _ct);
                    break;
                case 1:
                    await db.ExecuteSqlAsync($"UPDATE contributions SET voice = CASE voice WHEN 'LivedExperience' THEN 'Provider' ELSE 'Carer' END WHERE id = {id}", _ct);
                    break;
                case 2:
                    await db.ExecuteSqlAsync($"UPDATE contributions SET author_user_id = {People.PanelMember(random.Next(1, 5))} WHERE id = {id}", _ct);
                    break;
                case 3:
                    var other = stages[random.Next(stages.Count)];
                    await db.ExecuteSqlAsync($"UPDATE contributions SET stage_id = {other} WHERE id = {id}", _ct);
                    break;
            }
        }
    }

    private static string Describe(SignOffFacts f) =>
        $"{f.Stage} {f.SignerUserId} {f.LivedExperienceContributions} {f.DistinctLivedExperienceContributors} {f.OnlyLoggedBySigner} {f.UnansweredLivedExperienceCount} "
        + $"[{string.Join(",", f.UnansweredLivedExperience)}] [{string.Join(",", f.DecisionsToFix)}]";

    private static CommissioningCycle Generate(Random random)
    {
        var stage = random.Next(3) == 0 ? StageKind.CoDesign : StageKind.NeedsAssessment;
        var cycle = ACycle.AtStage(stage).Build();
        var at = Moments.Now.AddDays(-10);
        DateTimeOffset Tick() => at = at.AddMinutes(random.Next(1, 90));

        List<Contribution> contributions = [];
        int count = random.Next(0, 14);
        for (int i = 0; i < count; i++)
        {
            var voice = (Voice)random.Next(Enum.GetValues<Voice>().Length);
            var visibility = random.Next(3) == 0 ? ContributionVisibility.CommissioningTeam : ContributionVisibility.Everyone;
            DomainOutcome<Contribution> added;
            if (random.Next(3) == 0)
            {
                // Logged on someone's behalf: by the commissioner who may sign off, or by the champion; for a panel
                // member with an account, or for several people without one.
                var (recorder, role) = random.Next(2) == 0 ? (People.Commissioner, CycleRole.Commissioner) : (People.Champion, CycleRole.CoProductionChampion);
                string? author = random.Next(2) == 0 ? People.PanelMember(random.Next(1, 5)) : null;
                added = cycle.LogContributionOnBehalf(stage, recorder, role, author is null ? null : new Contributor(author, CycleRole.PanelMember), random.Next(1, 6), voice, Channel.Workshop, visibility,
                    $"Logged input {i}", "", Tick());
            }
            else
            {
                var (author, role) = People.SpeakingAs(voice, random.Next(1, 5));
                added = cycle.AddContribution(stage, author, role, voice, Channel.Online, visibility, $"Input {i}", "", Tick());
            }

            var contribution = Expect.Success(added);
            contributions.Add(contribution);
            if (random.Next(2) == 0)
            {
                Expect.Success(cycle.Respond(contribution.Id, People.Commissioner, CycleRole.Commissioner, ResponseType.Adopted, "We did this.", Tick()));
            }
        }

        int decisions = random.Next(0, 5);
        for (int i = 0; i < decisions; i++)
        {
            var mode = (DecisionMode)random.Next(Enum.GetValues<DecisionMode>().Length);
            var details = ADecision.InMode(mode).WithTitle($"Decision {i}").WithRationale(random.Next(2) == 0 ? "Because the panel said so." : "");
            foreach (var shapedBy in contributions.Where(_ => random.Next(3) == 0))
            {
                details.ShapedBy(shapedBy);
            }

            // Refused decisions (a co-produced one shaped by no lived experience, say) are simply not recorded.
            cycle.RecordDecision(stage, details.DecidedAt(Tick()).Build(), People.Commissioner, CycleRole.Commissioner, Tick());
        }

        return cycle;
    }

    /// <summary>
    /// Decisions the domain accepted can still break a rule later (an account deleted takes its participation with it):
    /// reach those states directly in the database.
    /// </summary>
    private async Task SpoilSomeDecisionsAsync(CommissioningCycle cycle, Random random)
    {
        await using var scope = fixture.Db();
        foreach (var decision in cycle.Stages.SelectMany(s => s.Decisions).Where(_ => random.Next(3) == 0))
        {
            await scope.Context.Database.ExecuteSqlAsync($"DELETE FROM decision_participants WHERE decision_id = {decision.Id}", _ct);
        }

        foreach (var decision in cycle.Stages.SelectMany(s => s.Decisions).Where(_ => random.Next(4) == 0))
        {
            await scope.Context.Database.ExecuteSqlAsync($"DELETE FROM decision_influences WHERE decision_id = {decision.Id}", _ct);
        }

        foreach (var decision in cycle.Stages.SelectMany(s => s.Decisions).Where(_ => random.Next(3) == 0))
        {
            await scope.Context.Database.ExecuteSqlAsync($"UPDATE decisions SET rationale = '' WHERE id = {decision.Id}", _ct);
        }
    }
}
