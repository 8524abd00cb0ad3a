using Azure.Storage.Blobs;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace WeatherFlow.AppHost.LocalServers;

/// <summary>
/// Healthy when the blob service answers an authenticated request for its properties: Azurite answers 403 to an
/// anonymous one, and a bare port check would pass a process that listens and never answers. A failure throws, and
/// the health check service reports it with the exception.
/// </summary>
internal sealed class BlobServiceHealthCheck(Func<BlobServiceClient> client) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await client().GetPropertiesAsync(cancellationToken);
        return HealthCheckResult.Healthy();
    }
}
