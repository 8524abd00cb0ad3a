using System.Globalization;
using System.Net;
using System.Text;
using WeatherFlow.Contracts.Jobs;

namespace WeatherFlow.Web.Rendering;

/// <summary>
/// A metric against a config field as an inline SVG: each group's mean as a point with its min–max range as a
/// whisker. A numeric field (hidden size, samples, epochs) is placed on a linear axis and its means joined, so a
/// scaling trend reads as a line; a named one (backbone) gets one evenly spaced slot per value.
/// </summary>
public static class AggregateChartSvg
{
    private const int Width = 640, Height = 300, Left = 72, Right = 24, Top = 16, Bottom = 48;
    private const int PlotWidth = Width - Left - Right, PlotHeight = Height - Top - Bottom;

    public static string Render(ExperimentAggregates aggregates, string metricLabel, string byLabel)
    {
        var groups = aggregates.Groups;
        var numeric = groups.Count > 1 && groups.All(group => group.NumericKey is not null);
        var axis = ValueAxis.Spanning([.. groups.SelectMany(group => new[] { group.Min, group.Max })], logarithmic: false);
        var (lowKey, highKey) = numeric ? (groups.Min(g => g.NumericKey!.Value), groups.Max(g => g.NumericKey!.Value)) : (0, 0);
        // The outermost points keep a tenth of the width from the frame, where their labels and whiskers stay readable.
        double X(int index) => numeric && highKey > lowKey
            ? Left + PlotWidth * (0.1 + 0.8 * (groups[index].NumericKey!.Value - lowKey) / (highKey - lowKey))
            : Left + PlotWidth * (index + 0.5) / groups.Count;
        double Y(double value) => Top + PlotHeight * (1 - axis.Fraction(value));

        var svg = new StringBuilder();
        svg.Append($"""<svg class="aggregate-chart" viewBox="0 0 {Width} {Height}" width="100%" role="img" aria-label="{WebUtility.HtmlEncode($"{metricLabel} by {byLabel}")}" font-size="11" font-family="sans-serif">""");
        svg.Append($"""<rect x="{Left}" y="{Top}" width="{PlotWidth}" height="{PlotHeight}" fill="#fff" stroke="#adb5bd"/>""");
        foreach (var tick in axis.Ticks(5))
        {
            svg.Append($"""<line x1="{Left}" x2="{Left + PlotWidth}" y1="{N(Y(tick))}" y2="{N(Y(tick))}" stroke="#e9ecef"/>""");
            svg.Append($"""<text x="{Left - 6}" y="{N(Y(tick) + 4)}" text-anchor="end" fill="#495057">{tick.ToString("G3", CultureInfo.InvariantCulture)}</text>""");
        }
        if (axis.Fraction(0) is > 0 and < 1)
        {
            // Zero is where skill stops beating persistence: drawn whenever the range crosses it.
            svg.Append($"""<line class="zero" x1="{Left}" x2="{Left + PlotWidth}" y1="{N(Y(0))}" y2="{N(Y(0))}" stroke="#dc3545" stroke-dasharray="4 3"/>""");
        }
        if (numeric)
        {
            svg.Append($"""<polyline fill="none" stroke="#0d6efd" stroke-width="1.5" points="{string.Join(' ', groups.Select((g, i) => $"{N(X(i))},{N(Y(g.Mean))}"))}"/>""");
        }
        for (var i = 0; i < groups.Count; i++)
        {
            var group = groups[i];
            var key = WebUtility.HtmlEncode(group.Key);
            svg.Append($"""<line x1="{N(X(i))}" x2="{N(X(i))}" y1="{N(Y(group.Min))}" y2="{N(Y(group.Max))}" stroke="#6c757d" stroke-width="1.5"/>""");
            svg.Append($"""<circle class="group" data-key="{key}" cx="{N(X(i))}" cy="{N(Y(group.Mean))}" r="4" fill="#0d6efd"><title>{key}: mean {Label(group.Mean)} (min {Label(group.Min)}, max {Label(group.Max)}, {group.Count} runs)</title></circle>""");
            svg.Append($"""<text x="{N(X(i))}" y="{Top + PlotHeight + 16}" text-anchor="middle" fill="#495057">{key}</text>""");
        }
        svg.Append($"""<text x="{Left + PlotWidth / 2}" y="{Height - 8}" text-anchor="middle">{WebUtility.HtmlEncode(byLabel)}</text>""");
        svg.Append($"""<text transform="translate(14 {Top + PlotHeight / 2}) rotate(-90)" text-anchor="middle">{WebUtility.HtmlEncode(metricLabel)}</text>""");
        return svg.Append("</svg>").ToString();
    }

    private static string N(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    private static string Label(double value) => value.ToString("G4", CultureInfo.InvariantCulture);
}
