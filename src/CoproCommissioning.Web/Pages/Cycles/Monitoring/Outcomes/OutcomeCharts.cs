using System.Globalization;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using CoproCommissioning.Domain.Monitoring;
using CoproCommissioning.Domain.Specification;

namespace CoproCommissioning.Web.Pages.Cycles.Monitoring.Outcomes;

/// <summary>
/// Where things go on the outcome charts, drawn as SVG on the server: periods along the bottom, the rating levels (or
/// a KPI's values) up the side. Every series has its own colour, dash and marker shape, so no one needs to tell the
/// lines apart by colour; every colour is at least 3:1 against white (WCAG 2.2, 1.4.11).
/// </summary>
public sealed class ChartFrame
{
    public const int Width = 720;
    public const int Height = 300;
    public const int Left = 110;
    public const int Right = 24;
    public const int Top = 20;
    public const int Bottom = 56;

    /// <summary>The panel's line: near-black, solid and thick, with diamonds.</summary>
    public const string PanelColour = "#212b32";

    /// <summary>Divergence and targets missed: NHS red.</summary>
    public const string AlertColour = "#d5281b";

    public const string TargetColour = "#425563";

    public const string GridColour = "#d8dde0";

    // NHS blue, dark pink, green and purple: each at least 4.5:1 against white.
    private static readonly string[] Colours = ["#005eb8", "#7c2855", "#007f3b", "#330072"];
    private static readonly string[] Dashes = ["", "10 5", "3 4", "12 4 3 4"];
    private static readonly MarkerShape[] Shapes = [MarkerShape.Circle, MarkerShape.Square, MarkerShape.Triangle, MarkerShape.InvertedTriangle];

    private readonly decimal _lowest;
    private readonly decimal _highest;

    private ChartFrame(int periods, decimal lowest, decimal highest)
    {
        Periods = periods;
        _lowest = lowest;
        _highest = highest;
    }

    public int Periods { get; }

    public static int PlotWidth => Width - Left - Right;

    public static int PlotHeight => Height - Top - Bottom;

    public static int PlotBottom => Height - Bottom;

    public static int PlotRight => Width - Right;

    /// <summary>A frame for ratings: poor (0) at the bottom, outstanding (4) at the top.</summary>
    public static ChartFrame ForRatings(int periods) => new(periods, 0, (int)RatingLevel.Outstanding);

    /// <summary>
    /// A frame for a measure: from zero (or the lowest value) to a round number a little above the highest value or the
    /// target; a percentage that never goes over 100 stops at 100%.
    /// </summary>
    public static ChartFrame ForMeasure(int periods, IEnumerable<decimal> values, decimal target, string unit)
    {
        var all = values.Append(target).ToList();
        var lowest = Math.Min(0, all.Min());
        var highest = all.Max();
        if (unit == "%" && lowest == 0 && highest is > 0 and <= 100)
        {
            return new(periods, 0, 100);
        }

        var top = highest <= lowest ? lowest + 1 : highest + ((highest - lowest) / 10);
        return new(periods, lowest, NiceAbove(top));
    }

    /// <summary>The middle of period <paramref name="index"/>'s column.</summary>
    public decimal X(int index) => Left + (PlotWidth * (index + 0.5m) / Math.Max(1, Periods));

    public decimal Y(decimal value) => PlotBottom - (PlotHeight * (value - _lowest) / (_highest - _lowest));

    /// <summary>Five evenly spaced values up the side of a measure's chart.</summary>
    public IReadOnlyList<decimal> Ticks => [.. Enumerable.Range(0, 5).Select(i => _lowest + ((_highest - _lowest) * i / 4))];

    public static string Colour(int index) => Colours[index % Colours.Length];

    public static string Dash(int index) => Dashes[index % Dashes.Length];

    public static MarkerShape Shape(int index) => Shapes[index % Shapes.Length];

    /// <summary>A line through the points, broken where a period has no value.</summary>
    public string Line(IReadOnlyList<decimal?> values, decimal offset = 0)
    {
        var path = new System.Text.StringBuilder();
        var drawing = false;
        for (var i = 0; i < values.Count; i++)
        {
            if (values[i] is not { } value)
            {
                drawing = false;
                continue;
            }

            path.Append(drawing ? " L" : " M").Append(N(X(i) + offset)).Append(',').Append(N(Y(value)));
            drawing = true;
        }

        return path.ToString().Trim();
    }

    /// <summary>An SVG path for a marker of <paramref name="shape"/> centred on (x, y).</summary>
    public static string Marker(MarkerShape shape, decimal x, decimal y, decimal size = 6) => shape switch
    {
        MarkerShape.Circle => $"M{N(x - size)},{N(y)} a{N(size)},{N(size)} 0 1,0 {N(size * 2)},0 a{N(size)},{N(size)} 0 1,0 {N(-size * 2)},0 Z",
        MarkerShape.Square => $"M{N(x - size)},{N(y - size)} h{N(size * 2)} v{N(size * 2)} h{N(-size * 2)} Z",
        MarkerShape.Triangle => $"M{N(x)},{N(y - size - 1)} L{N(x + size + 1)},{N(y + size)} L{N(x - size - 1)},{N(y + size)} Z",
        MarkerShape.InvertedTriangle => $"M{N(x - size - 1)},{N(y - size)} L{N(x + size + 1)},{N(y - size)} L{N(x)},{N(y + size + 1)} Z",
        MarkerShape.Diamond => $"M{N(x)},{N(y - size - 2)} L{N(x + size + 2)},{N(y)} L{N(x)},{N(y + size + 2)} L{N(x - size - 2)},{N(y)} Z",
        _ => throw new ArgumentOutOfRangeException(nameof(shape), shape, null),
    };

    /// <summary>A number as SVG wants it, whatever the culture.</summary>
    public static string N(decimal value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    private static decimal NiceAbove(decimal value)
    {
        if (value <= 0)
        {
            return value;
        }

        var magnitude = (decimal)Math.Pow(10, Math.Floor(Math.Log10((double)value)));
        foreach (var step in new[] { 1m, 1.2m, 1.5m, 2m, 2.5m, 3m, 4m, 5m, 6m, 8m, 10m })
        {
            if (step * magnitude >= value)
            {
                return step * magnitude;
            }
        }

        return 10 * magnitude;
    }
}

public enum MarkerShape
{
    Circle,
    Square,
    Triangle,
    InvertedTriangle,
    Diamond,
}

/// <summary>
/// Headings for the outcomes partials, whose level depends on the page they are on (h2 on the outcomes page, h3 under
/// a review's own), so headings stay in order wherever they are shown.
/// </summary>
public static class HeadingTag
{
    public static HtmlString Of(int level, string id, string text, string cssClass) =>
        new($"{Open(level, cssClass, id)}{HtmlEncoder.Default.Encode(text)}{Close(level)}");

    public static HtmlString Open(int level, string cssClass, string? id = null) =>
        new($"<h{Checked(level)} class=\"{cssClass}\"{(id is null ? "" : $" id=\"{id}\"")}>");

    public static HtmlString Close(int level) => new($"</h{Checked(level)}>");

    private static int Checked(int level) => level is >= 1 and <= 6 ? level : throw new ArgumentOutOfRangeException(nameof(level), level, "Headings go from h1 to h6.");
}

/// <summary>The words the outcome charts and tables use for ratings, periods and measures.</summary>
public static class OutcomeWords
{
    private static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>"Good", or "Between fair and good" for a middle rating halfway between two levels.</summary>
    public static string Level(decimal level)
    {
        var lower = (RatingLevel)(int)Math.Floor(level);
        return level == Math.Floor(level) ? Labels.Of(lower) : $"Between {Labels.Of(lower).ToLowerInvariant()} and {Labels.Of(lower + 1).ToLowerInvariant()}";
    }

    /// <summary>"2 levels", "2.5 levels".</summary>
    public static string Levels(decimal gap)
    {
        var size = Math.Abs(gap);
        return $"{size.ToString("0.#", CultureInfo.InvariantCulture)} {(size == 1 ? "level" : "levels")}";
    }

    /// <summary>"1 April to 30 June 2026", or "1 December 2026 to 28 February 2027" across a year's end.</summary>
    public static string Dates(DateOnly startsOn, DateOnly endsOn) =>
        startsOn.Year == endsOn.Year
            ? $"{startsOn.ToString("d MMMM", EnGb)} to {UkTime.Date(endsOn)}"
            : $"{UkTime.Date(startsOn)} to {UkTime.Date(endsOn)}";

    /// <summary>A KPI's value with its unit: "96%", "4 days", "12".</summary>
    public static string Value(decimal value, string unit)
    {
        var number = value.ToString("#,0.##", EnGb);
        // Units are typed as plurals ("months", "days"): one of them reads "1 month".
        var words = value == 1m && unit.Length > 2 && unit.EndsWith('s') && !unit.EndsWith("ss", StringComparison.Ordinal) ? unit[..^1] : unit;
        return unit.Length == 0 ? number : unit == "%" ? $"{number}%" : $"{number} {words}";
    }

    public static string Target(Kpi measure)
    {
        ArgumentNullException.ThrowIfNull(measure);
        return $"{(measure.Direction == KpiDirection.AtLeast ? "At least" : "At most")} {Value(measure.Target, measure.Unit)}";
    }

    /// <summary>The panel's middle rating with how many ratings it comes from: "Fair (middle of 3 ratings)".</summary>
    public static string Panel(PanelMedian median)
    {
        ArgumentNullException.ThrowIfNull(median);
        return median.Count == 1 ? $"{Level(median.Level)} (1 rating)" : $"{Level(median.Level)} (middle of {median.Count} ratings)";
    }

    /// <summary>What the chart shows, for people who cannot see it: its lines and where they differ.</summary>
    public static string Describe(OutcomeOverTime outcome, IReadOnlyList<PeriodColumn> periods, IReadOnlyList<SeriesKey> providers)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        ArgumentNullException.ThrowIfNull(periods);
        ArgumentNullException.ThrowIfNull(providers);
        var lines = string.Join(", ", [.. providers.Select(p => $"{p.Name}'s ratings"), "the panel's middle rating"]);
        var flagged = outcome.Comparisons.Where(c => c.IsFlagged).ToList();
        var differences = flagged.Count == 0
            ? providers.Count == 0 ? "" : " The provider's and the panel's ratings are never 2 levels or more apart."
            : " Ratings 2 levels or more apart, marked in red: " + string.Join("; ", flagged.Select(c =>
                $"{periods.Single(p => p.Id == c.PeriodId).Name}, {providers.Single(p => p.OrganisationId == c.OrganisationId).Name} {Labels.Of(c.ProviderRating).ToLowerInvariant()}, the panel {Level(c.PanelMedian).ToLowerInvariant()}")) + ".";
        return $"Ratings from poor to outstanding for {Count(periods.Count, "period")}: {lines}.{differences} The table gives every rating.";
    }

    public static string Describe(MeasureOverTime measure, IReadOnlyList<PeriodColumn> periods)
    {
        ArgumentNullException.ThrowIfNull(measure);
        ArgumentNullException.ThrowIfNull(periods);
        var missed = measure.Series.SelectMany(s => s.Values.Select((v, i) => (s.Key, v, i)))
            .Where(x => x.v.Value is { } value && !measure.Measure.Meets(value))
            .Select(x => $"{periods[x.i].Name} ({x.Key.Name})")
            .ToList();
        var lines = string.Join(", ", measure.Series.Select(s => s.Key.Name));
        var result = missed.Count == 0 ? " No value misses the target." : $" The target was missed in {string.Join(", ", missed)}.";
        return $"{measure.Measure.Name} for {Count(periods.Count, "period")}, against a target of {Target(measure.Measure).ToLowerInvariant()}: {lines}.{result} The table gives every value.";
    }

    private static string Count(int count, string thing) => count == 1 ? $"1 {thing}" : $"{count} {thing}s";
}
