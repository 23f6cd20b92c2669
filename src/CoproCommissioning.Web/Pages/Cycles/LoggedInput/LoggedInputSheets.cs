using CoproCommissioning.Data.Configurations;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace CoproCommissioning.Web.Pages.Cycles.LoggedInput;

/// <summary>
/// Input logged on people's behalf, and what happened to it, as the champion hands it back to the people who gave it
/// ("you said, we did"): many of them have no account, so a printed sheet is how they hear (NHS England, Working in
/// partnership with people and communities: feed back how input influenced decisions).
/// </summary>
public static class LoggedInputSheets
{
    public static string ListUrl(Guid cycleId) => $"/cycles/{cycleId}/logged-input";

    public static string SheetUrl(Guid cycleId, StageKind stage, Guid contributionId) =>
        $"/cycles/{cycleId}/stages/{stage.ToSlug()}/contributions/{contributionId}/you-said-we-did";

    public static string StageSheetUrl(Guid cycleId, StageKind stage) => $"/cycles/{cycleId}/stages/{stage.ToSlug()}/you-said-we-did";

    /// <summary>The success message after logging input on people's behalf, with the way to tell them what happened.</summary>
    public static void SetLoggedOnBehalfSuccess(this ITempDataDictionary tempData, Guid cycleId, string stageWords) =>
        tempData.SetSuccess(
            $"Input logged in {stageWords}. Once it has a response, give the people who gave it a ‘you said, we did’ sheet.",
            new NotificationLink("See the input you logged and what happened to it", ListUrl(cycleId)));

    /// <summary>
    /// Who may read the sheet of a piece of logged input: the person who logged it, and the cycle's commissioners. Others
    /// who may log input (another champion) are answered as if it did not exist.
    /// </summary>
    public static bool MayReadSheet(string? recordedByUserId, string viewerUserId, CycleRole viewerRole) =>
        recordedByUserId is not null && (recordedByUserId == viewerUserId || ReadsEveryonesSheets(viewerRole));

    /// <summary>Commissioners answer for the whole cycle, so they read the sheets of input anyone logged.</summary>
    public static bool ReadsEveryonesSheets(CycleRole role) => role == CycleRole.Commissioner;

    /// <summary>Input logged on someone's behalf in this cycle, untracked.</summary>
    public static IQueryable<Contribution> Logged(CoproDbContext db, Guid cycleId) =>
        ReadableContributions.InCycle(db, cycleId).Where(c => c.RecordedByUserId != null);

    /// <summary>Input still waiting for an answer first, then the rest; newest first within each.</summary>
    public static IOrderedQueryable<Contribution> UnansweredFirst(this IQueryable<Contribution> contributions) =>
        contributions.OrderByDescending(c => c.ResponseRevision == 0).ThenByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id);

    /// <summary>What a sheet shows of each contribution, with its current response (<see cref="ReadableContributions.AsViews"/> says how).</summary>
    public static IQueryable<LoggedRow> AsLoggedRows(this IQueryable<Contribution> contributions, CoproDbContext db) =>
        from c in contributions
        join r in db.Set<Response>()
            on new { c.Id, Revision = c.ResponseRevision }
            equals new { Id = EF.Property<Guid>(r, ResponseConfiguration.ContributionKey), r.Revision } into current
        from r in current.DefaultIfEmpty()
        select new LoggedRow(
            c.Id,
            c.StageKind,
            c.Voice,
            c.Channel,
            c.Visibility,
            c.Summary,
            c.Body,
            c.VoicesCarried,
            c.CreatedAt,
            c.RecordedByUserId!,
            r == null ? null : new ResponseView(r.Type, r.Explanation, r.RespondedByUserId, r.RespondedAt),
            c.GatheredOn,
            c.GivenBy);

    /// <summary>
    /// Each row with who answered it and the decisions that cited it. Names are as the cycle shows them to anyone
    /// (a panel member who chose it stays "Panel member"), never "(you)": the sheet is read by other people.
    /// </summary>
    public static async Task<IReadOnlyList<SheetEntry>> ToEntriesAsync(
        this IReadOnlyList<LoggedRow> rows, CoproDbContext db, Guid cycleId, CancellationToken ct)
    {
        var ids = rows.Select(r => r.Id).ToList();
        var cited = ids.Count == 0
            ? []
            : await (
                    from cycle in db.Cycles.AsNoTracking()
                    where cycle.Id == cycleId
                    from stage in cycle.Stages
                    from decision in stage.Decisions
                    from influence in decision.Influences
                    where ids.Contains(influence.ContributionId)
                    orderby decision.DecidedAt, decision.Id
                    select new { influence.ContributionId, Decision = new CitingDecision(decision.Id, decision.StageKind, decision.Title, decision.Mode, decision.DecidedAt, influence.Note) })
                .ToListAsync(ct);
        var names = await PeopleNames.LoadAsync(db, rows.Select(r => r.Response?.RespondedByUserId), ReadByOthers, ct);
        return [.. rows.Select(r => new SheetEntry(
            r,
            r.Response is null ? null : names.Of(r.Response.RespondedByUserId),
            [.. cited.Where(c => c.ContributionId == r.Id).Select(c => c.Decision)]))];
    }

    /// <summary>What happened, in words for the people who gave the input.</summary>
    public static string PlainWords(ResponseType type) => type switch
    {
        ResponseType.Adopted => "We did what you suggested.",
        ResponseType.Adapted => "We changed something because of what you said, but not exactly as you suggested.",
        ResponseType.NotAdopted => "We did not do what you suggested. This is why.",
        _ => "",
    };

    /// <summary>How a decision was made, in words for people outside the service.</summary>
    public static string PlainWords(DecisionMode mode) => mode switch
    {
        DecisionMode.CoProduced => "decided together with people with lived experience and carers",
        DecisionMode.CommissionerLed => "decided by the commissioner",
        DecisionMode.ClinicallyLed => "decided by clinicians, for safety or clinical reasons",
        DecisionMode.StatutoryRequirement => "required by law or national policy",
        _ => "",
    };

    // Nobody reading a printed sheet is anyone in the records, so no name is shown as "(you)".
    private const string ReadByOthers = "";
}

/// <summary>A piece of logged input as a sheet shows it, with its current response.</summary>
public sealed record LoggedRow(
    Guid Id,
    StageKind Stage,
    Voice Voice,
    Channel Channel,
    ContributionVisibility Visibility,
    string Summary,
    string Body,
    int VoicesCarried,
    DateTimeOffset LoggedAt,
    string RecordedByUserId,
    ResponseView? Response,
    DateOnly? GatheredOn = null,
    string GivenBy = "")
{
    /// <summary>When people gave it, in words: the day it was gathered, or (for input logged before that was asked) when it was typed in.</summary>
    public string WhenInWords => GatheredOn is { } gathered ? $"gathered on {UkTime.Date(gathered)}" : $"recorded on {UkTime.Date(LoggedAt)}";
}

public sealed record CitingDecision(Guid Id, StageKind Stage, string Title, DecisionMode Mode, DateTimeOffset DecidedAt, string Note);

/// <summary>One piece of input on a sheet or in the list: what was said, the answer and who gave it, and the decisions it shaped.</summary>
public sealed record SheetEntry(LoggedRow Input, string? AnsweredBy, IReadOnlyList<CitingDecision> Decisions)
{
    public bool IsTeamOnly => Input.Visibility == ContributionVisibility.CommissioningTeam;
}
