namespace WeatherFlow.Data.Caching;

/// <summary>Bound from the <c>ResultCache</c> section.</summary>
public sealed class ResultCacheOptions
{
    public const string SectionName = "ResultCache";

    public TimeSpan TimeToLive { get; set; } = TimeSpan.FromHours(12);
}
