using CoproCommissioning.Domain.Monitoring;
using CoproCommissioning.Domain.Specification;

namespace CoproCommissioning.Web.Pages.Cycles.Monitoring.Outcomes;

/// <summary>
/// The outcomes over a run of reporting periods, as one member may see them: for each "I" statement each provider's
/// submitted rating, the panel's middle rating and where the two differ by two levels or more; and each KPI and
/// commitment against its target. Read as rows (ratings, values, who said what), never as whole returns.
/// <para>
/// Who sees what is decided here, once, for the outcomes page and the review pages alike. Providers' ratings and KPI
/// values: only from returns the member may read (<see cref="SubmittedReturns"/>): the commissioning team every party's,
/// a provider its own and, in an alliance, the other members'; panel members and observers none, since a return reports
/// a provider's own performance. The panel's ratings: the commissioning team reads all, team-only ones included (they
/// count for divergence, as the domain says); everyone else reads those shared with everyone and their own, so the
/// middle rating they are shown is worked out from those alone and never gives away a team-only rating. The
/// commissioner's results on its commitments are shown to every member: both sides answer for the outcomes.
/// </para>
/// </summary>
public sealed class OutcomesOverTime
{
    public required IReadOnlyList<PeriodColumn> Periods { get; init; }

    /// <summary>The parties whose ratings and values the member may read, each with its own line and marker.</summary>
    public required IReadOnlyList<SeriesKey> Providers { get; init; }

    public required IReadOnlyList<OutcomeOverTime> Outcomes { get; init; }

    public required IReadOnlyList<MeasureOverTime> Kpis { get; init; }

    public required IReadOnlyList<MeasureOverTime> Commitments { get; init; }

    /// <summary>Whether the member reads any party's returns: if not, the page says where the providers' view is instead.</summary>
    public bool ShowsProviders => Providers.Count > 0;

    /// <summary>Whether the panel's middle ratings count ratings shared with the commissioning team only.</summary>
    public required bool CountsTeamOnly { get; init; }

    /// <summary>Ratings the member may not read because they were shared with the commissioning team only: how many, nothing more.</summary>
    public required int HiddenTeamOnly { get; init; }

    public IEnumerable<(OutcomeOverTime Outcome, OutcomeComparison Comparison)> Flagged =>
        Outcomes.SelectMany(o => o.Comparisons.Where(c => c.IsFlagged).Select(c => (o, c)));

    /// <summary>
    /// Loads the outcomes over <paramref name="periods"/> (in order) as the signed-in member may see them. With
    /// <paramref name="asAt"/> (a decided review's decision), the returns as they stood then, so what the decision rested
    /// on does not move when a provider corrects a return afterwards; without, their latest submitted revisions.
    /// </summary>
    public static async Task<OutcomesOverTime> LoadAsync(
        CoproDbContext db, OutcomesContract monitoring, IReadOnlyList<ReportingPeriod> periods, Viewer viewer, CancellationToken ct,
        DateTimeOffset? asAt = null)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(monitoring);
        ArgumentNullException.ThrowIfNull(periods);
        ArgumentNullException.ThrowIfNull(viewer);
        var periodIds = periods.Select(p => p.Id).ToArray();
        var organisations = SubmittedReturns.ReadableOrganisations(monitoring.IsAlliance, monitoring.ReturningOrganisationIds, viewer.Role, viewer.OrganisationId);

        List<ReturnRow> returns = [];
        List<RatingRow> providerRatings = [];
        List<ValueRow> values = [];
        if (organisations.Count > 0 && periodIds.Length > 0)
        {
            var readable = db.ProviderReturns.AsNoTracking()
                .Where(SubmittedReturns.ReadableBy(monitoring.Id, organisations))
                .Where(r => periodIds.Contains(r.PeriodId));
            returns = await readable
                .Where(r => r.Revisions.Any(v => v.SubmittedAt != null && (asAt == null || v.SubmittedAt <= asAt)))
                .Select(r => new ReturnRow(r.Id, r.PeriodId, r.OrganisationId))
                .ToListAsync(ct);
            // What a return says is its latest submitted revision (as at the time asked for); a correction being written is not read.
            providerRatings = await readable
                .SelectMany(r => r.Revisions
                    .Where(v => v.SubmittedAt != null && v.Number == r.Revisions
                        .Where(x => x.SubmittedAt != null && (asAt == null || x.SubmittedAt <= asAt)).Max(x => x.Number))
                    .SelectMany(v => v.Ratings.Where(o => o.Rating != null)
                        .Select(o => new RatingRow(r.PeriodId, r.OrganisationId, o.OutcomeId, o.Rating!.Value))))
                .ToListAsync(ct);
            values = await readable
                .SelectMany(r => r.Revisions
                    .Where(v => v.SubmittedAt != null && v.Number == r.Revisions
                        .Where(x => x.SubmittedAt != null && (asAt == null || x.SubmittedAt <= asAt)).Max(x => x.Number))
                    .SelectMany(v => v.KpiValues.Where(k => k.Value != null)
                        .Select(k => new ValueRow(r.PeriodId, r.OrganisationId, k.KpiId, k.Value!.Value))))
                .ToListAsync(ct);
        }

        // The panel's ratings as counts of each level a period and outcome: the middle rating and the divergence need no
        // more, and what members said is read only where the page shows it (PanelSaid).
        var monitoringId = monitoring.Id;
        var panelRatings = db.PanelRatings.AsNoTracking().Where(r => r.MonitoringId == monitoringId && periodIds.Contains(r.PeriodId));
        var panel = await panelRatings
            .Where(PanelRating.VisibleTo(viewer.UserId, viewer.Role))
            .SelectMany(r => r.Ratings, (r, o) => new { r.PeriodId, o.OutcomeId, o.Rating, o.WhatItsLike })
            .GroupBy(o => new { o.PeriodId, o.OutcomeId, o.Rating })
            .Select(g => new PanelCount(g.Key.PeriodId, g.Key.OutcomeId, g.Key.Rating, g.Count(), g.Count(o => o.WhatItsLike != "")))
            .ToListAsync(ct);
        var seesTeamOnly = CyclePermissions.Allows(viewer.Role, CycleOperation.ReadTeamOnlyInput);
        var hidden = seesTeamOnly ? 0 : await panelRatings
            .CountAsync(r => r.Visibility == ContributionVisibility.CommissioningTeam && r.MemberUserId != viewer.UserId, ct);

        var names = await db.Organisations.AsNoTracking()
            .Where(o => organisations.Contains(o.Id))
            .ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        var providers = organisations
            .Select((id, i) => new SeriesKey(id, names.TryGetValue(id, out var name) ? name : "An organisation no longer recorded", i))
            .ToList();
        var returnIds = returns.ToDictionary(r => (r.PeriodId, r.OrganisationId), r => r.Id);
        var panelMembers = panel.SelectMany(c => Enumerable.Repeat(new PanelMemberOutcomeRating(c.PeriodId, c.OutcomeId, c.Rating), c.Count)).ToList();
        var comparisons = Divergence.Of(
            monitoring.Periods.Select(p => p.Id),
            monitoring.Outcomes.Select(o => o.OutcomeId),
            providerRatings.Select(r => new ProviderOutcomeRating(r.PeriodId, r.OrganisationId, r.OutcomeId, r.Rating)),
            panelMembers);
        var said = panel.GroupBy(c => (c.PeriodId, c.OutcomeId)).ToDictionary(g => g.Key, g => g.Sum(c => c.Said));
        int Said(Guid periodId, Guid outcomeId) => said.GetValueOrDefault((periodId, outcomeId));

        // Beside each outcome, the first words of the latest period anyone said something about it.
        var latestSaid = monitoring.Outcomes
            .Select(o => (o.OutcomeId, Period: periods.LastOrDefault(p => Said(p.Id, o.OutcomeId) > 0)))
            .Where(x => x.Period is not null)
            .ToDictionary(x => x.OutcomeId, x => x.Period!);
        var firstSaid = await PanelSaid.FirstAsync(db, monitoringId, [.. latestSaid.Select(x => (x.Key, x.Value.Id))], viewer, ct);

        return new OutcomesOverTime
        {
            Periods = [.. periods.Select(p => new PeriodColumn(p, returnIds))],
            Providers = providers,
            Outcomes =
            [
                .. monitoring.Outcomes.Select(outcome => new OutcomeOverTime(
                    outcome.OutcomeId,
                    outcome.Statement,
                    [.. providers.Select(provider => new RatingSeries(provider, [.. periods.Select(p => providerRatings
                        .Where(r => r.PeriodId == p.Id && r.OrganisationId == provider.OrganisationId && r.OutcomeId == outcome.OutcomeId)
                        .Select(r => (RatingLevel?)r.Rating).SingleOrDefault())]))],
                    [.. periods.Select(p => PanelMedian(panelMembers.Where(r => r.PeriodId == p.Id && r.OutcomeId == outcome.OutcomeId).Select(r => r.Rating).ToList()))],
                    [.. comparisons.Where(c => c.OutcomeId == outcome.OutcomeId)],
                    [.. firstSaid.Where(w => w.OutcomeId == outcome.OutcomeId)],
                    [.. periods.Select(p => Said(p.Id, outcome.OutcomeId))])),
            ],
            Kpis = [.. monitoring.Kpis.Select(kpi => new MeasureOverTime(kpi,
                [.. providers.Select(provider => new MeasureSeries(provider, [.. periods.Select(p => kpi.IsReportedIn(p, monitoring.StartsOn, monitoring.EndsOn)
                    ? new MeasureValue(true, values.Where(v => v.PeriodId == p.Id && v.OrganisationId == provider.OrganisationId && v.KpiId == kpi.Id)
                        .Select(v => (decimal?)v.Value).SingleOrDefault())
                    : new MeasureValue(false, null))]))]))],
            Commitments = [.. monitoring.Commitments.Select(commitment => new MeasureOverTime(commitment,
                [new MeasureSeries(new SeriesKey(null, "The commissioner", 0),
                    [.. periods.Select(p => new MeasureValue(true, monitoring.ResultFor(p.Id, commitment.Id)?.Value))])]))],
            CountsTeamOnly = seesTeamOnly,
            HiddenTeamOnly = hidden,
        };
    }

    /// <summary>The panel's middle rating and how many ratings it comes from, as the domain works it out; null when nobody rated.</summary>
    private static PanelMedian? PanelMedian(IReadOnlyList<RatingLevel> ratings) =>
        ratings.Count == 0 ? null : new PanelMedian(OutcomeComparison.Median(ratings), ratings.Count);

    private sealed record ReturnRow(Guid Id, Guid PeriodId, Guid OrganisationId);

    private sealed record RatingRow(Guid PeriodId, Guid OrganisationId, Guid OutcomeId, RatingLevel Rating);

    private sealed record ValueRow(Guid PeriodId, Guid OrganisationId, Guid KpiId, decimal Value);

    /// <summary>How many of the panel gave <see cref="Rating"/> to an outcome for a period, and how many of them said what it's like.</summary>
    private sealed record PanelCount(Guid PeriodId, Guid OutcomeId, RatingLevel Rating, int Count, int Said);
}

/// <summary>Who is looking: what they may see follows from their role, organisation and account.</summary>
public sealed record Viewer(string UserId, CycleRole Role, Guid? OrganisationId);

/// <summary>A period as a column of the charts and tables, with the returns submitted for it by organisation.</summary>
public sealed class PeriodColumn(Guid id, int number, DateOnly startsOn, DateOnly endsOn, IReadOnlyDictionary<(Guid PeriodId, Guid OrganisationId), Guid>? returnIds = null)
{
    public PeriodColumn(ReportingPeriod period, IReadOnlyDictionary<(Guid PeriodId, Guid OrganisationId), Guid> returnIds)
        : this(period?.Id ?? throw new ArgumentNullException(nameof(period)), period.Number, period.StartsOn, period.EndsOn, returnIds)
    {
    }

    public Guid Id { get; } = id;

    public int Number { get; } = number;

    public DateOnly StartsOn { get; } = startsOn;

    public DateOnly EndsOn { get; } = endsOn;

    public string Name => $"Period {Number}";

    /// <summary>"1 April to 30 June 2026".</summary>
    public string Dates => OutcomeWords.Dates(StartsOn, EndsOn);

    /// <summary>Short enough for the chart's axis: "Apr 2026".</summary>
    public string AxisLabel => StartsOn.ToString("MMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB"));

    public Guid? ReturnOf(Guid organisationId) => returnIds is not null && returnIds.TryGetValue((Id, organisationId), out var found) ? found : null;
}

/// <summary>One line on a chart: a provider (or the commissioner, with no organisation), and which colour, dash and marker it takes.</summary>
public sealed record SeriesKey(Guid? OrganisationId, string Name, int Index);

public sealed record OutcomeOverTime(
    Guid OutcomeId,
    string Statement,
    IReadOnlyList<RatingSeries> Providers,
    IReadOnlyList<PanelMedian?> Panel,
    IReadOnlyList<OutcomeComparison> Comparisons,
    IReadOnlyList<PanelWords> Words,
    IReadOnlyList<int> SaidCounts)
{
    /// <summary>The period whose first words <see cref="Words"/> are: the latest in which anyone said something; null when nobody did.</summary>
    public int? WordsPeriodIndex => SaidCounts.Select((count, i) => (count, i)).LastOrDefault(x => x.count > 0) is { count: > 0 } latest ? latest.i : null;

    public bool AnySaid => SaidCounts.Any(c => c > 0);

    public OutcomeComparison? ComparisonFor(Guid periodId, Guid organisationId) =>
        Comparisons.SingleOrDefault(c => c.PeriodId == periodId && c.OrganisationId == organisationId);

    public bool HasAnyRating => Providers.Any(p => p.Ratings.Any(r => r is not null)) || Panel.Any(p => p is not null);
}

/// <summary>A provider's rating in each period, in the order of the periods; null where it has not submitted one.</summary>
public sealed record RatingSeries(SeriesKey Key, IReadOnlyList<RatingLevel?> Ratings);

/// <summary>The panel's middle rating in levels from poor (0), and how many members' ratings it comes from.</summary>
public sealed record PanelMedian(decimal Level, int Count);

/// <summary>What a panel member said an outcome is like, for one period; team-only words are read by the commissioning team and their author only.</summary>
public sealed record PanelWords(Guid PeriodId, Guid OutcomeId, string Text, bool IsTeamOnly, bool IsOwn);

/// <summary>A KPI or commitment, with each series' value in each period.</summary>
public sealed record MeasureOverTime(Kpi Measure, IReadOnlyList<MeasureSeries> Series)
{
    public bool HasAnyValue => Series.Any(s => s.Values.Any(v => v.Value is not null));
}

public sealed record MeasureSeries(SeriesKey Key, IReadOnlyList<MeasureValue> Values);

/// <summary>A value in one period: not reported that period (a yearly KPI in a quarter), reported, or missing.</summary>
public sealed record MeasureValue(bool IsReported, decimal? Value);

/// <summary>What the outcomes partial draws: the outcomes, the cycle (for links) and the level of its headings.</summary>
public sealed record OutcomesView(OutcomesOverTime Outcomes, Guid CycleId, int HeadingLevel)
{
    /// <summary>A provider's return, on the returns pages.</summary>
    public string ReturnUrl(Guid returnId) => $"{MonitoringUrls.Returns(CycleId)}/{returnId}";

    public string RatingsUrl => MonitoringUrls.Ratings(CycleId);

    /// <summary>All that panel members said about an outcome in a period.</summary>
    public string SaidUrl(Guid outcomeId, PeriodColumn period) => PanelSaid.Url(CycleId, outcomeId, period.Number);
}

public sealed record RatingChartView(OutcomesView View, OutcomeOverTime Outcome);

public sealed record MeasureChartView(OutcomesView View, MeasureOverTime Measure, bool IsCommitment);
