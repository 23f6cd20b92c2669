using System.Net;
using System.Text;
using CoproCommissioning.Web.Pages.Cycles.Procurement;

namespace CoproCommissioning.Web.Tests.Pages.Cycles.Procurement;

/// <summary>The printable procurement record and its scores file.</summary>
public sealed class RecordPageTests(CyclePagesFixture fixture) : IClassFixture<CyclePagesFixture>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_record_shows_every_evaluators_scores_and_comments_the_moderation_the_conflicts_the_award_and_the_representations()
    {
        var arranged = await AwardArrangement.CompetitiveAsync(fixture, _ct, awarded: true, noticeOn: new DateOnly(2026, 3, 31), representation: true);
        var commissioner = await fixture.SignedInAsync(CyclePeople.CommissionerEmail);

        var record = await commissioner.GetAsync(ProcurementUrls.Record(arranged.CycleId), _ct);

        Assert.Equal(HttpStatusCode.OK, record.Status);
        var text = record.Text;
        Assert.Contains(AwardArrangement.LivedExperienceComment, text);
        Assert.Contains(AwardArrangement.ClinicalComment, text);
        Assert.Contains("lived-experience evaluator", text);
        Assert.Contains("clinical adviser", text);
        Assert.Contains("Agreed score: 3.", text);
        Assert.Contains(AwardArrangement.ModerationReason, text);
        Assert.Contains(AwardArrangement.DeclaredInterest, text);
        Assert.Contains("Three providers said at the market event that they could run it.", text);
        Assert.Contains(AwardArrangement.DecisionTitle, text);
        Assert.Contains(AwardArrangement.RepresentationSummary, text);
        Assert.Contains(AwardArrangement.RepresentationAnswer, text);
        Assert.Contains("midnight at the end of Wednesday 15 April 2026", text);
        Assert.Contains("75", record.Document.GetElementById("ranking")?.ParentElement?.TextContent);
        var scores = record.Document.QuerySelectorAll(".app-record__bid tbody tr").Select(r => r.TextContent).ToList();
        Assert.Equal(2, scores.Count);
        Assert.Contains(scores, r => r.Contains('4') && r.Contains(AwardArrangement.LivedExperienceComment));
        Assert.Contains(scores, r => r.Contains('2') && r.Contains(AwardArrangement.ClinicalComment));
        Assert.NotNull(record.Document.QuerySelector("link[rel='stylesheet'][href*='procurement-record']"));
        Assert.NotNull(record.Document.QuerySelector($"a[href='{ProcurementUrls.ScoresCsv(arranged.CycleId)}']"));
    }

    [Fact]
    public async Task The_scores_file_has_a_header_and_a_row_for_each_evaluators_score_with_formulas_defused()
    {
        var arranged = await AwardArrangement.CompetitiveAsync(fixture, _ct, awarded: true);
        var commissioner = await fixture.SignedInAsync(CyclePeople.CommissionerEmail);

        using var response = await commissioner.Http.GetAsync(ProcurementUrls.ScoresCsv(arranged.CycleId), _ct);
        var bytes = await response.Content.ReadAsByteArrayAsync(_ct);
        var lines = Encoding.UTF8.GetString(bytes).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("procurement-scores.csv", response.Content.Headers.ContentDisposition?.ToString());
        Assert.Equal(
            "\"Provider\",\"Criterion\",\"Weight\",\"Evaluator\",\"Role\",\"Score\",\"Comment\",\"Agreed score\",\"Moderation reason\"",
            lines[0]);
        Assert.Equal(3, lines.Length);
        var lived = Assert.Single(lines, l => l.Contains(AwardArrangement.LivedExperienceComment, StringComparison.Ordinal));
        Assert.Contains("\"Co-production\",\"100%\"", lived);
        Assert.Contains("\"Lived-experience evaluator\",\"4\"", lived);
        Assert.EndsWith($"\"3\",\"{AwardArrangement.ModerationReason}\"", lived);
        var clinical = Assert.Single(lines, l => l.Contains("Clinical adviser", StringComparison.Ordinal));
        // A comment starting with "-" would run as a formula in a spreadsheet; it is kept as text.
        Assert.Contains($"\"2\",\"'{AwardArrangement.ClinicalComment}\"", clinical);
    }

    [Theory]
    [InlineData(CyclePeople.PanelEmail)]
    [InlineData(CyclePeople.ClinicianEmail)]
    [InlineData(CyclePeople.ProviderEmail)]
    [InlineData(CyclePeople.ChampionEmail)]
    public async Task Nobody_but_a_commissioner_gets_the_record_or_the_scores_file(string email)
    {
        var arranged = await AwardArrangement.CompetitiveAsync(fixture, _ct, awarded: true);
        var member = await fixture.SignedInAsync(email);

        var record = await member.GetAsync(ProcurementUrls.Record(arranged.CycleId), _ct);
        var csv = await member.GetAsync(ProcurementUrls.ScoresCsv(arranged.CycleId), _ct);

        Assert.Equal(HttpStatusCode.Forbidden, record.Status);
        Assert.Equal(HttpStatusCode.Forbidden, csv.Status);
        Assert.DoesNotContain(AwardArrangement.ClinicalComment, record.Html + csv.Html);
    }

    [Fact]
    public async Task Without_a_procurement_the_record_goes_to_the_overview()
    {
        var cycleId = await AwardArrangement.CycleAsync(fixture, _ct);
        var commissioner = await fixture.SignedInAsync(CyclePeople.CommissionerEmail);

        var record = await commissioner.GetAsync(ProcurementUrls.Record(cycleId), _ct);
        var csv = await commissioner.GetAsync(ProcurementUrls.ScoresCsv(cycleId), _ct);

        Assert.Equal(HttpStatusCode.Redirect, record.Status);
        Assert.Equal(ProcurementUrls.Overview(cycleId), record.Location);
        Assert.Equal(HttpStatusCode.Redirect, csv.Status);
    }
}
