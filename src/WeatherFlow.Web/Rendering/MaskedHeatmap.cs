namespace WeatherFlow.Web.Rendering;

/// <summary>
/// A field on a dataset's own grid as a PNG, one pixel per cell, north up whichever way the file runs its latitudes,
/// with the cells that hold no data (fill values, or cells masked from training) in a neutral grey outside the
/// colour scale, so "no data" is never read as a value.
/// </summary>
public static class MaskedHeatmap
{
    /// <summary>The grey of "no data": outside both palettes, so it is never read as a value.</summary>
    public const string NoDataColor = "#b0b0b0";

    private static readonly (byte R, byte G, byte B) NoData = (0xb0, 0xb0, 0xb0);

    /// <param name="values">[lat][lon], null where there is no data.</param>
    /// <param name="latitudes">The rows' latitudes, in the field's order.</param>
    public static byte[] Png(IReadOnlyList<IReadOnlyList<double?>> values, IReadOnlyList<double> latitudes, ColorScale scale)
    {
        var height = values.Count;
        var width = height == 0 ? 0 : values[0].Count;
        var northFirst = latitudes.Count > 1 && latitudes[0] > latitudes[^1];
        return PngEncoder.Encode(width, height, (x, y) =>
            values[northFirst ? y : height - 1 - y][x] is { } value && double.IsFinite(value) ? scale.ColorOf(value) : NoData);
    }

    public static string ToDataUri(IReadOnlyList<IReadOnlyList<double?>> values, IReadOnlyList<double> latitudes, ColorScale scale) =>
        "data:image/png;base64," + Convert.ToBase64String(Png(values, latitudes, scale));

    /// <summary>A field with its masked cells (mask false) taken out; a mask of another shape masks nothing.</summary>
    public static IReadOnlyList<IReadOnlyList<double?>> Masked(IReadOnlyList<IReadOnlyList<double>> field, IReadOnlyList<IReadOnlyList<bool>>? mask) =>
        [.. field.Select((row, i) => (IReadOnlyList<double?>)[.. row.Select((value, j) =>
            mask is not null && i < mask.Count && j < mask[i].Count && !mask[i][j] ? null : (double?)value)])];

    /// <summary>A sequential scale over the values that are there.</summary>
    public static ColorScale Sequential(IEnumerable<IReadOnlyList<IReadOnlyList<double?>>> fields) => ScaleOf(fields, ColorScale.SequentialPalette, diverging: false);

    /// <summary>A diverging scale centred on zero over the values that are there.</summary>
    public static ColorScale Diverging(IEnumerable<IReadOnlyList<IReadOnlyList<double?>>> fields) => ScaleOf(fields, ColorScale.DivergingPalette, diverging: true);

    private static ColorScale ScaleOf(IEnumerable<IReadOnlyList<IReadOnlyList<double?>>> fields, IReadOnlyList<string> palette, bool diverging)
    {
        var values = fields.SelectMany(field => field.SelectMany(row => row)).OfType<double>().Where(double.IsFinite).ToList();
        if (values.Count == 0)
        {
            return diverging ? new(-1, 1, palette) : new(0, 1, palette);
        }
        if (!diverging)
        {
            return new(values.Min(), values.Max(), palette);
        }
        var extent = values.Max(Math.Abs);
        return extent > 0 ? new(-extent, extent, palette) : new(-1, 1, palette);
    }
}
