using System.Globalization;
using System.Text;

namespace WeatherFlow.Web.Rendering;

public static class ColorBarSvg
{
    /// <summary>A horizontal colour bar with its minimum, midpoint and maximum labelled in <paramref name="unit"/>.</summary>
    public static string Render(ColorScale scale, string id, string? unit)
    {
        const int width = 240, barHeight = 12;
        var suffix = unit is null or "1" ? "" : $" {unit}";
        var svg = new StringBuilder();
        svg.Append($"""<svg class="colorbar" viewBox="0 0 {width} 30" width="{width}" height="30" role="img" aria-label="colour scale from {Format(scale.Min)} to {Format(scale.Max)}{suffix}">""");
        svg.Append($"""<defs><linearGradient id="{id}">""");
        for (var i = 0; i < scale.Palette.Count; i++)
        {
            var offset = (100.0 * i / (scale.Palette.Count - 1)).ToString("0.#", CultureInfo.InvariantCulture);
            svg.Append($"""<stop offset="{offset}%" stop-color="{scale.Palette[i]}"/>""");
        }
        svg.Append($"""</linearGradient></defs><rect x="0" y="0" width="{width}" height="{barHeight}" fill="url(#{id})" stroke="#999"/>""");
        var middle = (scale.Min + scale.Max) / 2;
        svg.Append($"""<g font-size="10" fill="#333"><text x="0" y="26">{Format(scale.Min)}</text>""");
        svg.Append($"""<text x="{width / 2}" y="26" text-anchor="middle">{Format(middle)}{suffix}</text>""");
        svg.Append($"""<text x="{width}" y="26" text-anchor="end">{Format(scale.Max)}</text></g></svg>""");
        return svg.ToString();
    }

    private static string Format(double value) => value.ToString("G4", CultureInfo.InvariantCulture);
}
