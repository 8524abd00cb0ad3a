namespace WeatherFlow.Contracts.History;

/// <summary>The values of the history's <c>order</c>; without one, the best or newest runs come first.</summary>
public static class HistoryOrders
{
    public const string Ascending = "asc";
    public const string Descending = "desc";
}
