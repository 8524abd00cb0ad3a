namespace WeatherFlow.Data.Caching;

public sealed class ResultCacheOptions
{
    public TimeSpan TimeToLive { get; set; } = TimeSpan.FromHours(12);
}
