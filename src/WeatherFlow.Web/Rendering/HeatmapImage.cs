namespace WeatherFlow.Web.Rendering;

public static class HeatmapImage
{
    /// <summary>A [lat][lon] field as an inline PNG, one pixel per cell, with the last latitude row on top (north up).</summary>
    public static string ToDataUri(IReadOnlyList<IReadOnlyList<double>> field, ColorScale scale)
    {
        var height = field.Count;
        var width = height == 0 ? 0 : field[0].Count;
        var png = PngEncoder.Encode(width, height, (x, y) => scale.ColorOf(field[height - 1 - y][x]));
        return "data:image/png;base64," + Convert.ToBase64String(png);
    }
}
