using System.Numerics;

namespace WeatherFlow.Datasets.NetCdf;

/// <summary>
/// Turns a variable's stored values into physical ones: fill and missing values (compared on the stored, packed
/// value, as the NetCDF conventions define them) become NaN, the rest get <c>scale_factor</c> and <c>add_offset</c>.
/// </summary>
internal sealed class NetCdfUnpacking
{
    private readonly double[] missingValues;
    private readonly double scale;
    private readonly double offset;

    private NetCdfUnpacking(double[] missingValues, double scale, double offset)
    {
        this.missingValues = missingValues;
        this.scale = scale;
        this.offset = offset;
    }

    /// <summary>Values as stored: for attributes, which are neither packed nor filled.</summary>
    public static NetCdfUnpacking None { get; } = new([], 1, 0);

    public static NetCdfUnpacking For(NetCdfVariable variable)
    {
        var fill = variable.Attribute("_FillValue")?.Numbers is [var declared, ..] ? declared : NetCdfTypeInfo.DefaultFill(variable.Type);
        IEnumerable<double> missing = variable.Attribute("missing_value")?.Numbers ?? [];
        if (fill is { } value)
            missing = missing.Prepend(value);
        return new NetCdfUnpacking(
            [.. missing.Select(value => AsStored(value, variable.Type))],
            FirstNumber(variable, "scale_factor") ?? 1,
            FirstNumber(variable, "add_offset") ?? 0);
    }

    public void Apply<TStored, TValue>(ReadOnlySpan<TStored> stored, Span<TValue> values)
        where TStored : INumberBase<TStored>
        where TValue : IFloatingPointIeee754<TValue>
    {
        for (var i = 0; i < stored.Length; i++)
            values[i] = TValue.CreateTruncating(Unpack(double.CreateTruncating(stored[i])));
    }

    private double Unpack(double stored)
    {
        foreach (var missing in missingValues)
            if (stored == missing)
                return double.NaN;
        return stored * scale + offset;
    }

    // A float variable's fill given as a double attribute only matches its data once rounded to float.
    private static double AsStored(double value, NetCdfType type) => type == NetCdfType.Float ? (float)value : value;

    private static double? FirstNumber(NetCdfVariable variable, string name) =>
        variable.Attribute(name)?.Numbers is [var first, ..] ? first : null;
}
