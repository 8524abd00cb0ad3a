using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace WeatherFlow.Web.Services;

/// <summary>Ready only when the api answers its liveness probe at <c>http://api</c>, which proves service discovery works.</summary>
public sealed class ApiHealthCheck(WeatherFlowApiClient api) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var status = await api.CheckAliveAsync(cancellationToken);
            return (int)status is >= 200 and < 300
                ? HealthCheckResult.Healthy($"api /alive answered {(int)status}")
                : HealthCheckResult.Unhealthy($"api /alive answered {(int)status}");
        }
        catch (Exception exception) when (exception is HttpRequestException or Polly.Timeout.TimeoutRejectedException)
        {
            return HealthCheckResult.Unhealthy("api unreachable", exception);
        }
    }
}
