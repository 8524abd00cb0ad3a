using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using StackExchange.Redis;

namespace WeatherFlow.Data.Caching;

internal static class CachingExtensions
{
    private const string ConnectionName = "cache";

    /// <summary>
    /// Redis, which a host can live without (it only accelerates: the result cache, live events, the rate limits
    /// shared across replicas): its health check reports Degraded rather than Unhealthy when Redis is down, and
    /// commands fail at once while disconnected rather than queueing, so callers fall back without waiting.
    /// </summary>
    public static void AddCaching(this IHostApplicationBuilder builder)
    {
        builder.AddRedisClient(ConnectionName,
            settings => settings.DisableHealthChecks = true,
            options => options.BacklogPolicy = BacklogPolicy.FailFast);
        builder.Services.AddHealthChecks().AddRedis(
            services => services.GetRequiredService<IConnectionMultiplexer>(),
            name: "StackExchange.Redis",
            failureStatus: HealthStatus.Degraded,
            timeout: TimeSpan.FromSeconds(3));

        builder.Services.AddOptions<ResultCacheOptions>().BindConfiguration(ResultCacheOptions.SectionName);
        builder.Services.AddSingleton<ExperimentResultCache>();
        builder.Services.AddSingleton<ExperimentEventChannel>();
    }
}
