namespace WeatherFlow.Web.Rendering;

/// <summary>
/// A blue-white-red scale (ColorBrewer RdBu, reversed so low is blue) over [Min, Max]. One scale is shared by all
/// pictures of a channel so that predicted and target fields can be compared by eye, and it is centred on zero
/// when the values straddle it, so that white means zero and the colours read as signed anomalies.
/// </summary>
public sealed record ColorScale(double Min, double Max)
{
    public static IReadOnlyList<string> Palette { get; } =
        ["#2166ac", "#67a9cf", "#d1e5f0", "#f7f7f7", "#fddbc7", "#ef8a62", "#b2182b"];

    private static readonly (byte R, byte G, byte B)[] Stops = [.. Palette.Select(Parse)];

    public static ColorScale Spanning(IEnumerable<IReadOnlyList<IReadOnlyList<double>>> fields)
    {
        var values = fields.SelectMany(field => field.SelectMany(row => row)).Where(double.IsFinite).ToList();
        if (values.Count == 0)
        {
            return new(0, 1);
        }
        var (min, max) = (values.Min(), values.Max());
        var extent = Math.Max(-min, max);
        return min < 0 && max > 0 ? new(-extent, extent) : new(min, max);
    }

    public (byte R, byte G, byte B) ColorOf(double value)
    {
        var fraction = Max > Min && double.IsFinite(value) ? Math.Clamp((value - Min) / (Max - Min), 0, 1) : 0.5;
        var position = fraction * (Stops.Length - 1);
        var index = Math.Min((int)position, Stops.Length - 2);
        var t = position - index;
        var (low, high) = (Stops[index], Stops[index + 1]);
        return (Mix(low.R, high.R, t), Mix(low.G, high.G, t), Mix(low.B, high.B, t));
    }

    private static byte Mix(byte from, byte to, double t) => (byte)Math.Round(from + (to - from) * t);

    private static (byte, byte, byte) Parse(string hex) =>
        (Convert.ToByte(hex[1..3], 16), Convert.ToByte(hex[3..5], 16), Convert.ToByte(hex[5..7], 16));
}
