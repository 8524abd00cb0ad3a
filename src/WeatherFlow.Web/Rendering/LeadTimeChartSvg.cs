using System.Globalization;
using System.Net;
using System.Text;

namespace WeatherFlow.Web.Rendering;

/// <summary>
/// A score against lead time as an inline SVG line chart, one line per forecast (model, persistence, climatology).
/// The lead axis is linear in hours so that uneven lead times (6, 12, 24, 48 h) keep their spacing.
/// </summary>
public static class LeadTimeChartSvg
{
    private const int Width = 420, Height = 260, Left = 60, Right = 12, Top = 12, Bottom = 60;
    private const int PlotWidth = Width - Left - Right, PlotHeight = Height - Top - Bottom;

    /// <param name="kind">The chart's class besides <c>lead-chart</c>, e.g. <c>rmse</c>, for tests and styles.</param>
    /// <param name="valueLabel">The value axis's title with its unit, e.g. "RMSE (K)".</param>
    /// <param name="axis">A fixed value axis (ACC's 0 to 1); null: one spanning the values.</param>
    public static string Render(string kind, string valueLabel, IReadOnlyList<LeadSeries> series, ValueAxis? axis = null)
    {
        var leads = series.SelectMany(line => line.Points.Select(point => point.LeadHours)).Distinct().Order().ToList();
        axis ??= ValueAxis.Spanning([.. series.SelectMany(line => line.Points.Select(point => point.Value)).Where(double.IsFinite)], logarithmic: false);
        var (first, last) = leads.Count > 0 ? (leads[0], leads[^1]) : (0, 0);
        double X(double lead) => last > first ? Left + PlotWidth * (lead - first) / (last - first) : Left + PlotWidth / 2.0;
        double Y(double value) => Top + PlotHeight * (1 - Math.Clamp(axis.Fraction(value), 0, 1));

        var label = WebUtility.HtmlEncode(valueLabel);
        var svg = new StringBuilder();
        svg.Append($"""<svg class="lead-chart {kind}" viewBox="0 0 {Width} {Height}" width="100%" role="img" aria-label="{label} against lead time" font-size="11" font-family="sans-serif">""");
        svg.Append($"""<rect x="{Left}" y="{Top}" width="{PlotWidth}" height="{PlotHeight}" fill="#fff" stroke="#adb5bd"/>""");
        foreach (var tick in axis.Ticks(5))
        {
            var y = Y(tick);
            svg.Append($"""<line x1="{Left}" x2="{Left + PlotWidth}" y1="{N(y)}" y2="{N(y)}" stroke="#e9ecef"/>""");
            svg.Append($"""<text x="{Left - 6}" y="{N(y + 4)}" text-anchor="end" fill="#495057">{Label(tick)}</text>""");
        }
        foreach (var lead in leads)
        {
            svg.Append($"""<text x="{N(X(lead))}" y="{Top + PlotHeight + 16}" text-anchor="middle" fill="#495057">{Label(lead)}</text>""");
        }
        svg.Append($"""<text x="{Left + PlotWidth / 2}" y="{Top + PlotHeight + 32}" text-anchor="middle">lead time (h)</text>""");
        svg.Append($"""<text transform="translate(14 {Top + PlotHeight / 2}) rotate(-90)" text-anchor="middle">{label}</text>""");

        for (var i = 0; i < series.Count; i++)
        {
            var line = series[i];
            var points = line.Points.Where(point => double.IsFinite(point.Value)).OrderBy(point => point.LeadHours).ToList();
            var name = WebUtility.HtmlEncode(line.Name);
            var dash = line.Dashed ? """ stroke-dasharray="6 4" """ : " ";
            svg.Append($"""<polyline class="series" data-series="{name}" fill="none" stroke="{line.Color}" stroke-width="2"{dash}points="{string.Join(' ', points.Select(p => $"{N(X(p.LeadHours))},{N(Y(p.Value))}"))}"/>""");
            foreach (var (lead, value) in points)
            {
                svg.Append($"""<circle cx="{N(X(lead))}" cy="{N(Y(value))}" r="3" fill="{line.Color}"><title>{name} at {Label(lead)} h: {Label(value)}</title></circle>""");
            }
            var legendX = Left + i * (PlotWidth / 3);
            svg.Append($"""<line x1="{legendX}" x2="{legendX + 20}" y1="{Height - 14}" y2="{Height - 14}" stroke="{line.Color}" stroke-width="2"{dash}/>""");
            svg.Append($"""<text x="{legendX + 25}" y="{Height - 10}">{name}</text>""");
        }
        return svg.Append("</svg>").ToString();
    }

    private static string N(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    private static string Label(double value) =>
        value != 0 && (Math.Abs(value) >= 1e5 || Math.Abs(value) < 1e-3)
            ? value.ToString("0.##E+0", CultureInfo.InvariantCulture)
            : value.ToString(Math.Abs(value) >= 100 ? "0" : "G3", CultureInfo.InvariantCulture);
}
