namespace WeatherFlow.Api.Http;

public static class LikePattern
{
    /// <summary>An <c>ILIKE</c> pattern that finds <paramref name="text"/> anywhere, its own <c>%</c>, <c>_</c> and
    /// backslashes taken literally.</summary>
    public static string Containing(string text) => $"%{text.Replace(@"\", @"\\").Replace("%", @"\%").Replace("_", @"\_")}%";
}
