using CoproCommissioning.Domain.Cycles;
using CoproCommissioning.Web.Infrastructure.Pages;
using CoproCommissioning.Web.Pages.Cycles;
using Microsoft.EntityFrameworkCore;

namespace CoproCommissioning.Web.Tests.Pages.Cycles;

/// <summary>
/// <see cref="Paging.ToPageAsync{T, TShown}"/> reads a page and the length of the whole list in one statement, on
/// PostgreSQL: the count must be the filtered list's, the page in the list's order, and a page past the end the last one.
/// </summary>
public sealed class PagingTests(CyclePagesFixture fixture) : IClassFixture<CyclePagesFixture>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_page_carries_the_count_of_the_whole_filtered_list_and_keeps_its_order()
    {
        var (cycleId, panel, providers) = await CycleWithInputAsync();
        await using var scope = fixture.Db();
        var db = scope.Context;
        var all = ReadableContributions.InCycle(db, cycleId).InVoiceOrder();
        var panelOnly = ReadableContributions.InCycle(db, cycleId).Where(c => c.Voice == Voice.LivedExperience).InVoiceOrder();

        var first = await all.ToPageAsync(1, rows => rows.AsViews(db), _ct);
        var second = await all.ToPageAsync(2, rows => rows.AsViews(db), _ct);
        var filtered = await panelOnly.ToPageAsync(1, rows => rows.AsViews(db), _ct, size: 5);

        List<Guid> expected = [.. Enumerable.Reverse(panel), .. Enumerable.Reverse(providers)];
        Assert.Equal((1, 23, 2), (first.Number, first.TotalCount, first.TotalPages));
        Assert.Equal(expected[..20], first.Items.Select(v => v.Id));
        Assert.Equal((2, 23), (second.Number, second.TotalCount));
        Assert.Equal(expected[20..], second.Items.Select(v => v.Id));
        Assert.Equal((11, 3), (filtered.TotalCount, filtered.TotalPages));
        Assert.Equal(expected[..5], filtered.Items.Select(v => v.Id));
    }

    [Fact]
    public async Task A_page_past_the_end_is_the_last_page_and_an_empty_list_is_one_empty_page()
    {
        var (cycleId, panel, _) = await CycleWithInputAsync();
        await using var scope = fixture.Db();
        var db = scope.Context;
        var all = ReadableContributions.InCycle(db, cycleId).InVoiceOrder();
        var none = ReadableContributions.InCycle(db, cycleId).Where(c => c.Summary == "nobody wrote this").InVoiceOrder();

        var past = await all.ToPageAsync(9, rows => rows.AsViews(db), _ct);
        var empty = await none.ToPageAsync(1, rows => rows.AsViews(db), _ct);
        var emptyPast = await none.ToPageAsync(4, rows => rows.AsViews(db), _ct);

        Assert.Equal((2, 23, 3), (past.Number, past.TotalCount, past.Items.Count));
        Assert.Equal((1, 0, true), (empty.Number, empty.TotalCount, empty.IsEmpty));
        Assert.Empty(empty.Items);
        Assert.Equal((1, 0), (emptyPast.Number, emptyPast.TotalCount));
        Assert.Empty(emptyPast.Items);
        Assert.Equal(panel.Count, await ReadableContributions.InCycle(db, cycleId).CountAsync(c => c.Voice == Voice.LivedExperience, _ct));
    }

    private async Task<(Guid CycleId, List<Guid> Panel, List<Guid> Providers)> CycleWithInputAsync()
    {
        List<Guid> panel = [], providers = [];
        var cycleId = await fixture.CreateCycleAsync(a =>
        {
            for (int i = 0; i < 11; i++)
            {
                panel.Add(a.FromPanel(summary: $"Panel input {i}").Id);
            }

            for (int i = 0; i < 12; i++)
            {
                providers.Add(a.FromProvider(summary: $"Provider input {i}").Id);
            }
        });
        return (cycleId, panel, providers);
    }
}
