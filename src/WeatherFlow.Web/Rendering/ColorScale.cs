namespace WeatherFlow.Web.Rendering;

/// <summary>
/// A colour scale over [Min, Max]. Fields themselves get a sequential palette (viridis), one scale shared by all of a
/// channel's pictures so that predicted and target fields can be compared by eye; changes and errors get a diverging
/// one (ColorBrewer RdBu, reversed so low is blue) centred on zero, so white means no change.
/// </summary>
public sealed class ColorScale(double min, double max, IReadOnlyList<string> palette)
{
    public double Min { get; } = min;
    public double Max { get; } = max;
    public IReadOnlyList<string> Palette { get; } = palette;

    public static IReadOnlyList<string> SequentialPalette { get; } =
        ["#440154", "#3b528b", "#21918c", "#5ec962", "#fde725"];

    public static IReadOnlyList<string> DivergingPalette { get; } =
        ["#2166ac", "#67a9cf", "#d1e5f0", "#f7f7f7", "#fddbc7", "#ef8a62", "#b2182b"];

    private readonly (byte R, byte G, byte B)[] stops = [.. palette.Select(Parse)];

    public static ColorScale Sequential(IEnumerable<IReadOnlyList<IReadOnlyList<double>>> fields)
    {
        var values = FiniteValues(fields);
        return values.Count == 0 ? new(0, 1, SequentialPalette) : new(values.Min(), values.Max(), SequentialPalette);
    }

    public static ColorScale Diverging(IEnumerable<IReadOnlyList<IReadOnlyList<double>>> fields)
    {
        var values = FiniteValues(fields);
        var extent = values.Count == 0 ? 0 : values.Max(Math.Abs);
        return extent > 0 ? new(-extent, extent, DivergingPalette) : new(-1, 1, DivergingPalette);
    }

    public (byte R, byte G, byte B) ColorOf(double value)
    {
        var fraction = Max > Min && double.IsFinite(value) ? Math.Clamp((value - Min) / (Max - Min), 0, 1) : 0.5;
        var position = fraction * (stops.Length - 1);
        var index = Math.Min((int)position, stops.Length - 2);
        var t = position - index;
        var (low, high) = (stops[index], stops[index + 1]);
        return (Mix(low.R, high.R, t), Mix(low.G, high.G, t), Mix(low.B, high.B, t));
    }

    private static List<double> FiniteValues(IEnumerable<IReadOnlyList<IReadOnlyList<double>>> fields) =>
        [.. fields.SelectMany(field => field.SelectMany(row => row)).Where(double.IsFinite)];

    private static byte Mix(byte from, byte to, double t) => (byte)Math.Round(from + (to - from) * t);

    private static (byte R, byte G, byte B) Parse(string hex) =>
        (Convert.ToByte(hex[1..3], 16), Convert.ToByte(hex[3..5], 16), Convert.ToByte(hex[5..7], 16));
}
