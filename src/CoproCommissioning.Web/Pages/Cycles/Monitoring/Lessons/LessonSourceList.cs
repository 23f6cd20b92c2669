using System.Globalization;
using CoproCommissioning.Domain.Monitoring;

namespace CoproCommissioning.Web.Pages.Cycles.Monitoring.Lessons;

/// <summary>
/// What a lesson may cite, as one member may see it: the cycle's contributions they may read (team-only input only for
/// the commissioning team, R7), the submitted provider returns they may read (<see cref="ProviderReturn.MayBeReadBy"/>),
/// and the panel ratings they may read (<see cref="PanelRating.VisibleTo"/>), each with a short description. Every
/// lessons page reads sources through here, so the rules of who reads what are applied in one place.
/// </summary>
public sealed class LessonSourceList
{
    /// <summary>The most contributions offered to cite: the newest, so the form stays one a person can read.</summary>
    public const int MostContributionsOffered = 100;

    private LessonSourceList(IReadOnlyList<LessonSourceChoice> contributions, IReadOnlyList<LessonSourceChoice> returns, IReadOnlyList<LessonSourceChoice> ratings)
    {
        Contributions = contributions;
        Returns = returns;
        Ratings = ratings;
    }

    public IReadOnlyList<LessonSourceChoice> Contributions { get; }

    public IReadOnlyList<LessonSourceChoice> Returns { get; }

    public IReadOnlyList<LessonSourceChoice> Ratings { get; }

    public bool IsEmpty => Contributions.Count == 0 && Returns.Count == 0 && Ratings.Count == 0;

    /// <summary>The returns and ratings offered, for the domain to check a lesson's citations against.</summary>
    public LessonSources Sources => new([.. Returns.Select(r => r.Id)], [.. Ratings.Select(r => r.Id)]);

    public LessonSourceChoice? Find(LessonCitation citation) => (citation.Kind switch
    {
        LessonSourceKind.Contribution => Contributions,
        LessonSourceKind.ProviderReturn => Returns,
        LessonSourceKind.PanelRating => Ratings,
        _ => [],
    }).FirstOrDefault(s => s.Id == citation.SourceId);

    /// <summary>
    /// The sources <paramref name="viewerUserId"/> may read. <paramref name="cited"/> are contributions already cited,
    /// offered even when they are older than the newest <see cref="MostContributionsOffered"/>.
    /// </summary>
    public static async Task<LessonSourceList> LoadAsync(
        CoproDbContext db, Guid cycleId, CycleMonitoring? monitoring, string viewerUserId, CycleRole role, Guid? organisationId,
        IReadOnlyCollection<Guid> cited, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(cited);
        var readable = ReadableContributions.InCycle(db, cycleId).ReadableBy(viewerUserId, role);
        var contributions = await readable
            .OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id)
            .Take(MostContributionsOffered)
            .Select(c => new { c.Id, c.Summary, c.Voice, c.StageKind, c.CreatedAt })
            .ToListAsync(ct);
        var older = cited.Except(contributions.Select(c => c.Id)).ToList();
        if (older.Count > 0)
        {
            contributions.AddRange(await readable.Where(c => older.Contains(c.Id))
                .Select(c => new { c.Id, c.Summary, c.Voice, c.StageKind, c.CreatedAt }).ToListAsync(ct));
        }

        if (monitoring is null)
        {
            return new LessonSourceList([.. contributions.Select(c => ContributionChoice(c.Id, c.Summary, c.Voice, c.StageKind, c.CreatedAt))], [], []);
        }

        // A return is read whole to ask its own rule who may read it; a contract has a few a period.
        var returns = (await db.ProviderReturns.AsNoTracking().Where(r => r.MonitoringId == monitoring.Id).ToListAsync(ct))
            .Where(r => r.IsSubmitted && r.MayBeReadBy(monitoring, role, organisationId))
            .ToList();
        var ratings = await db.PanelRatings.AsNoTracking()
            .Where(r => r.MonitoringId == monitoring.Id)
            .Where(PanelRating.VisibleTo(viewerUserId, role))
            .OrderBy(r => r.CreatedAt)
            .Select(r => new { r.Id, r.PeriodId, r.MemberUserId, r.RecordedByUserId })
            .ToListAsync(ct);
        var organisationIds = returns.Select(r => r.OrganisationId).Distinct().ToList();
        var organisations = await db.Organisations.AsNoTracking().Where(o => organisationIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        var names = await PeopleNames.LoadAsync(db, ratings.Select(r => r.MemberUserId), viewerUserId, ct);
        var periods = monitoring.Periods.ToDictionary(p => p.Id);
        return new LessonSourceList(
            [.. contributions.Select(c => ContributionChoice(c.Id, c.Summary, c.Voice, c.StageKind, c.CreatedAt))],
            [.. returns.OrderBy(r => periods.GetValueOrDefault(r.PeriodId)?.Number).ThenBy(r => organisations.GetValueOrDefault(r.OrganisationId), StringComparer.CurrentCulture)
                .Select(r => new LessonSourceChoice(LessonSourceKind.ProviderReturn, r.Id,
                    $"{organisations.GetValueOrDefault(r.OrganisationId, "A provider")}: return for {PeriodWords(periods.GetValueOrDefault(r.PeriodId))}",
                    r.Submitted!.SubmittedAt is { } at ? $"Submitted {UkTime.Date(at)}" : null))],
            [.. ratings.OrderBy(r => periods.GetValueOrDefault(r.PeriodId)?.Number)
                .Select(r => new LessonSourceChoice(LessonSourceKind.PanelRating, r.Id,
                    $"{names.Of(r.MemberUserId)}: ratings for {PeriodWords(periods.GetValueOrDefault(r.PeriodId))}",
                    r.RecordedByUserId is null ? "Given by the panel member" : "Logged on their behalf"))]);
    }

    /// <summary>"period 2 (1 July 2026 to 30 September 2026)".</summary>
    public static string PeriodWords(ReportingPeriod? period) => period is null
        ? "a period no longer in the contract"
        : string.Create(CultureInfo.InvariantCulture, $"period {period.Number} ({UkTime.Date(period.StartsOn)} to {UkTime.Date(period.EndsOn)})");

    private static LessonSourceChoice ContributionChoice(Guid id, string summary, Voice voice, StageKind stage, DateTimeOffset at) =>
        new(LessonSourceKind.Contribution, id, summary, $"{Labels.Of(voice)} input in {stage.ToPlainWords()}, {UkTime.Date(at)}");
}

/// <summary>One thing a lesson may cite, as the form offers it and the lessons list describes it.</summary>
public sealed record LessonSourceChoice(LessonSourceKind Kind, Guid Id, string Description, string? Detail)
{
    /// <summary>The checkbox value: the kind and the id, so one list of boxes carries all three kinds.</summary>
    public string Value => $"{Kind}:{Id}";

    /// <summary>A checkbox value as a citation; null when it is not one.</summary>
    public static LessonCitation? Parse(string? value)
    {
        var parts = (value ?? "").Split(':', 2);
        return parts.Length == 2 && Enum.TryParse<LessonSourceKind>(parts[0], out var kind) && Enum.IsDefined(kind) && Guid.TryParse(parts[1], out var id)
            ? new LessonCitation(kind, id)
            : null;
    }
}
