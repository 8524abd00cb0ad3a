using System.Globalization;

namespace WeatherFlow.Web.Pages.Experiments;

/// <summary>A numeric field of <see cref="ExperimentForm"/>, rendered by <c>_NumberField.cshtml</c>.</summary>
public sealed record NumberField(string Name, string Label, double Value)
{
    public string Key => $"Form.{Name}";

    public string Id => $"Form_{Name}";

    public string FormattedValue => Value.ToString("G", CultureInfo.InvariantCulture);
}
