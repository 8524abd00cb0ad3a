using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace WeatherFlow.ServiceDefaults;

/// <summary>Aspire's settings for <c>AddRedisClient</c>, bound from <c>Aspire:StackExchange:Redis</c>.</summary>
public sealed class StackExchangeRedisSettings
{
    public string? ConnectionString { get; set; }
    public bool DisableHealthChecks { get; set; }

    /// <summary>
    /// WeatherFlow addition: what the health check reports when Redis does not answer. Services that only use
    /// Redis as a cache set <see cref="HealthStatus.Degraded"/> so they stay ready without it.
    /// </summary>
    public HealthStatus HealthCheckFailureStatus { get; set; } = HealthStatus.Unhealthy;
}
