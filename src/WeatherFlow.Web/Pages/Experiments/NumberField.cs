using System.Globalization;
using WeatherFlow.Contracts.Config;

namespace WeatherFlow.Web.Pages.Experiments;

/// <summary>A numeric field of <see cref="ExperimentForm"/>, rendered by <c>_NumberField.cshtml</c> with the bounds
/// the api enforces, so the browser can judge it before anything is sent.</summary>
public sealed record NumberField(string Name, string Label, double Value, NumberRange Range)
{
    public string Key => $"Form.{Name}";

    public string Id => $"Form_{Name}";

    public string FormattedValue => Format(Value);

    public string Min => Format(Range.Min);

    public string Max => Format(Range.Max);

    public string Step => Range.WholeNumbers ? "1" : "any";

    public static string Format(double value) => value.ToString("G", CultureInfo.InvariantCulture);
}
