using System.Text;

namespace CoproCommissioning.Web.Pages.Cycles.Procurement.Award;

/// <summary>
/// The procurement record's scores as a spreadsheet: one row for each evaluator's score of each criterion of each bid,
/// beside the agreed score and the moderation reason. Commissioners only, like the record.
/// </summary>
[CyclePermission(CycleOperation.ManageCycle)]
public sealed class ScoresCsvModel(CoproDbContext db, TimeProvider clock, ILogger<ScoresCsvModel> logger) : AwardPageModel
{
    public static readonly IReadOnlyList<string> Header =
        ["Provider", "Criterion", "Weight", "Evaluator", "Role", "Score", "Comment", "Agreed score", "Moderation reason"];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var cycle = await LoadCycleWithDecisionsAsync(db, ct);
        if (cycle is null)
        {
            return NotFound();
        }

        if (await ProcurementRecord.LoadAsync(db, cycle, clock.GetUtcNow(), UserId, ct) is not { } record)
        {
            return Redirect(OverviewUrl);
        }

        var csv = new StringBuilder();
        CsvFile.AppendRow(csv, Header);
        foreach (var standing in record.Standings)
        {
            foreach (var criterion in standing.Criteria)
            {
                var agreed = criterion.Agreed is { } moderated ? ProcurementRecord.ScoreWords(criterion.Criterion, moderated.Level) : "";
                foreach (var score in criterion.Scores)
                {
                    CsvFile.AppendRow(csv,
                    [
                        record.OrganisationName(standing.Bid.OrganisationId),
                        criterion.Criterion.Name,
                        ProcurementRecord.WeightWords(criterion.Criterion),
                        record.Names.Of(score.UserId),
                        ProcurementLabels.Role(score.Role),
                        ProcurementRecord.ScoreWords(criterion.Criterion, score.Level),
                        score.Comment,
                        agreed,
                        criterion.Agreed?.Reason ?? "",
                    ]);
                }
            }
        }

        logger.LogInformation("Procurement scores of cycle {CycleId} downloaded", CycleId);
        return File(CsvFile.Encode(csv), CsvFile.ContentType, "procurement-scores.csv");
    }
}
