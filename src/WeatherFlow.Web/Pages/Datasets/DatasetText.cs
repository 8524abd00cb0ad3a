using System.Globalization;
using WeatherFlow.Contracts.Datasets;

namespace WeatherFlow.Web.Pages.Datasets;

/// <summary>How the dataset pages write a dataset's facts, the same on the list and on its own page.</summary>
public static class DatasetText
{
    public static string Grid(DatasetGrid grid) => $"{grid.Height} × {grid.Width}";

    public static string Steps(DatasetTimeAxis time) => $"{time.Count} × {Number(time.StepHours)} h";

    /// <summary>Whose it is: built-in datasets are the server's and public; otherwise mine, or public.</summary>
    public static string Ownership(DatasetInfo dataset) =>
        dataset.BuiltIn ? "built-in" : dataset.Mine ? (dataset.IsPublic ? "mine, public" : "mine") : dataset.IsPublic ? "public" : "shared";

    public static string Number(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    public static string Time(DateTimeOffset? time) => time?.ToUniversalTime().ToString("yyyy-MM-dd HH:mm'Z'", CultureInfo.InvariantCulture) ?? "unknown";

    public static string Range(IReadOnlyList<double> values) =>
        values.Count == 0 ? "–" : $"{Number(values[0])} … {Number(values[^1])}";
}
