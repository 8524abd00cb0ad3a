namespace WeatherFlow.Web.Rendering;

public static class FieldDifference
{
    /// <summary>to − from, cell by cell, for fields of the same [lat][lon] shape.</summary>
    public static IReadOnlyList<IReadOnlyList<double>> Of(IReadOnlyList<IReadOnlyList<double>> to, IReadOnlyList<IReadOnlyList<double>> from) =>
        [.. to.Select((row, i) => (IReadOnlyList<double>)[.. row.Select((value, j) => value - from[i][j])])];
}
