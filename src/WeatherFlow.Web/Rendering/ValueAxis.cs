namespace WeatherFlow.Web.Rendering;

/// <summary>A linear or base-10 logarithmic value axis mapped onto [0, 1].</summary>
public sealed record ValueAxis(double Low, double High, bool Logarithmic)
{
    public static ValueAxis Spanning(IReadOnlyCollection<double> values, bool logarithmic)
    {
        if (values.Count == 0)
        {
            return new(0, 1, false);
        }
        var (low, high) = (Transform(values.Min(), logarithmic), Transform(values.Max(), logarithmic));
        // Pad a little so that no point sits on the frame, and give a flat line some height.
        var pad = high > low ? (high - low) * 0.05 : Math.Max(Math.Abs(low) * 0.1, 0.5);
        return new(low - pad, high + pad, logarithmic);
    }

    public double Fraction(double value) => (Transform(value, Logarithmic) - Low) / (High - Low);

    /// <summary>Powers of ten on a logarithmic axis that spans at least two of them, else evenly spaced values.</summary>
    public IEnumerable<double> Ticks(int count)
    {
        var decades = Enumerable.Range((int)Math.Ceiling(Low), Math.Max(0, (int)Math.Floor(High) - (int)Math.Ceiling(Low) + 1)).ToList();
        return Logarithmic && decades.Count >= 2
            ? decades.Select(exponent => Math.Pow(10, exponent))
            : Enumerable.Range(0, count).Select(i => Inverse(Low + (High - Low) * i / (count - 1)));
    }

    private double Inverse(double position) => Logarithmic ? Math.Pow(10, position) : position;

    private static double Transform(double value, bool logarithmic) => logarithmic ? Math.Log10(value) : value;
}
