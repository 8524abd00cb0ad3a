using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace Microsoft.Extensions.Hosting;

public static class OptionalRedisExtensions
{
    /// <summary>
    /// Aspire's Redis client for a Redis the service can live without (a cache, live progress): its health check
    /// reports Degraded rather than Unhealthy when Redis is down, and commands fail at once while disconnected rather
    /// than queueing, so callers fall back without waiting.
    /// </summary>
    public static void AddOptionalRedisClient(this IHostApplicationBuilder builder, string connectionName)
    {
        builder.AddRedisClient(connectionName,
            settings => settings.DisableHealthChecks = true,
            options => options.BacklogPolicy = BacklogPolicy.FailFast);
        builder.Services.AddHealthChecks().AddRedis(
            services => services.GetRequiredService<IConnectionMultiplexer>(),
            name: "StackExchange.Redis",
            failureStatus: HealthStatus.Degraded,
            timeout: TimeSpan.FromSeconds(3));
    }
}
