using System.Globalization;
using System.Net;
using System.Text;

namespace WeatherFlow.Web.Rendering;

/// <summary>
/// Loss per epoch as an inline SVG line chart. The flow loss is heavy-tailed (values from 1 to 10⁴ in one run), so the
/// axis turns logarithmic when the values span more than a factor of 20.
/// </summary>
public static class LossChartSvg
{
    private const int Width = 640, Height = 300, Left = 64, Right = 16, Top = 16, Bottom = 64;
    private const int PlotWidth = Width - Left - Right, PlotHeight = Height - Top - Bottom;

    /// <param name="legend">False when the page draws its own legend (the comparison's, one entry per run).</param>
    public static string Render(IReadOnlyList<LossSeries> series, bool legend = true)
    {
        var values = series.SelectMany(line => line.Values).Where(double.IsFinite).ToList();
        var epochs = series.Max(line => line.Values.Count);
        var logarithmic = values.Count > 0 && values.Min() > 0 && values.Max() / values.Min() > 20;
        var axis = ValueAxis.Spanning(values, logarithmic);

        var svg = new StringBuilder();
        svg.Append($"""<svg class="loss-chart" viewBox="0 0 {Width} {Height}" width="100%" role="img" aria-label="loss per epoch" font-size="11" font-family="sans-serif">""");
        svg.Append($"""<rect x="{Left}" y="{Top}" width="{PlotWidth}" height="{PlotHeight}" fill="#fff" stroke="#adb5bd"/>""");
        foreach (var tick in axis.Ticks(5))
        {
            var y = Y(axis.Fraction(tick));
            svg.Append($"""<line x1="{Left}" x2="{Left + PlotWidth}" y1="{N(y)}" y2="{N(y)}" stroke="#e9ecef"/>""");
            svg.Append($"""<text x="{Left - 6}" y="{N(y + 4)}" text-anchor="end" fill="#495057">{Label(tick)}</text>""");
        }
        for (var epoch = 1; epoch <= epochs; epoch++)
        {
            svg.Append($"""<text x="{N(X(epoch, epochs))}" y="{Top + PlotHeight + 16}" text-anchor="middle" fill="#495057">{epoch}</text>""");
        }
        svg.Append($"""<text x="{Left + PlotWidth / 2}" y="{Top + PlotHeight + 32}" text-anchor="middle">epoch</text>""");
        svg.Append($"""<text transform="translate(14 {Top + PlotHeight / 2}) rotate(-90)" text-anchor="middle">loss{(logarithmic ? " (log scale)" : "")}</text>""");

        for (var i = 0; i < series.Count; i++)
        {
            AppendLine(svg, series[i], axis, epochs);
            if (legend)
            {
                AppendLegendItem(svg, series[i], i);
            }
        }
        return svg.Append("</svg>").ToString();
    }

    private static void AppendLine(StringBuilder svg, LossSeries line, ValueAxis axis, int epochs)
    {
        var points = line.Values
            .Select((value, index) => (Epoch: index + 1, Value: value))
            .Where(point => double.IsFinite(point.Value))
            .Select(point => (point.Epoch, point.Value, X: X(point.Epoch, epochs), Y: Y(axis.Fraction(point.Value))))
            .ToList();
        var dash = line.Dashed ? """ stroke-dasharray="6 4" """ : " ";
        svg.Append($"""<polyline class="series" data-series="{WebUtility.HtmlEncode(line.Name)}" fill="none" stroke="{line.Color}" stroke-width="2"{dash}points="{string.Join(' ', points.Select(p => $"{N(p.X)},{N(p.Y)}"))}"/>""");
        foreach (var point in points)
        {
            svg.Append($"""<circle cx="{N(point.X)}" cy="{N(point.Y)}" r="3" fill="{line.Color}"><title>{WebUtility.HtmlEncode(line.Name)}, epoch {point.Epoch}: {Label(point.Value)}</title></circle>""");
        }
    }

    private static void AppendLegendItem(StringBuilder svg, LossSeries line, int index)
    {
        var x = Left + index * (PlotWidth / 4);
        var y = Height - 10;
        var dash = line.Dashed ? """ stroke-dasharray="6 4" """ : " ";
        svg.Append($"""<line x1="{x}" x2="{x + 24}" y1="{y - 4}" y2="{y - 4}" stroke="{line.Color}" stroke-width="2"{dash}/>""");
        svg.Append($"""<text x="{x + 30}" y="{y}">{WebUtility.HtmlEncode(line.Name)}</text>""");
    }

    private static double X(int epoch, int epochs) => epochs <= 1 ? Left + PlotWidth / 2.0 : Left + PlotWidth * (epoch - 1.0) / (epochs - 1);

    private static double Y(double fraction) => Top + PlotHeight * (1 - fraction);

    private static string N(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    private static string Label(double value) =>
        value != 0 && (Math.Abs(value) >= 1e5 || Math.Abs(value) < 1e-3)
            ? value.ToString("0.##E+0", CultureInfo.InvariantCulture)
            : value.ToString(Math.Abs(value) >= 100 ? "0" : "G3", CultureInfo.InvariantCulture);
}
